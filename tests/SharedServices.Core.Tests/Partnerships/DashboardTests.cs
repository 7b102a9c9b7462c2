using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Partnerships;

public abstract class DashboardTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // Standing on 1 January 2015: the strategic partnership's recorded end (31 January 2024) is ahead. The education
    // support term runs to 31 August 2015, but that partnership is recorded as ended on a date no source gives, so
    // it has no end ahead; the buy-back and Halton arrangements have no end date to list.
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
    public async Task Load_OnFirstJanuary2015_ListsRecordedEndAheadButNotAnUndatedEnd()
    {
        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Equal([(new DateOnly(2024, 1, 31), "hcc-iwc-childrens-services", "Ends")], summary.UpcomingEnds.Select(e => (e.Date, e.Code, e.What)));
        Assert.Empty(summary.RecentEnds);
    }

    [Fact]
    public async Task Load_ActivePartnershipWithTermAhead_ListsTermEndsInDateOrder()
    {
        var editor = Get<PartnershipEditor>();
        foreach (var (code, end) in new[] { ("halton-cwac-shared-service", new DateOnly(2016, 3, 31)), ("iwc-hcc-buy-back", new DateOnly(2015, 6, 30)) })
        {
            var p = (await Get<PartnershipDetails>().FindAsync(code))!;
            var form = TermForm.From(p);
            (form.StartDate, form.EndKind, form.EndDate) = (new DateOnly(2014, 4, 1), TermEndKind.FixedDate, end);
            await editor.SaveTermAsync(p.Id, form);
        }

        var summary = await Get<Dashboard>().LoadAsync();

        Assert.Equal(
            [(new DateOnly(2015, 6, 30), "iwc-hcc-buy-back", "Term ends"), (new DateOnly(2016, 3, 31), "halton-cwac-shared-service", "Term ends"),
             (new DateOnly(2024, 1, 31), "hcc-iwc-childrens-services", "Ends")],
            summary.UpcomingEnds.Select(e => (e.Date, e.Code, e.What)));
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
