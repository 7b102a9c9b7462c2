using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Recharging;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Web.Components.Features.Invoices;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Invoices;

using SharedServices.Domain.Money;

/// <summary>
/// The finance officer's pages over the seed partnership scc-iwc-education-support: Southampton (SCC) bills the Isle
/// of Wight (IWC) for school improvement, £195,000.00 a year in 12 monthly instalments, so October 2013 is one draft
/// of one line, £16,250.00, outside the scope of VAT.
/// </summary>
public sealed class InvoicePagesTests : ComponentTestContext
{
    private const string Partnership = "scc-iwc-education-support";
    private static readonly DateOnly FirstOfNovember = new(2013, 11, 1);

    public InvoicePagesTests() => Clock.Today = FirstOfNovember;

    /// <summary>30 November 2013: a day by which the payments and credits these tests record have happened (none may be dated after today).</summary>
    private static readonly DateOnly ThirtiethOfNovember = new(2013, 11, 30);

    private async Task<int> PartnershipIdAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Partnerships.Where(p => p.Code == Partnership).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> OrganisationIdAsync(string code)
    {
        await using var db = Database.CreateDbContext();
        return await db.Organisations.Where(o => o.ShortCode == code).Select(o => o.Id).SingleAsync();
    }

    /// <summary>October 2013's draft, drafted through the Core as the run page would.</summary>
    private async Task<int> DraftOctoberAsync()
    {
        var runs = Services.GetRequiredService<RechargeRuns>();
        var outcome = await runs.RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, await PartnershipIdAsync(), "Tester");
        return Assert.Single(await runs.DraftsOfAsync(outcome.RunId));
    }

    /// <summary>October issued on 1 November 2013 (due 1 December 2013) with £10,000.00 paid on 20 November: £6,250.00 owed.</summary>
    private async Task IssueOctoberAndPartPayAsync()
    {
        var id = await DraftOctoberAsync();
        await Services.GetRequiredService<InvoiceIssuer>().IssueAsync([id], FirstOfNovember);
        Clock.Today = ThirtiethOfNovember;
        var version = (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Version;
        await Services.GetRequiredService<InvoiceAccounts>().RecordPaymentAsync(id, new Payment(new DateOnly(2013, 11, 20), new Money(10_000_00), "BACS 1182"), version);
    }

    private static async Task TypeAsync<T>(IRenderedComponent<T> cut, string id, string value) where T : class, Microsoft.AspNetCore.Components.IComponent =>
        await cut.InputFor(id).ChangeAsync(new() { Value = value });

    private static Task ClickAsync<T>(IRenderedComponent<T> cut, string id) where T : class, Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"#{id}").ClickAsync(new MouseEventArgs());

    private static async Task ChooseAsync<T>(IRenderedComponent<T> cut, string label, int value) where T : class, Microsoft.AspNetCore.Components.IComponent
    {
        var select = cut.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label == label);
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>Clicks a button that asks first, and answers <paramref name="answer"/>.</summary>
    private static async Task ClickAndConfirmAsync<T>(IRenderedComponent<T> cut, IRenderedComponent<MudDialogProvider> dialogs, string id, string answer)
        where T : class, Microsoft.AspNetCore.Components.IComponent
    {
        var clicked = ClickAsync(cut, id);
        dialogs.WaitForAssertion(() => DialogButton(dialogs, answer), Timeout);
        await DialogButton(dialogs, answer).ClickAsync(new MouseEventArgs());
        await clicked;
    }

    private (IRenderedComponent<T> Page, IRenderedComponent<MudDialogProvider> Dialogs) RenderWithDialogs<T>(
        Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : class, Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        return (Render<T>(parameters ?? (_ => { })), dialogs);
    }

    [Fact]
    public async Task RechargesPage_OctoberForSeedPartnership_DraftsOneInvoiceThenIssuesIt()
    {
        var (cut, dialogs) = RenderWithDialogs<RechargesPage>();
        cut.WaitForAssertion(() => cut.Find("#no-recent-runs"), Timeout);

        await TypeAsync(cut, "recharge-period", "October 2013");
        await ChooseAsync(cut, "Partnership", await PartnershipIdAsync());
        await ClickAsync(cut, "run-recharge");

        cut.WaitForAssertion(() => Assert.Equal("October 2013: 1 draft, 1 line, £16,250.00 net.", cut.TextOf("#recharge-outcome-summary")), Timeout);
        var draft = Assert.Single(cut.FindAll("#recharge-drafts tbody tr"));
        Assert.Equal(["Invoice (draft)", "Southampton City Council", "Isle of Wight Council", "October 2013", "£16,250.00"],
            draft.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Empty(cut.FindAll("#recharge-problems"));
        var recent = Assert.Single(cut.FindAll("#recent-runs tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        // The fixed clock stands at noon UTC; on 1 November the UK is on GMT, so 12:00 there too.
        Assert.Equal(["October 2013", "Southampton City Council to Isle of Wight Council: education support services", SignedInName, "1 November 2013 at 12:00", "Completed"], recent.Take(5));
        Assert.Equal("None yet", recent[^1]);

        Assert.Equal("Issue all 1 draft", cut.TextOf("#issue-all"));
        await ClickAndConfirmAsync(cut, dialogs, "issue-all", "Issue");

        cut.WaitForAssertion(() => Assert.StartsWith("Issued: SCC-2013/14-0001.", cut.TextOf("#recharge-issued")), Timeout);
        Assert.Empty(cut.FindAll("#recharge-drafts"));
        int runId;
        await using (var db = Database.CreateDbContext()) runId = await db.RechargeRuns.Select(r => r.Id).SingleAsync();
        var zip = cut.Find("#download-issued");
        Assert.Equal(($"/recharges/runs/{runId}/invoices.zip", true), (zip.GetAttribute("href"), zip.HasAttribute("download")));
        cut.WaitForAssertion(() => cut.Find($"#download-run-{runId}"), Timeout);
        var recentZip = cut.Find($"#download-run-{runId}");
        Assert.Equal(($"/recharges/runs/{runId}/invoices.zip", "1 workbook (.zip)", true), (recentZip.GetAttribute("href"), recentZip.TextContent.Trim(), recentZip.HasAttribute("download")));
        Assert.Equal("Download the 1 issued invoice of the October 2013 run as a zip of workbooks", recentZip.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task InvoicesPage_RegisterLink_FollowsTheFilters()
    {
        await IssueOctoberAndPartPayAsync();
        var cut = RenderWithDialogs<InvoicesPage>().Page;
        cut.WaitForAssertion(() => cut.Find("#invoice-count"), Timeout);
        var link = cut.Find("#download-register");
        Assert.Equal(("/invoices/register.xlsx", true), (link.GetAttribute("href"), link.HasAttribute("download")));
        Assert.Equal("A", link.TagName);

        var partnership = await PartnershipIdAsync();
        await ChooseAsync(cut, "Partnership", partnership);
        await ChooseAsync(cut, "Status", (int)InvoiceStatus.PartPaid);

        cut.WaitForAssertion(() => Assert.Equal($"/invoices/register.xlsx?partnership={partnership}&status=PartPaid", cut.Find("#download-register").GetAttribute("href")), Timeout);
    }

    [Fact]
    public async Task RechargesPage_PeriodThatIsNotOne_ShowsTheMessageOnTheFieldAndRunsNothing()
    {
        var cut = RenderPage<RechargesPage>();
        cut.WaitForAssertion(() => cut.Find("#no-recent-runs"), Timeout);

        await TypeAsync(cut, "recharge-period", "Octember 2013");
        await ChooseAsync(cut, "Partnership", await PartnershipIdAsync());
        await ClickAsync(cut, "run-recharge");

        cut.WaitForAssertion(() => Assert.Contains(
            "Period: \"Octember 2013\" is not a period. Write a month (2013-10 or October 2013), a quarter (2013/14-Q3), a school term (autumn 2013) or a financial year (2013/14).",
            cut.FieldErrors()), Timeout);
        Assert.Empty(cut.FindAll("#recharge-outcome"));
        Assert.Empty(await Services.GetRequiredService<RechargeRuns>().RecentAsync());
    }

    [Fact]
    public async Task RechargesPage_SameRunAlreadyGoing_SaysWhoStartedItAndDraftsNothing()
    {
        // A colleague's run of the same period and partnership, still going: it holds the run's lock.
        await using (var db = Database.CreateDbContext())
        {
            db.RechargeRuns.Add(new RechargeRun(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, await PartnershipIdAsync(), "Sam Reyes",
                new DateTimeOffset(2013, 11, 1, 9, 30, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();
        }
        var cut = RenderPage<RechargesPage>();
        cut.WaitForAssertion(() => cut.Find("#recent-runs"), Timeout);

        await TypeAsync(cut, "recharge-period", "2013-10");
        await ChooseAsync(cut, "Partnership", await PartnershipIdAsync());
        await ClickAsync(cut, "run-recharge");

        cut.WaitForAssertion(() => Assert.Contains(
            "The recharge for October 2013 is already running, started by Sam Reyes at 1 November 2013 at 09:30. Wait for it to finish.",
            cut.TextOf("#recharge-errors")), Timeout);
        Assert.Empty(cut.FindAll("#recharge-outcome"));
        await using var check = Database.CreateDbContext();
        Assert.Equal(0, await check.Invoices.CountAsync());
    }

    [Fact]
    public async Task InvoicePage_IssueThenPartPaymentThenTooMuch_NumbersItShowsPartPaidAndRefusesTheOverpaymentOnTheAmount()
    {
        var id = await DraftOctoberAsync();
        var (cut, dialogs) = RenderWithDialogs<InvoicePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("Invoice Draft", cut.TextOf("#invoice-heading")), Timeout);
        Assert.Equal("£16,250.00", cut.TextOf("#invoice-gross"));
        Assert.Equal("£0.00", cut.TextOf("#invoice-vat"));

        await ClickAndConfirmAsync(cut, dialogs, "issue-invoice", "Issue");

        cut.WaitForAssertion(() => Assert.Equal("Invoice SCC-2013/14-0001", cut.TextOf("#invoice-heading")), Timeout);
        // Issued 1 November 2013 on 30 days' terms.
        Assert.Equal("1 December 2013", cut.TextOf("#invoice-due"));
        Assert.Equal("Issued", cut.TextOf("#invoice-status"));

        Clock.Today = ThirtiethOfNovember;
        await TypeAsync(cut, "payment-date", "20/11/2013");
        await TypeAsync(cut, "payment-amount", "10,000.00");
        await TypeAsync(cut, "payment-reference", "BACS 1182");
        await ClickAsync(cut, "record-payment");

        // £16,250.00 − £10,000.00 = £6,250.00.
        cut.WaitForAssertion(() => Assert.Equal("Part-paid", cut.TextOf("#invoice-status")), Timeout);
        Assert.Equal("Paid £10,000.00; credited £0.00; outstanding £6,250.00.", cut.TextOf("#invoice-balance"));
        Assert.Equal(["20 November 2013", "£10,000.00", "BACS 1182"],
            cut.Find("#invoice-payments tbody tr").QuerySelectorAll("td").Select(td => td.TextContent.Trim()));

        await TypeAsync(cut, "payment-amount", "7,000.00");
        await ClickAsync(cut, "record-payment");

        cut.WaitForAssertion(() => Assert.Contains("Amount: £7,000.00 is more than the £6,250.00 outstanding on SCC-2013/14-0001.", cut.FieldErrors()), Timeout);
        Assert.Single(cut.FindAll("#invoice-payments tbody tr"));
        Assert.Equal(new Money(10_000_00), (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Invoice.Paid);
    }

    [Fact]
    public async Task InvoicePage_PartCredit_IssuesACreditNoteLinkedToTheInvoice()
    {
        await IssueOctoberAndPartPayAsync();
        var id = (await Services.GetRequiredService<Receivables>().ListAsync(new InvoiceFilter())).Single().Id;
        var (cut, dialogs) = RenderWithDialogs<InvoicePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("Part-paid", cut.TextOf("#invoice-status")), Timeout);

        var line = (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Invoice.Lines.Single().Id;
        await ChooseAsync(cut, "What to credit", line);
        await TypeAsync(cut, "credit-amount", "1,000.00");
        await TypeAsync(cut, "credit-reason", "Two days not delivered");
        await TypeAsync(cut, "credit-date", "25/11/2013");
        await ClickAndConfirmAsync(cut, dialogs, "raise-credit-note", "Issue credit note");

        // £6,250.00 − £1,000.00 credited = £5,250.00.
        cut.WaitForAssertion(() => Assert.Equal("Paid £10,000.00; credited £1,000.00; outstanding £5,250.00.", cut.TextOf("#invoice-balance")), Timeout);
        Assert.Contains("£1,000.00", cut.TextOf("#invoice-credit-notes"));
        Assert.StartsWith("Issued credit note ", cut.TextOf("#invoice-done"));
    }

    [Theory]
    [InlineData("1,00.00")]   // a group of two digits: was read as £100.00
    [InlineData("10,00")]
    [InlineData("1,0000.00")]
    [InlineData(",100")]
    public async Task InvoicePage_PaymentAmountWronglyGrouped_RefusedOnTheAmountAndNothingRecorded(string typed)
    {
        var id = await DraftOctoberAsync();
        await Services.GetRequiredService<InvoiceIssuer>().IssueAsync([id], FirstOfNovember);
        var cut = RenderWithDialogs<InvoicePage>(p => p.Add(x => x.Id, id)).Page;
        cut.WaitForAssertion(() => Assert.Equal("Issued", cut.TextOf("#invoice-status")), Timeout);

        await TypeAsync(cut, "payment-date", "20/11/2013");
        await TypeAsync(cut, "payment-amount", typed);
        await ClickAsync(cut, "record-payment");

        cut.WaitForAssertion(() => Assert.Contains($"Amount: \"{typed}\" is not an amount in pounds and pence, e.g. 1,234.56.", cut.FieldErrors()), Timeout);
        Assert.Equal(Money.Zero, (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Invoice.Paid);
    }

    [Fact]
    public async Task InvoicePage_PartCreditMoreThanTheLine_RefusedOnTheAmountBeforeAsking()
    {
        await IssueOctoberAndPartPayAsync();
        var id = (await Services.GetRequiredService<Receivables>().ListAsync(new InvoiceFilter())).Single().Id;
        var (cut, dialogs) = RenderWithDialogs<InvoicePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("Part-paid", cut.TextOf("#invoice-status")), Timeout);

        var line = (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Invoice.Lines.Single().Id;
        await ChooseAsync(cut, "What to credit", line);
        await TypeAsync(cut, "credit-amount", "999,999.00");
        await TypeAsync(cut, "credit-reason", "Typed too much");
        // Not awaited: were the question asked, the click would wait for its answer.
        _ = ClickAsync(cut, "raise-credit-note");

        // The line is £16,250.00 net: £999,999.00 is more than it, so no question is asked.
        cut.WaitForAssertion(() => Assert.Contains("Amount: enter more than £0.00 and no more than the line's £16,250.00.", cut.FieldErrors()), Timeout);
        Assert.DoesNotContain(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Issue credit note");
        Assert.Contains("Amount: enter more than £0.00 and no more than the line's £16,250.00.", cut.TextOf("#credit-errors"));
    }

    [Fact]
    public async Task InvoicePage_PartCreditMoreThanStillOwed_RefusedOnTheAmountBeforeAsking()
    {
        await IssueOctoberAndPartPayAsync();
        var id = (await Services.GetRequiredService<Receivables>().ListAsync(new InvoiceFilter())).Single().Id;
        var (cut, dialogs) = RenderWithDialogs<InvoicePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("Part-paid", cut.TextOf("#invoice-status")), Timeout);

        var line = (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Invoice.Lines.Single().Id;
        await ChooseAsync(cut, "What to credit", line);
        // Within the line's £16,250.00, but £16,250.00 − £10,000.00 paid = £6,250.00 is all that is owed (no VAT).
        await TypeAsync(cut, "credit-amount", "7,000.00");
        await TypeAsync(cut, "credit-reason", "Seven thousand not delivered");
        // Not awaited: were the question asked, the click would wait for its answer.
        _ = ClickAsync(cut, "raise-credit-note");

        cut.WaitForAssertion(() => Assert.Contains("Amount: the credit (£7,000.00 with VAT) is more than the £6,250.00 still owed on SCC-2013/14-0001.", cut.FieldErrors()), Timeout);
        Assert.DoesNotContain(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Issue credit note");
    }

    [Fact]
    public async Task InvoicePage_WholeInvoiceAfterPartPayment_SaysOnlyWhatIsOwedAndRefusesBeforeAsking()
    {
        await IssueOctoberAndPartPayAsync();
        var id = (await Services.GetRequiredService<Receivables>().ListAsync(new InvoiceFilter())).Single().Id;
        var (cut, dialogs) = RenderWithDialogs<InvoicePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("Part-paid", cut.TextOf("#invoice-status")), Timeout);

        // £16,250.00 invoiced, £10,000.00 paid: £6,250.00 still owed.
        var choice = cut.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label == "What to credit");
        Assert.Equal("The whole invoice (£16,250.00; only £6,250.00 is still owed)", choice.Instance.ToStringFunc!(0));
        await TypeAsync(cut, "credit-reason", "Not delivered");
        // Not awaited: were the question asked, the click would wait for its answer.
        _ = ClickAsync(cut, "raise-credit-note");

        cut.WaitForAssertion(() => Assert.Contains(
            "What to credit: the whole invoice (£16,250.00) is more than the £6,250.00 still owed on SCC-2013/14-0001; choose a line and credit part of it.",
            cut.FieldErrors()), Timeout);
        Assert.DoesNotContain(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Issue credit note");
    }

    [Fact]
    public async Task RechargesPage_EnterInThePeriod_RunsAsTheRunButtonDoes()
    {
        var cut = RenderPage<RechargesPage>();
        cut.WaitForAssertion(() => cut.Find("#no-recent-runs"), Timeout);

        await TypeAsync(cut, "recharge-period", "October 2013");
        await ChooseAsync(cut, "Partnership", await PartnershipIdAsync());
        // Enter in a text field submits its form.
        await cut.Find("#recharge-form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("October 2013: 1 draft, 1 line, £16,250.00 net.", cut.TextOf("#recharge-outcome-summary")), Timeout);
        Assert.Single(await Services.GetRequiredService<RechargeRuns>().RecentAsync());
    }

    [Fact]
    public async Task RechargesPage_BadIssueDateThenGoodOne_TheOldProblemGoesBeforeTheQuestion()
    {
        var (cut, dialogs) = RenderWithDialogs<RechargesPage>();
        cut.WaitForAssertion(() => cut.Find("#no-recent-runs"), Timeout);
        await TypeAsync(cut, "recharge-period", "October 2013");
        await ChooseAsync(cut, "Partnership", await PartnershipIdAsync());
        await ClickAsync(cut, "run-recharge");
        cut.WaitForAssertion(() => cut.Find("#issue-all"), Timeout);

        await TypeAsync(cut, "issue-date", "31/11/2013");
        await ClickAsync(cut, "issue-all");
        cut.WaitForAssertion(() => Assert.Contains("Issue date", cut.TextOf("#issue-errors")), Timeout);

        await TypeAsync(cut, "issue-date", "01/11/2013");
        var clicked = ClickAsync(cut, "issue-all");
        dialogs.WaitForAssertion(() => DialogButton(dialogs, "Issue"), Timeout);
        Assert.Empty(cut.FindAll("#issue-errors"));
        await DialogButton(dialogs, "Keep").ClickAsync(new MouseEventArgs());
        await clicked;
    }

    [Fact]
    public async Task InvoicePage_DisputeWithoutReasonThenWithOneThenResolved_NamesTheReasonFieldAndMovesTheStatus()
    {
        var id = await DraftOctoberAsync();
        await Services.GetRequiredService<InvoiceIssuer>().IssueAsync([id], FirstOfNovember);
        Clock.Today = ThirtiethOfNovember;
        var cut = RenderPage<InvoicePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("Issued", cut.TextOf("#invoice-status")), Timeout);

        await ClickAsync(cut, "dispute-invoice");
        cut.WaitForAssertion(() => Assert.Contains("Reason: say why the invoice is disputed.", cut.FieldErrors()), Timeout);

        await TypeAsync(cut, "dispute-reason", "Visits in October not agreed");
        await ClickAsync(cut, "dispute-invoice");
        cut.WaitForAssertion(() => Assert.Equal("Disputed: Visits in October not agreed", cut.TextOf("#invoice-status")), Timeout);

        await ClickAsync(cut, "resolve-dispute");
        cut.WaitForAssertion(() => Assert.Equal("Issued", cut.TextOf("#invoice-status")), Timeout);
    }

    [Fact]
    public async Task InvoicePage_PaymentRecordedElsewhereMeanwhile_RefusesThenReloadShowsIt()
    {
        var id = await DraftOctoberAsync();
        await Services.GetRequiredService<InvoiceIssuer>().IssueAsync([id], FirstOfNovember);
        Clock.Today = ThirtiethOfNovember;
        var cut = RenderPage<InvoicePage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("Issued", cut.TextOf("#invoice-status")), Timeout);

        // A colleague records £10,000.00 after this page was opened.
        var version = (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Version;
        await Services.GetRequiredService<InvoiceAccounts>().RecordPaymentAsync(id, new Payment(new DateOnly(2013, 11, 20), new Money(10_000_00), "BACS 1182"), version);

        await TypeAsync(cut, "payment-amount", "10,000.00");
        await ClickAsync(cut, "record-payment");

        cut.WaitForAssertion(() => Assert.Contains("This invoice was changed by someone else", cut.TextOf("#edit-conflict")), Timeout);
        Assert.Equal(new Money(10_000_00), (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Invoice.Paid);
        await ClickAsync(cut, "reload-after-conflict");
        cut.WaitForAssertion(() => Assert.Equal("Paid £10,000.00; credited £0.00; outstanding £6,250.00.", cut.TextOf("#invoice-balance")), Timeout);
    }

    [Fact]
    public void InvoicePage_UnknownId_SaysNotFound()
    {
        var cut = RenderPage<InvoicePage>(p => p.Add(x => x.Id, 999));

        cut.WaitForAssertion(() => Assert.Contains("There is no invoice 999.", cut.Text()), Timeout);
        Assert.Empty(cut.FindAll("#issue-invoice"));
    }

    [Fact]
    public async Task AgedDebtPage_FifteenthOfJanuary_ShowsTheBalanceAs31To60DaysOverdue()
    {
        await IssueOctoberAndPartPayAsync();
        var cut = RenderPage<AgedDebtPage>();
        cut.WaitForAssertion(() => cut.Find("#show-aged-debt"), Timeout);

        // Due 1 December 2013; 15 January 2014 is 45 days later.
        await TypeAsync(cut, "aged-debt-as-of", "15/01/2014");
        await ClickAsync(cut, "show-aged-debt");

        cut.WaitForAssertion(() => Assert.Equal("Owed on 15 January 2014", cut.TextOf("#aged-debt-heading")), Timeout);
        var row = Assert.Single(cut.FindAll("#aged-debt tbody tr"));
        Assert.Equal("Isle of Wight Council", row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(["£0.00", "£0.00", "£6,250.00", "£0.00", "£0.00", "£6,250.00"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var download = cut.Find("#download-aged-debt");
        Assert.Equal(("/invoices/aged-debt.xlsx?asOf=2014-01-15", true), (download.GetAttribute("href"), download.HasAttribute("download")));
    }

    [Fact]
    public async Task SettlementPage_SouthamptonAndIsleOfWight_SaysWhoOwesWhom()
    {
        await IssueOctoberAndPartPayAsync();
        var cut = RenderPage<SettlementPage>();
        cut.WaitForAssertion(() => cut.Find("#show-settlement"), Timeout);

        await ChooseAsync(cut, "First organisation", await OrganisationIdAsync("SCC"));
        await ChooseAsync(cut, "Second organisation", await OrganisationIdAsync("IWC"));
        await TypeAsync(cut, "settlement-period", "2013/14");
        await ClickAsync(cut, "show-settlement");

        // £16,250.00 invoiced − £10,000.00 paid = £6,250.00 to Southampton; nothing the other way.
        cut.WaitForAssertion(() => Assert.Equal("Isle of Wight Council owes Southampton City Council £6,250.00.", cut.TextOf("#settlement-net")), Timeout);
        var ways = cut.FindAll("#settlement tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(2, ways.Count);
        var download = cut.Find("#download-settlement");
        Assert.Equal(($"/invoices/settlement.xlsx?a={await OrganisationIdAsync("SCC")}&b={await OrganisationIdAsync("IWC")}&period=2013%2F14", true),
            (download.GetAttribute("href"), download.HasAttribute("download")));
    }
}
