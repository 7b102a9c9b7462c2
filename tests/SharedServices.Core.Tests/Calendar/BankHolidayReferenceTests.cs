using SharedServices.Core.Calendar;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;

namespace SharedServices.Core.Tests.Calendar;

public abstract class BankHolidayReferenceTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // Bank holidays do not depend on the partnerships.
    protected override bool LoadSeedData => false;

    private BankHolidayReference Reference => Get<BankHolidayReference>();

    [Fact]
    public async Task EnsureYears_SecondRun_AddsNothingAndRemovedHolidayStaysRemoved()
    {
        var first = await Reference.EnsureYearsAsync(2021, 2023);
        await Reference.RemoveAsync(new DateOnly(2022, 9, 19));

        var second = await Reference.EnsureYearsAsync(2021, 2023);
        var wider = await Reference.EnsureYearsAsync(2020, 2024);

        Assert.Equal(8 + 10 + 9, first);
        Assert.Equal(0, second);
        Assert.Equal(8 + 8, wider); // only 2020 and 2024 are new
        var year2022 = await Reference.ForYearAsync(2022);
        Assert.Equal(9, year2022.Count);
        Assert.DoesNotContain(year2022, h => h.Date == new DateOnly(2022, 9, 19));
    }

    [Theory]
    [InlineData(2020, 8)] // VE day moved the early May holiday to Friday 8 May; Boxing Day substitute on Monday 28th
    [InlineData(2022, 10)] // Platinum Jubilee and the State Funeral
    [InlineData(2023, 9)] // the coronation
    [InlineData(2026, 8)]
    public async Task EnsureYears_GeneratedYear_HasItsHolidays(int year, int expected)
    {
        await Reference.EnsureYearsAsync(2020, 2026);

        var holidays = await Reference.ForYearAsync(year);

        Assert.Equal(expected, holidays.Count);
        Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
        Assert.Equal(holidays.OrderBy(h => h.Date).Select(h => h.Date), holidays.Select(h => h.Date));
    }

    [Fact]
    public async Task ForYear_2022_ListsTheOneOffs()
    {
        await Reference.EnsureYearsAsync(2022, 2022);

        var names = (await Reference.ForYearAsync(2022)).ToDictionary(h => h.Date, h => h.Name);

        Assert.Equal("Platinum Jubilee bank holiday", names[new DateOnly(2022, 6, 3)]);
        Assert.Equal("Bank Holiday for the State Funeral of Queen Elizabeth II", names[new DateOnly(2022, 9, 19)]);
        Assert.Equal("Spring bank holiday", names[new DateOnly(2022, 6, 2)]);
    }

    [Fact]
    public async Task LoadCalendar_HolidayAdded_MovesAddWorkingDays()
    {
        await Reference.EnsureYearsAsync(2026, 2027);
        var published = new DateOnly(2026, 11, 2);
        Assert.Equal(new DateOnly(2026, 11, 9), (await Reference.LoadCalendarAsync()).AddWorkingDays(published, 5));

        await Reference.SaveAsync(new DateOnly(2026, 11, 4), "One-off bank holiday");

        var calendar = await Reference.LoadCalendarAsync();
        Assert.Equal(new DateOnly(2026, 11, 10), calendar.AddWorkingDays(published, 5));
        Assert.True(calendar.IsBankHoliday(new DateOnly(2026, 11, 4), out var name));
        Assert.Equal("One-off bank holiday", name);
    }

    [Fact]
    public async Task LoadCalendar_HolidayRemoved_CountsAsWorkingDay()
    {
        await Reference.EnsureYearsAsync(2026, 2027);
        // Published on Thursday 24 December 2026: Christmas (Friday), the Boxing Day substitute (Monday 28th) and
        // New Year's Day (Friday) are not counted, so 5 working days end on Tuesday 5 January 2027.
        var published = new DateOnly(2026, 12, 24);
        Assert.Equal(new DateOnly(2027, 1, 5), (await Reference.LoadCalendarAsync()).AddWorkingDays(published, 5));

        await Reference.RemoveAsync(new DateOnly(2026, 12, 28));

        Assert.Equal(new DateOnly(2027, 1, 4), (await Reference.LoadCalendarAsync()).AddWorkingDays(published, 5));
    }

    [Fact]
    public async Task Save_ExistingDate_RenamesInPlace()
    {
        await Reference.EnsureYearsAsync(2022, 2022);

        await Reference.SaveAsync(new DateOnly(2022, 6, 3), "  Platinum Jubilee  ");

        var holidays = await Reference.ForYearAsync(2022);
        Assert.Equal(10, holidays.Count);
        Assert.Equal("Platinum Jubilee", holidays.Single(h => h.Date == new DateOnly(2022, 6, 3)).Name);
    }

    [Theory]
    [InlineData(2026, 12, 26, "26 December 2026 is a weekend day")]
    [InlineData(2026, 11, 29, "29 November 2026 is a weekend day")]
    public async Task Save_WeekendDay_IsRefusedAndNothingSaved(int year, int month, int day, string message)
    {
        await Reference.EnsureYearsAsync(2026, 2026);

        var error = await Assert.ThrowsAsync<DomainException>(() => Reference.SaveAsync(new DateOnly(year, month, day), "Extra day"));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(8, (await Reference.ForYearAsync(2026)).Count);
    }

    [Fact]
    public async Task Save_BlankName_IsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Reference.SaveAsync(new DateOnly(2026, 12, 29), "  "));

        Assert.Equal("Give the bank holiday a name.", error.Message);
    }
}

public sealed class BankHolidayReferenceTests_Sqlite : BankHolidayReferenceTests<SqliteTestDatabase>;

public sealed class BankHolidayReferenceTests_Postgres : BankHolidayReferenceTests<PostgresTestDatabase>;
