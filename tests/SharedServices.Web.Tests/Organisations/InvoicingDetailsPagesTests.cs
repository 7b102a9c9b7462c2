using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Organisations;
using SharedServices.Core.Recharging;
using SharedServices.Domain.Recharging;
using SharedServices.Web.Components.Features.Invoices;
using SharedServices.Web.Components.Features.Organisations;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Organisations;

/// <summary>An organisation's address, VAT registration and bank details: edited on its form, shown on its page and on its invoices.</summary>
public sealed class InvoicingDetailsPagesTests : ComponentTestContext
{
    private static async Task TypeAsync(IRenderedComponent<OrganisationEditPage> cut, string id, string value) =>
        await cut.InputFor(id).ChangeAsync(new() { Value = value });

    /// <summary>
    /// The error shown under text box <paramref name="id"/>, found as a screen reader finds it: through the box's
    /// aria-describedby, and only while the box is marked invalid.
    /// </summary>
    private static IReadOnlyList<string> ErrorsBy(IRenderedComponent<OrganisationEditPage> cut, string id)
    {
        var input = cut.InputFor(id);
        if (input.GetAttribute("aria-invalid") != "true") return [];
        return (input.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => cut.Find($"[id='{d}']").TextContent.Trim()).ToList();
    }

    /// <summary>The lines of a multi-line value, each shown as a block of its own.</summary>
    private static IReadOnlyList<string> Lines(IElement value) => value.QuerySelectorAll(".d-block").Select(l => l.TextContent.Trim()).ToList();

    private async Task<OrganisationForm> OpenAsync(string code) =>
        OrganisationForm.From((await Services.GetRequiredService<OrganisationDirectory>().FindAsync(code))!.Organisation);

    [Fact]
    public async Task OrganisationEditPage_BadSortCode_MessageByTheFieldAndNothingSaved()
    {
        var cut = RenderPage<OrganisationEditPage>(p => p.Add(x => x.ShortCode, "IWC"));
        cut.WaitForAssertion(() => cut.Find("#organisation-sort-code"), Timeout);

        await TypeAsync(cut, "organisation-account-name", "Isle of Wight Council");
        await TypeAsync(cut, "organisation-sort-code", "12-34-5");
        await TypeAsync(cut, "organisation-account-number", "12345678");
        await cut.Find("#save-organisation").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(["Sort code: enter six digits, such as 12-34-56."], ErrorsBy(cut, "organisation-sort-code")), Timeout);
        Assert.Empty(ErrorsBy(cut, "organisation-account-number"));
        Assert.EndsWith("/", CurrentUri);
        await using var db = Database.CreateDbContext();
        Assert.Null((await db.Organisations.SingleAsync(o => o.ShortCode == "IWC")).Invoicing.SortCode);
    }

    [Fact]
    public async Task OrganisationEditPage_PostcodeWithoutAddress_MessageByTheAddress()
    {
        var cut = RenderPage<OrganisationEditPage>(p => p.Add(x => x.ShortCode, "HCC"));
        cut.WaitForAssertion(() => cut.Find("#organisation-postcode"), Timeout);

        await TypeAsync(cut, "organisation-postcode", "SO23 8UJ");
        await cut.Find("#save-organisation").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(["Address: enter the address that goes with the postcode, one line per line."],
            ErrorsBy(cut, "organisation-address")), Timeout);
    }

    [Fact]
    public async Task OrganisationEditPage_EveryDetail_SavedAndShownOnTheOrganisationsPage()
    {
        var cut = RenderPage<OrganisationEditPage>(p => p.Add(x => x.ShortCode, "IWC"));
        cut.WaitForAssertion(() => cut.Find("#organisation-address"), Timeout);

        await TypeAsync(cut, "organisation-address", "County Hall\nHigh Street\nNewport");
        await TypeAsync(cut, "organisation-postcode", "po30 1ud");
        await TypeAsync(cut, "organisation-vat", "GB 999 9999 73");   // 315 + 73 = 388 = 4 × 97
        await TypeAsync(cut, "organisation-account-name", "Isle of Wight Council");
        await TypeAsync(cut, "organisation-sort-code", "123456");
        await TypeAsync(cut, "organisation-account-number", "12345678");
        await TypeAsync(cut, "organisation-remittance-email", "income@iow.example.gov.uk");
        await cut.Find("#save-organisation").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.EndsWith("/organisations/IWC", CurrentUri), Timeout);
        var page = Render<OrganisationPage>(p => p.Add(x => x.ShortCode, "IWC"));
        page.WaitForAssertion(() => page.Find("#invoicing-details"), Timeout);
        Assert.Equal(["County Hall", "High Street", "Newport", "PO30 1UD"], Lines(page.Find("#invoicing-details .address")));
        Assert.Equal("GB 999 9999 73", page.TextOf("#invoicing-details .vat"));
        Assert.Equal(["Isle of Wight Council", "Sort code 12-34-56", "Account number 12345678"], Lines(page.Find("#invoicing-details .bank")));
        Assert.Equal("income@iow.example.gov.uk", page.TextOf("#invoicing-details .remittance"));
    }

    [Fact]
    public void OrganisationPage_NothingRecorded_SaysSo()
    {
        var page = RenderPage<OrganisationPage>(p => p.Add(x => x.ShortCode, "HCC"));

        page.WaitForAssertion(() => page.Find("#invoicing-details"), Timeout);
        Assert.Equal(["not recorded", "not recorded", "not recorded", "not recorded"],
            page.FindAll("#invoicing-details dd").Select(d => d.TextContent.Trim()));
    }

    [Fact]
    public async Task InvoicePage_ProviderDetailsRecorded_ShowsThemAndTheRecipientsAddressOnly()
    {
        // Southampton bills the Isle of Wight in the seed partnership scc-iwc-education-support.
        var southampton = await OpenAsync("SCC");
        southampton.Address = "Civic Centre";
        southampton.Postcode = "SO14 7LY";
        southampton.BankAccountName = "Southampton City Council";
        southampton.SortCode = "12-34-56";
        southampton.AccountNumber = "87654321";
        await Services.GetRequiredService<OrganisationDirectory>().SaveAsync(southampton);
        Clock.Today = new DateOnly(2013, 11, 1);
        var runs = Services.GetRequiredService<RechargeRuns>();
        await using (var db = Database.CreateDbContext())
        {
            var partnership = await db.Partnerships.Where(p => p.Code == "scc-iwc-education-support").Select(p => p.Id).SingleAsync();
            var outcome = await runs.RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, partnership, "Tester");
            var id = Assert.Single(await runs.DraftsOfAsync(outcome.RunId));

            var cut = RenderPage<InvoicePage>(p => p.Add(x => x.Id, id));

            cut.WaitForAssertion(() => cut.Find("#invoice-provider-details"), Timeout);
            Assert.Equal(["Civic Centre", "SO14 7LY"], Lines(cut.Find("#invoice-provider-details .address")));
            Assert.Equal(["Southampton City Council", "Sort code 12-34-56", "Account number 87654321"], Lines(cut.Find("#invoice-provider-details .bank")));
            Assert.Equal("not recorded", cut.TextOf("#invoice-recipient-details .address"));
            Assert.Empty(cut.FindAll("#invoice-recipient-details .bank"));
        }
    }

    [Fact]
    public async Task InvoicePage_IssuedThenProviderMovedAndChangedBank_StillShowsTheDetailsAsIssued()
    {
        var southampton = await OpenAsync("SCC");
        southampton.Address = "Civic Centre";
        southampton.Postcode = "SO14 7LY";
        southampton.BankAccountName = "Southampton City Council";
        southampton.SortCode = "12-34-56";
        southampton.AccountNumber = "87654321";
        await Services.GetRequiredService<OrganisationDirectory>().SaveAsync(southampton);
        Clock.Today = new DateOnly(2013, 11, 1);
        var runs = Services.GetRequiredService<RechargeRuns>();
        int id;
        await using (var db = Database.CreateDbContext())
        {
            var partnership = await db.Partnerships.Where(p => p.Code == "scc-iwc-education-support").Select(p => p.Id).SingleAsync();
            var outcome = await runs.RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, partnership, "Tester");
            id = Assert.Single(await runs.DraftsOfAsync(outcome.RunId));
        }
        await Services.GetRequiredService<InvoiceIssuer>().IssueAsync([id], new DateOnly(2013, 11, 1));
        // Southampton moves and changes bank after the invoice went out.
        var moved = await OpenAsync("SCC");
        moved.Address = "Guildhall";
        moved.Postcode = "SO14 7LP";
        moved.BankAccountName = "Southampton City Council Income";
        moved.SortCode = "65-43-21";
        moved.AccountNumber = "11112222";
        await Services.GetRequiredService<OrganisationDirectory>().SaveAsync(moved);

        var cut = RenderPage<InvoicePage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => cut.Find("#invoice-provider-details"), Timeout);
        Assert.Equal(["Civic Centre", "SO14 7LY"], Lines(cut.Find("#invoice-provider-details .address")));
        Assert.Equal(["Southampton City Council", "Sort code 12-34-56", "Account number 87654321"], Lines(cut.Find("#invoice-provider-details .bank")));
    }
}
