using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.History;

/// <summary>
/// The register filters by status inside the database with <see cref="PartnershipStatusQuery"/>; the app shows
/// status with <see cref="Partnership.StatusOn"/>. These must never disagree.
/// </summary>
public abstract class StatusQueryTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    public static TheoryData<string> Days => new()
    {
        "2010-01-01", "2011-01-01", "2012-09-01", "2015-08-31", "2015-09-01", "2018-06-30", "2018-07-01",
        "2024-01-31", "2024-02-01", "2024-03-05", "2026-11-23", "2027-02-23", "2027-02-24", "2030-01-01",
    };

    [Theory]
    [MemberData(nameof(Days))]
    public async Task WhereStatus_OnAnyDay_AgreesWithStatusOn(string iso)
    {
        var day = DateOnly.Parse(iso);
        await AddPartnershipsInEveryStateAsync();
        await using var db = Factory.CreateDbContext();
        var all = await PartnershipDetails.WithEverything(db.Partnerships.AsNoTracking()).ToListAsync();

        foreach (var status in Enum.GetValues<PartnershipStatus>())
        {
            var expected = all.Where(p => p.StatusOn(day) == status).Select(p => p.Code).Order().ToList();
            var actual = (await db.Partnerships.WhereStatus(status, day).Select(p => p.Code).ToListAsync()).Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"{status} on {iso}: expected [{string.Join(", ", expected)}] but the query gave [{string.Join(", ", actual)}]");
        }
    }

    [Fact]
    public async Task WhereStatus_CoversEveryStatusSomewhere()
    {
        await AddPartnershipsInEveryStateAsync();
        await using var db = Factory.CreateDbContext();
        var day = new DateOnly(2026, 11, 23);

        foreach (var status in Enum.GetValues<PartnershipStatus>())
            Assert.True(await db.Partnerships.WhereStatus(status, day).AnyAsync(), $"no partnership is {status} on {day}");
    }

    // Besides the seed partnerships: one approved and waiting to start, one in notice, one that renews itself.
    private async Task AddPartnershipsInEveryStateAsync()
    {
        await using var db = Factory.CreateDbContext();
        var scc = await db.Organisations.SingleAsync(o => o.ShortCode == "SCC");
        var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
        Partnership Make(string code) => new(code, code, PartnershipKind.TradedServices,
            [new PartnershipParty(scc.Id, PartyRole.Provider), new PartnershipParty(iwc.Id, PartyRole.Recipient)]);

        var approved = Make("approved-awaiting-start");
        approved.SetTerm(new Term(new DateOnly(2027, 4, 1), TermEndKind.FixedDate, new DateOnly(2030, 3, 31)), []);
        approved.AddDecision(new DecisionRecord(iwc.Id, "Cabinet", null, new DateOnly(2026, 10, 15), true, true, "Approved the agreement."));

        var inNotice = Make("in-notice");
        inNotice.SetTerm(new Term(new DateOnly(2020, 4, 1), TermEndKind.OpenEnded), [new NoticePeriod(iwc.Id, NoticeLength.Months(6), false, null)]);
        inNotice.ServeNotice(iwc.Id, new DateOnly(2026, 9, 1), null, null, null, null);

        var renews = Make("renews-yearly");
        renews.SetTerm(new Term(new DateOnly(2019, 4, 1), TermEndKind.FixedDate, new DateOnly(2020, 3, 31), renewalMonths: 12),
            [new NoticePeriod(scc.Id, NoticeLength.Months(3), false, null)]);

        db.Partnerships.AddRange(approved, inNotice, renews);
        await db.SaveChangesAsync();
    }
}

public sealed class StatusQueryTests_Sqlite : StatusQueryTests<SqliteTestDatabase>;

public sealed class StatusQueryTests_Postgres : StatusQueryTests<PostgresTestDatabase>;
