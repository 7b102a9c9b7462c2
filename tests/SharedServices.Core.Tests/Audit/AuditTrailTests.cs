using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Access;
using SharedServices.Core.Audit;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Core.Tests.Exports;
using SharedServices.Core.Tests.Recharging;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Organisations;

namespace SharedServices.Core.Tests.Audit;

/// <summary>
/// Browsing the trail: what a person of each organisation sees, the filters and paging, events, and the Excel export.
/// </summary>
public abstract class AuditTrailTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private AuditTrail Trail => Get<AuditTrail>();

    private const string Injection = "=HYPERLINK(\"http://evil.example\",\"Click me\")";

    private async Task<int> AddOrganisationAsync(string code)
    {
        await using var db = Factory.CreateDbContext();
        var organisation = new Organisation($"Elsewhere Council {code}", code, OrganisationKind.UnitaryAuthority);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    /// <summary>Testford and Otherby's partnership, renamed once by Testford's officer.</summary>
    private async Task<TestPartnership> RenamedPartnershipAsync(string name = "Testford and Otherby, renamed")
    {
        var p = await TestPartnership.AddAsync(Factory);
        var partnership = (await Get<PartnershipDetails>().FindAsync("testford-otherby"))!;
        var form = PartnershipForm.From(partnership);
        form.Name = name;
        using (CallerContext.Use(Caller.Person("Tess Ford (tess@testford.gov.uk)", "user-tess", p.ProviderId, [Roles.BoardMember])))
            await Get<PartnershipEditor>().SaveAsync(form);
        return p;
    }

    [Fact]
    public async Task PersonOfAnotherOrganisation_SeesNoneOfAForeignPartnershipsEntries()
    {
        var p = await RenamedPartnershipAsync();
        var foreign = await AddOrganisationAsync("ELS");
        var system = await Trail.BrowseAsync(new AuditFilter(), pageSize: 500);
        // The system sees the partnership's five entries: the partnership created (its parties folded in), its service,
        // its schedule (the rate folded in) and its VAT treatment created, and the rename. (Its two councils' entries
        // belong to the councils, not the partnership.)
        Assert.Equal(5, system.Rows.Count(r => r.PartnershipCode == "testford-otherby"));

        AuditEntriesPage seenByForeign, seenByParty;
        using (CallerContext.Use(Caller.Person("Els Where (els@elsewhere.gov.uk)", "user-els", foreign, [Roles.BoardMember])))
        {
            seenByForeign = await Trail.BrowseAsync(new AuditFilter(), pageSize: 500);
            var notFound = await Assert.ThrowsAsync<DomainException>(() => Trail.BrowseAsync(new AuditFilter(PartnershipCode: "testford-otherby")));
            Assert.Equal("No partnership has the code \"testford-otherby\".", notFound.Message);
            Assert.Equal(0, (await Trail.BrowseAsync(new AuditFilter(Text: "Testford and Otherby"))).Total);
        }
        using (CallerContext.Use(Caller.Person("Otto Herby (otto@otherby.gov.uk)", "user-otto", p.RecipientId, [Roles.BoardMember])))
            seenByParty = await Trail.BrowseAsync(new AuditFilter(PartnershipCode: "testford-otherby"), pageSize: 500);

        Assert.DoesNotContain(seenByForeign.Rows, r => r.Summary.Contains("Testford", StringComparison.Ordinal));
        // The foreign council sees its own organisation's entry (its record being created) and the reference data (the seed's organisations file).
        Assert.Contains(seenByForeign.Rows, r => r.Kind == AuditRecordNames.Organisation && r.Key == foreign.ToString());
        Assert.Contains(seenByForeign.Rows, r => r.Kind == AuditRecordNames.SeedData && r.Key == "organisations.json");
        // A seeded partnership the foreign council is not party to stays hidden too.
        Assert.DoesNotContain(seenByForeign.Rows, r => r.Key.StartsWith("partnerships/", StringComparison.Ordinal));
        Assert.Equal(system.Rows.Count(r => r.PartnershipCode == "testford-otherby"), seenByParty.Total);
        Assert.Contains(seenByParty.Rows, r => r.Who == "Tess Ford (tess@testford.gov.uk)" && r.Action == AuditAction.Updated);
    }

    [Fact]
    public async Task Filters_ByKindWhoActionTextAndUkDates_AndPages()
    {
        await RenamedPartnershipAsync();
        var today = DateOnly.FromDateTime(UkTime.FromUtc(DateTime.UtcNow));

        var byWho = await Trail.BrowseAsync(new AuditFilter(Who: "tess"));
        var updated = await Trail.BrowseAsync(new AuditFilter(PartnershipCode: "testford-otherby", Kind: AuditRecordNames.Partnership, Action: AuditAction.Updated));
        var byText = await Trail.BrowseAsync(new AuditFilter(Text: "RENAMED"));
        var todayOnly = await Trail.BrowseAsync(new AuditFilter(From: today, To: today));
        var tomorrow = await Trail.BrowseAsync(new AuditFilter(From: today.AddDays(1)));
        var yesterday = await Trail.BrowseAsync(new AuditFilter(To: today.AddDays(-1)));
        var all = await Trail.BrowseAsync(new AuditFilter());
        var page2 = await Trail.BrowseAsync(new AuditFilter(), page: 2, pageSize: 3);

        var rename = Assert.Single(byWho.Rows);
        Assert.Equal((AuditAction.Updated, AuditRecordNames.Partnership, "testford-otherby", "Testford and Otherby, renamed"),
            (rename.Action, rename.Kind, rename.PartnershipCode, rename.PartnershipName));
        Assert.Equal(rename.Id, Assert.Single(updated.Rows).Id);
        Assert.Equal(rename.Id, Assert.Single(byText.Rows).Id);
        Assert.Equal(all.Total, todayOnly.Total);
        Assert.Equal((0, 0), (tomorrow.Total, yesterday.Total));
        // Newest first, three a page: page 2 holds the 4th to 6th newest.
        Assert.Equal(all.Rows.Skip(3).Take(3).Select(r => r.Id), page2.Rows.Select(r => r.Id));
        Assert.Equal((all.Total, (all.Total + 2) / 3), (page2.Total, page2.Pages));
        var backwards = await Assert.ThrowsAsync<DomainException>(() => Trail.BrowseAsync(new AuditFilter(From: today, To: today.AddDays(-1))));
        Assert.Equal("Date to: must be on or after the date from.", backwards.Message);
    }

    [Fact]
    public void StartOfUkDay_IsAnHourEarlierInSummerTime()
    {
        // Midnight on 1 July 2026 in London is 23:00 UTC on 30 June (BST); on 1 January it is midnight UTC (GMT).
        Assert.Equal(new DateTime(2026, 6, 30, 23, 0, 0, DateTimeKind.Utc), AuditTrail.StartOfUkDay(new DateOnly(2026, 7, 1)));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), AuditTrail.StartOfUkDay(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public async Task SignInEvents_AreRecordedUnderTheAccountsOrganisation()
    {
        var p = await TestPartnership.AddAsync(Factory);
        await Trail.RecordEventAsync(AuditAction.SignInFailed, "Sign-in failed: wrong password", who: "tess@testford.gov.uk", userId: "user-tess", organisationId: p.ProviderId);
        await Trail.RecordEventAsync(AuditAction.SignInFailed, "Sign-in failed: no such account", who: "nobody@nowhere.example");
        await Assert.ThrowsAsync<ArgumentException>(() => Trail.RecordEventAsync(AuditAction.Deleted, "not an event"));

        AuditEntriesPage seenByTestford;
        using (CallerContext.Use(Caller.Person("Tess Ford (tess@testford.gov.uk)", "user-tess", p.ProviderId, [Roles.BoardMember])))
            seenByTestford = await Trail.BrowseAsync(new AuditFilter(Kind: AuditRecordNames.SignIn));
        var system = await Trail.BrowseAsync(new AuditFilter(Action: AuditAction.SignInFailed));

        var own = Assert.Single(seenByTestford.Rows);
        Assert.Equal(("tess@testford.gov.uk", "user-tess", "Sign-in failed: wrong password"), (own.Who, own.Key, own.Summary));
        // The unknown e-mail belongs to no organisation: only the system sees it.
        Assert.Equal(["Sign-in failed: no such account", "Sign-in failed: wrong password"], system.Rows.Select(r => r.Summary));
    }

    [Fact]
    public async Task Export_IsAValidWorkbookOfTheFilteredRows_WithInjectionKeptAsText()
    {
        await RenamedPartnershipAsync(Injection);
        var filter = new AuditFilter(PartnershipCode: "testford-otherby");
        var expected = await Trail.BrowseAsync(filter, pageSize: 500);

        using var output = new MemoryStream();
        var count = await Trail.WriteWorkbookAsync(filter, output);
        var file = output.ToArray();

        Assert.Empty(WorkbookChecks.ValidationErrors(file));
        Assert.Equal(expected.Total, count);
        using var workbook = new XLWorkbook(new MemoryStream(file));
        var sheet = workbook.Worksheet(AuditWorkbook.SheetName);
        Assert.Equal("Audit trail of testford-otherby", sheet.Cell(1, 1).GetString());
        Assert.Equal(AuditWorkbook.Headers, Enumerable.Range(1, 9).Select(c => sheet.Cell(AuditWorkbook.HeaderRow, c).GetString()));
        Assert.Equal(AuditWorkbook.HeaderRow, sheet.SheetView.SplitRow);
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            var row = AuditWorkbook.FirstRow + i;
            var entry = expected.Rows[i];
            Assert.Equal((entry.Who, entry.Kind, entry.Key, entry.Summary),
                (sheet.Cell(row, 2).GetString(), sheet.Cell(row, 4).GetString(), sheet.Cell(row, 5).GetString(), sheet.Cell(row, 7).GetString()));
            // A real date-time, in UK time, to the minute the page shows.
            Assert.Equal(XLDataType.DateTime, sheet.Cell(row, 1).DataType);
            Assert.Equal(UkTime.Show(entry.AtUtc), sheet.Cell(row, 1).GetDateTime().ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        }
        Assert.True(sheet.Cell(AuditWorkbook.FirstRow + expected.Rows.Count, 1).IsEmpty());
        // The partnership's new name came back as the text typed, not a formula: in the rename's After column.
        var rename = expected.Rows.Single(r => r.Action == AuditAction.Updated && r.Kind == AuditRecordNames.Partnership);
        var after = sheet.Cell(AuditWorkbook.FirstRow + expected.Rows.ToList().IndexOf(rename), 9);
        Assert.False(after.HasFormula);
        Assert.Equal($"Name: {Injection}", after.GetString());
    }

    [Fact]
    public async Task Export_OfNothing_SaysSo()
    {
        using var output = new MemoryStream();
        var count = await Trail.WriteWorkbookAsync(new AuditFilter(Text: "no such thing anywhere"), output);

        Assert.Equal(0, count);
        using var workbook = new XLWorkbook(new MemoryStream(output.ToArray()));
        Assert.Equal(AuditWorkbook.NoEntriesText, workbook.Worksheet(1).Cell(AuditWorkbook.FirstRow, 1).GetString());
    }
}

public sealed class AuditTrailTests_Sqlite : AuditTrailTests<SqliteTestDatabase>;

public sealed class AuditTrailTests_Postgres : AuditTrailTests<PostgresTestDatabase>;
