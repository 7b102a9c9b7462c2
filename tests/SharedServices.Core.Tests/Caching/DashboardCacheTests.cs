using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Caching;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Caching;

/// <summary>
/// The dashboard's counts are cached, and every change is seen by the very next read. Standing on 1 January 2015 the
/// seed register holds five partnerships (see DashboardTests): three active (Southampton's education support to
/// 31 August 2015, Hampshire's strategic partnership, Halton's shared service with Cheshire West) and two proposed
/// (the Halton–Warrington joint venture, which never recorded a start, and the buy-back contract, not begun).
/// </summary>
public abstract class DashboardCacheTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string JointVenture = "halton-warrington-school-improvement-jv";

    private readonly MovableClock _clock = new(new DateOnly(2015, 1, 1));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    /// <summary>Gives the joint venture a term from 1 April 2014 to 30 June 2015: on 1 January 2015 it is then active, with an end date.</summary>
    private static async Task GiveTheJointVentureATermAsync(IServiceProvider instance)
    {
        var partnership = (await instance.GetRequiredService<PartnershipDetails>().FindAsync(JointVenture))!;
        var form = TermForm.From(partnership);
        (form.StartDate, form.EndKind, form.EndDate) = (new DateOnly(2014, 4, 1), TermEndKind.FixedDate, new DateOnly(2015, 6, 30));
        await instance.GetRequiredService<PartnershipEditor>().SaveTermAsync(partnership.Id, form);
    }

    [Fact]
    public async Task Load_AfterATermIsSaved_TheNextReadCountsIt()
    {
        var dashboard = Get<Dashboard>();
        var before = await dashboard.LoadAsync();
        Assert.Equal((3, 2), (before.ByStatus[PartnershipStatus.Active], before.ByStatus[PartnershipStatus.Proposed]));

        await GiveTheJointVentureATermAsync(Services);

        // The joint venture moves from proposed to active (3 + 1 = 4, 2 - 1 = 1) and, with an end date, off the undated list.
        var after = await dashboard.LoadAsync();
        Assert.Equal((4, 1), (after.ByStatus[PartnershipStatus.Active], after.ByStatus[PartnershipStatus.Proposed]));
        Assert.Equal(["halton-cwac-shared-service", "iwc-hcc-buy-back"], after.NoEndDate.Select(u => u.Code));
    }

    [Fact]
    public async Task Load_AfterASecondInstanceSavesATerm_TheNextReadCountsIt()
    {
        await using var second = SecondInstance.Start(Factory.Settings, _clock);
        var dashboard = Get<Dashboard>();
        Assert.Equal(3, (await dashboard.LoadAsync()).ByStatus[PartnershipStatus.Active]);

        await GiveTheJointVentureATermAsync(second);

        var after = await dashboard.LoadAsync();
        Assert.Equal((4, 1), (after.ByStatus[PartnershipStatus.Active], after.ByStatus[PartnershipStatus.Proposed]));
    }

    [Fact]
    public async Task Load_TwoCouncils_EachGetTheirOwnCountsFromTheSameCache()
    {
        var dashboard = Get<Dashboard>();
        var (isleOfWight, halton) = (await CouncilPeople.OfAsync(Factory, "IWC"), await CouncilPeople.OfAsync(Factory, "HBC"));

        // Each read twice, alternately, so the second of each would be served from the cache.
        var reads = new List<(int Total, int Active, int Proposed)>();
        foreach (var caller in new[] { isleOfWight, halton, isleOfWight, halton })
            using (CallerContext.Use(caller))
            {
                var summary = await dashboard.LoadAsync();
                reads.Add((summary.Total, summary.ByStatus.GetValueOrDefault(PartnershipStatus.Active), summary.ByStatus.GetValueOrDefault(PartnershipStatus.Proposed)));
            }

        // The Isle of Wight is party to the education support and the strategic partnership (active) and the buy-back
        // (proposed); Halton to the shared service (active) and the joint venture (proposed).
        Assert.Equal([(3, 2, 1), (2, 1, 1), (3, 2, 1), (2, 1, 1)], reads);
        Assert.Equal(5, (await dashboard.LoadAsync()).Total); // the system, seeing every council's
    }

    [Fact]
    public async Task Load_OnTheNextDay_IsCountedAgain()
    {
        var dashboard = Get<Dashboard>();
        Assert.Equal(3, (await dashboard.LoadAsync()).ByStatus[PartnershipStatus.Active]);

        // On 1 September 2015 the education support's term (to 31 August 2015) has ended: 3 - 1 = 2 active, and it is
        // the one recent end.
        _clock.Today = new DateOnly(2015, 9, 1);
        var after = await dashboard.LoadAsync();

        Assert.Equal((2, 1), (after.ByStatus[PartnershipStatus.Active], after.ByStatus[PartnershipStatus.Ended]));
        Assert.Equal([("scc-iwc-education-support", new DateOnly(2015, 8, 31), "Term ended")], after.RecentEnds.Select(e => (e.Code, e.Date, e.What)));
    }

    [Fact]
    public async Task Load_Cached_RunsOnlyTheStampReadUntilAPartnershipChanges()
    {
        var counter = new QueryCounter();
        var dashboard = new Dashboard(counter.FactoryFor(Factory.Settings), _clock, Get<UpcomingDates>(), new ChangeStampCache());

        await dashboard.LoadAsync();
        var first = counter.Commands.Count;
        counter.Clear();
        await dashboard.LoadAsync();
        var cached = counter.Commands;
        counter.Clear();
        await GiveTheJointVentureATermAsync(Services);
        await dashboard.LoadAsync();
        var afterChange = counter.Commands.Count;

        // Built: the stamp, then by status, by kind, recent ends and the undated list (1 + 4 = 5). Cached: the stamp
        // alone. (The next key dates come from UpcomingDates, whose own context is not counted here.)
        Assert.Equal(5, first);
        Assert.Contains("ChangeStamps", Assert.Single(cached));
        Assert.Equal(5, afterChange);
    }
}

public sealed class DashboardCacheTests_Sqlite : DashboardCacheTests<SqliteTestDatabase>;

public sealed class DashboardCacheTests_Postgres : DashboardCacheTests<PostgresTestDatabase>;
