using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Caching;
using SharedServices.Core.Calendar;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Caching;

/// <summary>
/// The working-day calendar is cached, and every bank-holiday change, here or in a second app instance, is seen by
/// the very next read. (BankHolidayReferenceTests show adding and removing through this instance.)
/// </summary>
public abstract class BankHolidayCacheTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override bool LoadSeedData => false;

    // Standing on 30 November 2026: the usual years are 2000 to 2056.
    private readonly FixedClock _clock = new(new DateOnly(2026, 11, 30));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private BankHolidayReference Reference => Get<BankHolidayReference>();

    private static readonly DateOnly ChristmasDay = new(2026, 12, 25);

    [Fact]
    public async Task LoadCalendar_AfterARename_TheNextReadHasTheNewName()
    {
        Assert.True((await Reference.LoadCalendarAsync()).IsBankHoliday(ChristmasDay, out var before));

        await Reference.SaveAsync(ChristmasDay, "Christmas");

        Assert.True((await Reference.LoadCalendarAsync()).IsBankHoliday(ChristmasDay, out var after));
        Assert.Equal(("Christmas Day", "Christmas"), (before, after));
    }

    [Fact]
    public async Task LoadCalendar_AfterASecondInstanceAddsRenamesAndRemoves_TheNextReadShowsEach()
    {
        await using var second = SecondInstance.Start(Factory.Settings, _clock);
        var theirs = second.GetRequiredService<BankHolidayReference>();
        // Published on Thursday 24 December 2026: Christmas (Friday), the Boxing Day substitute (Monday 28th) and
        // New Year's Day (Friday) are not counted, so 5 working days end on Tuesday 5 January 2027.
        var published = new DateOnly(2026, 12, 24);
        Assert.Equal(new DateOnly(2027, 1, 5), (await Reference.LoadCalendarAsync()).AddWorkingDays(published, 5));

        await theirs.SaveAsync(new DateOnly(2026, 12, 29), "One-off bank holiday");
        // Tuesday 29th is a holiday too: the 5th working day moves on to Wednesday 6 January.
        Assert.Equal(new DateOnly(2027, 1, 6), (await Reference.LoadCalendarAsync()).AddWorkingDays(published, 5));

        await theirs.SaveAsync(new DateOnly(2026, 12, 29), "Renamed one-off");
        Assert.True((await Reference.LoadCalendarAsync()).IsBankHoliday(new DateOnly(2026, 12, 29), out var name));
        Assert.Equal("Renamed one-off", name);

        await theirs.RemoveAsync(new DateOnly(2026, 12, 29));
        await theirs.RemoveAsync(new DateOnly(2026, 12, 28));
        // Both gone: Monday 28th to Thursday 31st December count (4), New Year's Day does not, so the 5th is Monday 4 January.
        Assert.Equal(new DateOnly(2027, 1, 4), (await Reference.LoadCalendarAsync()).AddWorkingDays(published, 5));
    }

    [Fact]
    public async Task LoadCalendar_Cached_RunsOnlyTheStampRead()
    {
        var counter = new QueryCounter();
        var reference = new BankHolidayReference(counter.FactoryFor(Factory.Settings), _clock, new ChangeStampCache());

        // The first use generates the years, which moves the stamp after it was read, so the second builds once more.
        await reference.LoadCalendarAsync();
        await reference.LoadCalendarAsync();
        counter.Clear();
        var calendar = await reference.LoadCalendarAsync();

        Assert.Contains("ChangeStamps", Assert.Single(counter.Commands));
        Assert.Equal(2000, calendar.FirstYear);
        Assert.Equal(2056, calendar.LastYear); // 2026 + 30
    }
}

public sealed class BankHolidayCacheTests_Sqlite : BankHolidayCacheTests<SqliteTestDatabase>;

public sealed class BankHolidayCacheTests_Postgres : BankHolidayCacheTests<PostgresTestDatabase>;
