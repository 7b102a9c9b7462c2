using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Recharging;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Web.Components.Features.Dashboard;
using SharedServices.Web.Components.Features.Invoices;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Dashboard;

using SharedServices.Domain.Money;

/// <summary>
/// This financial year's money on the dashboard, on 2 December 2013: Southampton (SCC) invoiced the Isle of Wight (IWC)
/// £16,250.00 for October 2013 on 1 November (seed partnership scc-iwc-education-support), credited £1,234.56 on
/// 8 November and was paid £10,000.00 on 20 November.
/// </summary>
public sealed class DashboardMoneyTests : ComponentTestContext
{
    public DashboardMoneyTests() => Clock.Today = new DateOnly(2013, 12, 2);

    private async Task OctoberAsync()
    {
        int partnershipId;
        await using (var db = Database.CreateDbContext())
            partnershipId = await db.Partnerships.Where(p => p.Code == "scc-iwc-education-support").Select(p => p.Id).SingleAsync();
        var runs = Services.GetRequiredService<RechargeRuns>();
        var outcome = await runs.RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, partnershipId, "Tester");
        var id = Assert.Single(await runs.DraftsOfAsync(outcome.RunId));
        var issuer = Services.GetRequiredService<InvoiceIssuer>();
        await issuer.IssueAsync([id], new DateOnly(2013, 11, 1));
        var accounts = Services.GetRequiredService<InvoiceAccounts>();
        int lineId;
        await using (var db = Database.CreateDbContext())
            lineId = await db.InvoiceLines.Where(l => EF.Property<int>(l, "InvoiceId") == id).Select(l => l.Id).SingleAsync();
        var credit = await accounts.DraftCreditNoteAsync(id, new CreditNoteRequest("Two days not delivered", lineId, new Money(1_234_56)));
        await issuer.IssueAsync([credit], new DateOnly(2013, 11, 8));
        var version = (await Services.GetRequiredService<Receivables>().FindAsync(id))!.Version;
        await accounts.RecordPaymentAsync(id, new Payment(new DateOnly(2013, 11, 20), new Money(10_000_00), "BACS 1182"), version);
    }

    [Fact]
    public async Task DashboardPage_ShowsTheYearsInvoicedPaidAndOutstanding_EachLinkingToItsList()
    {
        await OctoberAsync();

        var cut = RenderPage<DashboardPage>();

        cut.WaitForAssertion(() => cut.Find("#year-money"), Timeout);
        Assert.Contains("Invoices issued in 2013/14", cut.TextOf("#year-money"));
        // Invoiced: £16,250.00 − £1,234.56 credited = £15,015.44. Paid £10,000.00. Outstanding: £15,015.44 − £10,000.00 = £5,015.44.
        Assert.Equal(("£15,015.44", "£10,000.00", "£5,015.44"), (cut.TextOf("#year-invoiced"), cut.TextOf("#year-paid"), cut.TextOf("#year-outstanding")));
        Assert.Equal(("/invoices?issued=2013/14", "/invoices?issued=2013/14&money=paid", "/invoices?issued=2013/14&money=outstanding"),
            (cut.Find("#year-invoiced").GetAttribute("href"), cut.Find("#year-paid").GetAttribute("href"), cut.Find("#year-outstanding").GetAttribute("href")));
    }

    [Fact]
    public void DashboardPage_NothingIssuedThisYear_ShowsNoughts()
    {
        Clock.Today = new DateOnly(2026, 11, 23);

        var cut = RenderPage<DashboardPage>();

        cut.WaitForAssertion(() => cut.Find("#year-money"), Timeout);
        Assert.Contains("Invoices issued in 2026/27", cut.TextOf("#year-money"));
        Assert.Equal(("£0.00", "£0.00", "£0.00"), (cut.TextOf("#year-invoiced"), cut.TextOf("#year-paid"), cut.TextOf("#year-outstanding")));
    }

    [Theory]
    [InlineData("invoices?issued=2013/14", new[] { "SCC-2013/14-0001", "SCC-CN-2013/14-0001" })]
    [InlineData("invoices?issued=2013/14&money=outstanding", new[] { "SCC-2013/14-0001" })]
    [InlineData("invoices?issued=2012/13", new string[0])]
    public async Task InvoicesPage_TheDashboardsLinks_ListTheInvoicesBehindEachFigure(string address, string[] numbers)
    {
        await OctoberAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        var cut = RenderPage<InvoicesPage>();

        cut.WaitForAssertion(() => Assert.True(cut.FindAll("#invoices, #no-invoices").Count > 0), Timeout);
        Assert.Equal(numbers, cut.FindAll(".invoice-row td:first-child").Select(td => td.TextContent.Trim()).Order(StringComparer.Ordinal));
        Assert.Contains("Showing only invoices and credit notes issued in", cut.TextOf("#address-filter"));
    }

    [Fact]
    public void InvoicesPage_BadFiltersInTheAddress_SayWhatIsWrong()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("invoices?issued=last-year&money=lots");

        var cut = RenderPage<InvoicesPage>();

        cut.WaitForAssertion(() => cut.Find("#address-problem"), Timeout);
        Assert.Contains("The address asks for invoices issued in \"last-year\"", cut.TextOf("#address-problem"));
        Assert.Contains("The address asks for money \"lots\", which is neither paid nor outstanding.", cut.TextOf("#address-problem"));
    }
}
