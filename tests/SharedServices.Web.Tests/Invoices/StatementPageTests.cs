using Bunit;
using Microsoft.AspNetCore.Components;
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
/// The statement of account over the seed partnership scc-iwc-education-support: Southampton (SCC) bills the Isle of
/// Wight (IWC) £16,250.00 for October 2013 (one monthly instalment of £195,000.00 a year, outside the scope of VAT),
/// issued on 1 November 2013, with £10,000.00 paid on 20 November.
/// </summary>
public sealed class StatementPageTests : ComponentTestContext
{
    public StatementPageTests() => Clock.Today = new DateOnly(2013, 12, 2);

    private async Task IssueOctoberAndPartPayAsync()
    {
        int partnershipId;
        await using (var db = Database.CreateDbContext())
            partnershipId = await db.Partnerships.Where(p => p.Code == "scc-iwc-education-support").Select(p => p.Id).SingleAsync();
        var runs = Services.GetRequiredService<RechargeRuns>();
        var outcome = await runs.RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, partnershipId, "Tester");
        var id = Assert.Single(await runs.DraftsOfAsync(outcome.RunId));
        await Services.GetRequiredService<InvoiceIssuer>().IssueAsync([id], new DateOnly(2013, 11, 1));
        var version = (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Version;
        await Services.GetRequiredService<InvoiceAccounts>().RecordPaymentAsync(id, new Payment(new DateOnly(2013, 11, 20), new Money(10_000_00), "BACS 1182"), version);
    }

    private static IReadOnlyList<IReadOnlyList<string>> Rows(IRenderedComponent<StatementPage> cut) =>
        cut.FindAll("#statement tbody tr").Select(r => (IReadOnlyList<string>)r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();

    [Fact]
    public async Task StatementPage_FromTheAddress_ShowsEachTransactionWithTheRunningBalance()
    {
        await IssueOctoberAndPartPayAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("invoices/statement?provider=SCC&recipient=iwc&period=2013/14");

        var cut = RenderPage<StatementPage>();

        cut.WaitForAssertion(() => cut.Find("#statement"), Timeout);
        Assert.Equal("Southampton City Council to Isle of Wight Council, 2013/14 (1 April 2013 to 31 March 2014)", cut.TextOf("#statement-heading"));
        // Nothing before April 2013; £16,250.00 invoiced, then £16,250.00 − £10,000.00 = £6,250.00 after the part payment.
        Assert.Equal(
            [
                ["1 April 2013", "Balance brought forward", "", "", "£0.00"],
                ["1 November 2013", "Invoice", "SCC-2013/14-0001", "October 2013", "£16,250.00", "", "£16,250.00"],
                ["20 November 2013", "Payment", "BACS 1182", "Payment against SCC-2013/14-0001", "", "£10,000.00", "£6,250.00"],
                ["31 March 2014", "Balance carried forward", "", "", "£6,250.00"],
            ],
            Rows(cut));
        Assert.Empty(cut.FindAll("#statement-address-problem"));
    }

    [Fact]
    public async Task StatementPage_MonthWithNothingInIt_CarriesTheBalanceAndSaysSo()
    {
        await IssueOctoberAndPartPayAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("invoices/statement?provider=SCC&recipient=IWC&period=2013-12");

        var cut = RenderPage<StatementPage>();

        cut.WaitForAssertion(() => cut.Find("#statement-empty"), Timeout);
        Assert.Equal("£6,250.00", cut.Find("#statement-opening").Children.Last().TextContent.Trim());
        Assert.Equal("£6,250.00", cut.Find("#statement-closing").Children.Last().TextContent.Trim());
        Assert.Empty(cut.FindAll(".statement-entry"));
    }

    [Fact]
    public void StatementPage_BadValuesInTheAddress_SaysWhatIsWrongAndShowsNoStatement()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("invoices/statement?provider=XYZ&recipient=IWC&period=Octember");

        var cut = RenderPage<StatementPage>();

        cut.WaitForAssertion(() => cut.Find("#statement-address-problem"), Timeout);
        var problem = cut.TextOf("#statement-address-problem");
        Assert.Contains("The address gives the provider \"XYZ\", which is not the short code of any organisation.", problem);
        Assert.Contains("The address gives the period \"Octember\"", problem);
        Assert.Empty(cut.FindAll("#statement"));
    }

    [Fact]
    public void StatementPage_SameCouncilBothWaysInTheAddress_SaysChooseTwo()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("invoices/statement?provider=SCC&recipient=SCC&period=2013/14");

        var cut = RenderPage<StatementPage>();

        cut.WaitForAssertion(() => Assert.Contains("same council as provider and recipient", cut.TextOf("#statement-address-problem")), Timeout);
        Assert.Empty(cut.FindAll("#statement"));
    }

    [Fact]
    public async Task StatementPage_Chosen_GoesToTheAddressOfTheStatement_AndMissingChoicesAreNamed()
    {
        var cut = RenderPage<StatementPage>();
        cut.WaitForAssertion(() => cut.Find("#show-statement"), Timeout);

        await cut.Find("#show-statement").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Contains("Billed by: choose the council that sent the invoices.", cut.FieldErrors()), Timeout);
        Assert.Contains("Billed to: choose the council that was billed.", cut.FieldErrors());

        int scc, iwc;
        await using (var db = Database.CreateDbContext())
        {
            scc = await db.Organisations.Where(o => o.ShortCode == "SCC").Select(o => o.Id).SingleAsync();
            iwc = await db.Organisations.Where(o => o.ShortCode == "IWC").Select(o => o.Id).SingleAsync();
        }
        foreach (var (label, value) in new[] { ("Billed by", scc), ("Billed to", iwc) })
        {
            var select = cut.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label == label);
            await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
        }
        await cut.InputFor("statement-period").ChangeAsync(new() { Value = "October 2013" });
        await cut.Find("#show-statement").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.EndsWith("/invoices/statement?provider=SCC&recipient=IWC&period=2013-10", CurrentUri), Timeout);
    }

    [Fact]
    public void InvoicesPage_LinksToTheStatement()
    {
        var cut = RenderPage<InvoicesPage>();

        cut.WaitForAssertion(() => Assert.Equal("/invoices/statement", cut.Find("#statement-link").GetAttribute("href")), Timeout);
    }
}
