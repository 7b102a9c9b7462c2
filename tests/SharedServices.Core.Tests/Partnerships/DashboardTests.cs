using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Partnerships;

public abstract class DashboardTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // Standing on 1 January 2015: the education support term (to 31 August 2015) and the strategic
    // partnership's latest end are ahead; the buy-back and Halton arrangements have no end date to list.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2015, 1, 1)));

    [Fact]
    public async Task Load_CountsByStatusAndKind()
    {
        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Equal(5, summary.Total);
        Assert.Equal(2, summary.ByStatus[PartnershipStatus.Active]);
        Assert.Equal(2, summary.ByStatus[PartnershipStatus.Ended]);
        Assert.Equal(1, summary.ByStatus[PartnershipStatus.Proposed]); // the Halton–Warrington joint venture
        Assert.Equal(1, summary.ByKind[PartnershipKind.StrategicPartnership]);
        Assert.Equal(5, summary.ByKind.Values.Sum());
    }

    [Fact]
    public async Task Load_OnFirstJanuary2015_ListsEndsInDateOrder()
    {
        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Equal(
            [(new DateOnly(2015, 8, 31), "scc-iwc-education-support"), (new DateOnly(2024, 1, 31), "hcc-iwc-childrens-services")],
            summary.UpcomingEnds.Select(e => (e.Date, e.Code)));
        Assert.Empty(summary.RecentEnds);
    }

    [Fact]
    public async Task Load_LivePartnershipsWithoutEndDate_AreListedWithTheReason()
    {
        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Equal(
            [("halton-warrington-school-improvement-jv", "end not stated in source"), ("halton-cwac-shared-service", "end not stated in source"), ("iwc-hcc-buy-back", "end not stated in source")],
            summary.NoEndDate.Select(u => (u.Code, u.Why)));
    }
}

public sealed class DashboardTests_Sqlite : DashboardTests<SqliteTestDatabase>;

public sealed class DashboardTests_Postgres : DashboardTests<PostgresTestDatabase>;
