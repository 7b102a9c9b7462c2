using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Partnerships;

public abstract class DashboardTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // Standing on 1 January 2015: the education support term runs to 31 August 2015 and the strategic partnership's
    // recorded termination (31 January 2024) is ahead; the buy-back contract has not begun (5 March 2024) and nothing
    // had yet been decided about it; the Halton–Warrington joint venture never recorded a start.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2015, 1, 1)));

    [Fact]
    public async Task Load_CountsByStatusAndKind()
    {
        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Equal(5, summary.Total);
        Assert.Equal(3, summary.ByStatus[PartnershipStatus.Active]);
        Assert.Equal(2, summary.ByStatus[PartnershipStatus.Proposed]); // the joint venture and the buy-back contract
        Assert.False(summary.ByStatus.ContainsKey(PartnershipStatus.Ended));
        Assert.Equal(1, summary.ByKind[PartnershipKind.StrategicPartnership]);
        Assert.Equal(5, summary.ByKind.Values.Sum());
    }

    [Fact]
    public async Task Load_OnFirstJanuary2015_ListsTheNextKeyDatesOfEveryKind()
    {
        var summary = await Get<Dashboard>().LoadAsync(howMany: 4);

        // The education support term ends 31 August 2015; the strategic partnership's initial term 30 June 2018 (its
        // 2024 termination is not known in 2015); then each party's last day to give the buy-back contract 3 months'
        // notice to leave when its minimum term ends on 4 March 2025.
        Assert.Equal(
            [(new DateOnly(2015, 8, 31), "scc-iwc-education-support", "End of term"), (new DateOnly(2018, 6, 30), "hcc-iwc-childrens-services", "End of term"),
             (new DateOnly(2024, 12, 4), "iwc-hcc-buy-back", "Latest notice date"), (new DateOnly(2024, 12, 4), "iwc-hcc-buy-back", "Latest notice date")],
            summary.NextKeyDates.Select(e => (e.Date, e.Code, e.What)));
        Assert.Empty(summary.RecentEnds);
    }

    [Fact]
    public async Task Load_ActivePartnershipWithTermAhead_ListsTermEndsInDateOrder()
    {
        // (The buy-back contract's history records when it began, so its term cannot be given a start; the joint venture's can.)
        var editor = Get<PartnershipEditor>();
        foreach (var (code, end) in new[] { ("halton-cwac-shared-service", new DateOnly(2016, 3, 31)), ("halton-warrington-school-improvement-jv", new DateOnly(2015, 6, 30)) })
        {
            var p = (await Get<PartnershipDetails>().FindAsync(code))!;
            var form = TermForm.From(p);
            (form.StartDate, form.EndKind, form.EndDate) = (new DateOnly(2014, 4, 1), TermEndKind.FixedDate, end);
            await editor.SaveTermAsync(p.Id, form);
        }

        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Equal(
            [(new DateOnly(2015, 6, 30), "halton-warrington-school-improvement-jv"), (new DateOnly(2015, 8, 31), "scc-iwc-education-support"),
             (new DateOnly(2016, 3, 31), "halton-cwac-shared-service"), (new DateOnly(2018, 6, 30), "hcc-iwc-childrens-services")],
            summary.NextKeyDates.Take(4).Select(e => (e.Date, e.Code)));
        Assert.All(summary.NextKeyDates.Take(4), e => Assert.Equal("End of term", e.What));
        Assert.Equal(4, summary.ByStatus[PartnershipStatus.Active]);
    }

    [Fact]
    public async Task Load_LivePartnershipsWithoutEndDate_AreListedWithTheReason()
    {
        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Equal(
            [("halton-warrington-school-improvement-jv", "end not stated in source"), ("halton-cwac-shared-service", "end not stated in source"), ("iwc-hcc-buy-back", "end not stated in source")],
            summary.NoEndDate.Select(u => (u.Code, u.Why)));
        Assert.Equal(3, summary.NoEndDateCount);
    }

    [Fact]
    public async Task Load_ManyWithoutEndDate_ListsTheFirstTenByNameAndCountsThemAll()
    {
        await using (var db = Factory.CreateDbContext())
        {
            var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
            var hcc = await db.Organisations.SingleAsync(o => o.ShortCode == "HCC");
            // Nine proposals with no term: live and with no end date. One named in lower case, which sorts first when
            // case is ignored (by code points, "a" (97) would come after every capital).
            foreach (var (code, name) in new[] { ("abbey", "abbey lane shared service") }.Concat(Enumerable.Range(1, 8).Select(i => ($"zeta-{i}", $"Zeta {i}"))))
                db.Partnerships.Add(new Partnership(code, name, PartnershipKind.SharedService,
                    [new PartnershipParty(iwc.Id, PartyRole.Provider), new PartnershipParty(hcc.Id, PartyRole.Recipient)]));
            await db.SaveChangesAsync();
        }

        var summary = await Get<Dashboard>().LoadAsync();

        // The seed's three and the nine new: twelve. The first ten by name: abbey, "Halton and…", "Halton Borough…",
        // "Isle of Wight…", then Zeta 1 to 6.
        Assert.Equal(12, summary.NoEndDateCount);
        Assert.Equal(["abbey", "halton-warrington-school-improvement-jv", "halton-cwac-shared-service", "iwc-hcc-buy-back",
            "zeta-1", "zeta-2", "zeta-3", "zeta-4", "zeta-5", "zeta-6"], summary.NoEndDate.Select(u => u.Code));
        Assert.Equal(PartnershipStatus.Proposed, summary.NoEndDate[0].Status);
    }
}

public sealed class DashboardTests_Sqlite : DashboardTests<SqliteTestDatabase>;

public sealed class DashboardTests_Postgres : DashboardTests<PostgresTestDatabase>;

/// <summary>The same seed data seen from 1 June 2025, after the strategic partnership's termination.</summary>
public abstract class DashboardAfterTerminationTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2025, 6, 1)));

    [Fact]
    public async Task Load_CountsEndedAndTerminatedApart()
    {
        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Equal(5, summary.Total);
        Assert.Equal(2, summary.ByStatus[PartnershipStatus.Active]);   // the buy-back contract and the Halton shared service
        Assert.Equal(1, summary.ByStatus[PartnershipStatus.Ended]);    // education support: its term ran out
        Assert.Equal(1, summary.ByStatus[PartnershipStatus.Terminated]); // the strategic partnership
        Assert.Equal(1, summary.ByStatus[PartnershipStatus.Proposed]); // the joint venture
    }

    [Fact]
    public async Task Load_ListsRecentEndsLatestFirstAndNothingAhead()
    {
        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Empty(summary.NextKeyDates);
        Assert.Equal(
            [(new DateOnly(2024, 1, 31), "hcc-iwc-childrens-services", "Terminated"), (new DateOnly(2015, 8, 31), "scc-iwc-education-support", "Term ended")],
            summary.RecentEnds.Select(e => (e.Date, e.Code, e.What)));
        Assert.Equal(["halton-warrington-school-improvement-jv", "halton-cwac-shared-service", "iwc-hcc-buy-back"], summary.NoEndDate.Select(u => u.Code));
    }
}

public sealed class DashboardAfterTerminationTests_Sqlite : DashboardAfterTerminationTests<SqliteTestDatabase>;

public sealed class DashboardAfterTerminationTests_Postgres : DashboardAfterTerminationTests<PostgresTestDatabase>;
