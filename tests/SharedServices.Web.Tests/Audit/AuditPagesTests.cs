using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Audit;
using SharedServices.Core.Partnerships;
using SharedServices.Web.Components.Features.Audit;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Audit;

/// <summary>
/// The audit trail pages over the seed data, which leaves six entries: one for organisations.json and one for each of
/// the five partnership files.
/// </summary>
public sealed class AuditPagesTests : ComponentTestContext
{
    private const string Halton = "halton-cwac-shared-service";
    private const string HaltonName = "Halton Borough Council and Cheshire West and Chester Council: shared service for children and young people";

    /// <summary>Renames the Halton partnership as Jo Bloggs, through the Core as the edit page does.</summary>
    private async Task RenameHaltonAsync()
    {
        var p = (await Services.GetRequiredService<PartnershipDetails>().FindAsync(Halton))!;
        var form = PartnershipForm.From(p);
        form.Name = "Halton and CWAC shared service";
        using (CallerContext.Use(Caller.System("Jo Bloggs (jo@halton.gov.uk)")))
            await Services.GetRequiredService<PartnershipEditor>().SaveAsync(form);
    }

    private async Task<AuditEntry> LatestAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
    }

    [Fact]
    public async Task AuditPage_ListsTheEntriesNewestFirst_WithUkTimeAndBeforeAndAfter()
    {
        await RenameHaltonAsync();
        var rename = await LatestAsync();

        var cut = RenderPage<AuditPage>();

        // 4 roles added at start-up, 6 seed files and the rename: 11.
        cut.WaitForAssertion(() => Assert.Equal("11 entries, newest first", cut.TextOf("#entry-count")), Timeout);
        var first = cut.FindAll("#audit-entries tbody tr")[0];
        var cells = first.QuerySelectorAll("td").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(SharedServices.Domain.Dates.UkTime.Show(rename.AtUtc), cells[0]);
        Assert.Equal(("Jo Bloggs (jo@halton.gov.uk)", "Changed"), (cells[1], cells[2]));
        Assert.Equal("Halton and CWAC shared service", cells[4]);
        // The arrow is for the eye (aria-hidden); "changed to" for a screen reader.
        Assert.Equal($"Name: {HaltonName} → changed to Halton and CWAC shared service", cells[6]);
        Assert.Equal($"/partnerships/{Halton}/audit", first.QuerySelector("td a")!.GetAttribute("href"));
        Assert.Equal("/audit/export.xlsx", cut.Find("#export-audit").GetAttribute("href"));
    }

    [Fact]
    public async Task AuditPage_FiltersByText_AndTheExportLinkFollows()
    {
        await RenameHaltonAsync();
        var cut = RenderPage<AuditPage>();
        cut.WaitForAssertion(() => cut.Find("#entry-count"), Timeout);

        cut.InputFor("filter-text").Change("CWAC shared");

        cut.WaitForAssertion(() => Assert.Equal("1 entry, newest first", cut.TextOf("#entry-count")), Timeout);
        Assert.Equal("/audit/export.xlsx?text=CWAC%20shared", cut.Find("#export-audit").GetAttribute("href"));
        cut.InputFor("filter-who").Change("nobody at all");
        cut.WaitForAssertion(() => Assert.Equal("No entries match.", cut.TextOf("#no-entries")), Timeout);
    }

    [Fact]
    public async Task AuditPage_PagesFiftyAtATime()
    {
        var trail = Services.GetRequiredService<AuditTrail>();
        for (var i = 1; i <= 55; i++) await trail.RecordEventAsync(AuditAction.SignedIn, $"Signed in ({i})", who: "jo@halton.gov.uk");
        var cut = RenderPage<AuditPage>();

        // The 4 roles start-up adds, then 6 seed entries, then 55 sign-ins = 65: page 1 holds 50, page 2 the other 15,
        // the seed's six and, oldest of all, the four roles last.
        cut.WaitForAssertion(() => Assert.Equal("65 entries; page 1 of 2, newest first", cut.TextOf("#entry-count")), Timeout);
        Assert.Equal(50, cut.FindAll("#audit-entries tbody tr").Count);
        cut.Find("#next-page").Click();

        cut.WaitForAssertion(() => Assert.Equal("65 entries; page 2 of 2, newest first", cut.TextOf("#entry-count")), Timeout);
        var rows = cut.FindAll("#audit-entries tbody tr");
        Assert.Equal(15, rows.Count);
        Assert.Contains("Signed in (5)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("organisations.json", rows[^5].TextContent, StringComparison.Ordinal);
        Assert.Contains("Role", rows[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnershipAuditPage_ShowsOnlyThatPartnershipsEntries()
    {
        await RenameHaltonAsync();

        var cut = RenderPage<PartnershipAuditPage>(p => p.Add(x => x.Code, Halton));

        cut.WaitForAssertion(() => Assert.Equal("2 entries, newest first", cut.TextOf("#entry-count")), Timeout);
        Assert.Equal("Audit trail of Halton and CWAC shared service", cut.TextOf("h1"));
        var rows = cut.FindAll("#audit-entries tbody tr");
        Assert.Contains("Jo Bloggs", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("partnerships/05-halton-cwac-shared-service.json", rows[1].TextContent, StringComparison.Ordinal);
        // No partnership column on a partnership's own trail.
        Assert.DoesNotContain("Partnership", cut.FindAll("#audit-entries th").Select(th => th.TextContent));
        Assert.Equal($"/audit/export.xlsx?partnership={Halton}", cut.Find("#export-audit").GetAttribute("href"));
    }

    [Fact]
    public void PartnershipAuditPage_UnknownCode_SaysNotFound()
    {
        var cut = RenderPage<PartnershipAuditPage>(p => p.Add(x => x.Code, "no-such-partnership"));

        cut.WaitForAssertion(() => Assert.Equal("Partnership not found", cut.TextOf("h1")), Timeout);
        Assert.Empty(cut.FindAll("#audit-entries"));
    }

    [Fact]
    public void FieldNames_ReadAsWords()
    {
        Assert.Equal("Term › end date", AuditChange.FieldName("Term.EndDate"));
        Assert.Equal("Lines #12 › net", AuditChange.FieldName("Lines #12.Net"));
        Assert.Equal("Password hash", AuditChange.FieldName("PasswordHash"));
        Assert.Equal("VAT rate", AuditChange.FieldName("VATRate"));
    }
}
