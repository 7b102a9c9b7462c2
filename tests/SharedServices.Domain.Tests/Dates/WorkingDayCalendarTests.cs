using FsCheck;
using FsCheck.Xunit;
using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Dates;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales(2000, 2040);

    [Theory]
    [InlineData("2026-11-02", 5, "2026-11-09")]   // published Monday: Tue 1, Wed 2, Thu 3, Fri 4, Mon 5
    [InlineData("2022-12-22", 5, "2023-01-03")]   // call-in over Christmas: Fri 23 = 1, 26 & 27 holidays, Wed 28 = 2, Thu 29 = 3, Fri 30 = 4, 2 Jan holiday, Tue 3 Jan = 5
    [InlineData("2024-12-24", 1, "2024-12-27")]   // Christmas and Boxing Day midweek
    [InlineData("2020-12-24", 1, "2020-12-29")]   // Christmas Friday, weekend, Boxing Day substitute Monday 28
    [InlineData("2021-12-24", 1, "2021-12-29")]   // weekend, then both substitutes on Monday 27 and Tuesday 28
    [InlineData("2026-12-01", 20, "2026-12-31")]  // through Christmas 2026: 25 and 28 December skipped
    [InlineData("2025-04-17", 1, "2025-04-22")]   // Good Friday, weekend, Easter Monday
    [InlineData("2024-03-28", 2, "2024-04-03")]   // Easter across the month end
    [InlineData("2022-06-01", 1, "2022-06-06")]   // Platinum Jubilee: Thursday and Friday holidays, then weekend
    [InlineData("2022-06-01", 3, "2022-06-08")]
    [InlineData("2022-09-16", 1, "2022-09-20")]   // State Funeral on Monday 19 September
    [InlineData("2020-05-07", 1, "2020-05-11")]   // VE Day Friday 8 May 2020
    [InlineData("2023-05-05", 1, "2023-05-09")]   // Coronation Monday 8 May 2023
    [InlineData("2012-06-01", 1, "2012-06-06")]   // Diamond Jubilee: Monday and Tuesday
    [InlineData("2024-01-05", 1, "2024-01-08")]   // Friday to Monday over a weekend
    [InlineData("2024-01-06", 1, "2024-01-08")]   // from a Saturday: counting starts on Sunday
    [InlineData("2024-01-07", 1, "2024-01-08")]   // from a Sunday
    [InlineData("2024-01-01", 1, "2024-01-02")]   // from a bank holiday
    [InlineData("2024-01-01", 10, "2024-01-15")]  // two whole weeks
    [InlineData("2023-12-29", 1, "2024-01-02")]   // across the year end: New Year's Day Monday
    [InlineData("2027-12-24", 1, "2027-12-29")]   // Christmas Saturday 2027, substitutes 27 and 28
    public void AddWorkingDays_FromDate_SkipsWeekendsAndBankHolidays(string from, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(from), days));
    }

    [Theory]
    [InlineData("2024-01-03")]   // a Wednesday
    [InlineData("2022-12-25")]   // a Sunday and Christmas Day
    [InlineData("2022-12-27")]   // a substitute bank holiday
    public void AddWorkingDays_ZeroDays_ReturnsFromUnchanged(string from)
    {
        Assert.Equal(D(from), Calendar.AddWorkingDays(D(from), 0));
    }

    [Fact]
    public void AddWorkingDays_NegativeDays_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Calendar.AddWorkingDays(D("2024-01-03"), -1));

        Assert.Equal("The number of working days to add cannot be negative (-1).", ex.Message);
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-09", 5)]
    [InlineData("2022-12-22", "2023-01-03", 5)]
    [InlineData("2024-01-03", "2024-01-03", 0)]   // a day to itself
    [InlineData("2024-01-05", "2024-01-06", 0)]   // Friday to Saturday
    [InlineData("2024-01-05", "2024-01-07", 0)]   // Friday to Sunday
    [InlineData("2024-01-05", "2024-01-08", 1)]   // Friday to Monday
    [InlineData("2022-12-23", "2022-12-27", 0)]   // Friday to the Christmas substitute day
    [InlineData("2022-06-01", "2022-06-06", 1)]   // over the Platinum Jubilee
    [InlineData("2023-12-31", "2024-12-31", 254)] // all of 2024: 262 weekdays less 8 bank holidays
    [InlineData("2021-12-31", "2022-12-31", 250)] // all of 2022: 260 weekdays less 10 bank holidays
    public void WorkingDaysBetween_TwoDates_CountsWorkingDaysAfterFromUpToTo(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));
    }

    [Fact]
    public void WorkingDaysBetween_ToBeforeFrom_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Calendar.WorkingDaysBetween(D("2024-01-05"), D("2024-01-04")));

        Assert.Equal("The end date 4 January 2024 is before the start date 5 January 2024.", ex.Message);
    }

    [Theory]
    [InlineData("2022-12-24", "2022-12-28")]   // Saturday before Christmas Sunday 2022
    [InlineData("2022-12-28", "2022-12-28")]   // already a working day
    [InlineData("2022-12-31", "2023-01-03")]   // weekend then New Year substitute
    [InlineData("2024-03-29", "2024-04-02")]   // Good Friday
    [InlineData("2022-09-19", "2022-09-20")]   // State Funeral
    public void NextWorkingDayOnOrAfter_Date_SkipsToWorkingDay(string date, string expected)
    {
        Assert.Equal(D(expected), Calendar.NextWorkingDayOnOrAfter(D(date)));
    }

    [Theory]
    [InlineData("2024-01-03", true)]    // Wednesday
    [InlineData("2024-01-06", false)]   // Saturday
    [InlineData("2024-01-07", false)]   // Sunday
    [InlineData("2024-01-01", false)]   // New Year's Day
    [InlineData("2022-06-02", false)]   // Spring bank holiday, moved to a Thursday
    [InlineData("2022-05-30", true)]    // the usual spring Monday, a working day in 2022
    [InlineData("2020-05-04", true)]    // the usual early May Monday, a working day in 2020
    public void IsWorkingDay_Date_FalseOnWeekendsAndBankHolidays(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2022-12-27", "Christmas Day (substitute day)")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2024-03-29", "Good Friday")]
    public void IsBankHoliday_Holiday_GivesItsName(string date, string name)
    {
        Assert.True(Calendar.IsBankHoliday(D(date), out var actual));
        Assert.Equal(name, actual);
    }

    [Theory]
    [InlineData("2022-12-25")]   // Christmas Day on a Sunday: the holiday is the substitute, not the day itself
    [InlineData("2024-01-03")]
    public void IsBankHoliday_OrdinaryDay_FalseWithoutName(string date)
    {
        Assert.False(Calendar.IsBankHoliday(D(date), out var name));
        Assert.Null(name);
    }

    [Fact]
    public void CoversYear_EnglandAndWales_OnlyTheLoadedYears()
    {
        var calendar = WorkingDayCalendar.EnglandAndWales(2020, 2025);

        Assert.False(calendar.CoversYear(2019));
        Assert.True(calendar.CoversYear(2020));
        Assert.True(calendar.CoversYear(2025));
        Assert.False(calendar.CoversYear(2026));
        Assert.Equal(new DateRange(D("2020-01-01"), D("2025-12-31")), calendar.CoveredDates);
        Assert.Equal(2020, calendar.FirstYear);
        Assert.Equal(2025, calendar.LastYear);
        Assert.Equal(EnglandAndWalesBankHolidays.ForYears(2020, 2025), calendar.BankHolidays);
    }

    [Fact]
    public void IsWorkingDay_HolidayOutsideLoadedYears_IsNotKnown()
    {
        var calendar = WorkingDayCalendar.EnglandAndWales(2020, 2025);

        Assert.False(calendar.Covers(D("2026-12-25")));
        Assert.True(calendar.IsWorkingDay(D("2026-12-25")));   // Christmas Day, but 2026 was not loaded
    }

    [Fact]
    public void Constructor_AdministratorsCorrectedList_UsesOnlyWhatItIsGiven()
    {
        // An administrator removed the State Funeral and added a local day: the calendar follows the data.
        var holidays = EnglandAndWalesBankHolidays.ForYear(2022)
            .Where(h => h.Date != D("2022-09-19"))
            .Append(new BankHoliday(D("2022-10-03"), "Local holiday"));

        var calendar = new WorkingDayCalendar(holidays);

        Assert.True(calendar.IsWorkingDay(D("2022-09-19")));
        Assert.False(calendar.IsWorkingDay(D("2022-10-03")));
        Assert.Equal(2022, calendar.FirstYear);
        Assert.Equal(2022, calendar.LastYear);
    }

    [Fact]
    public void Constructor_NoHolidays_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => new WorkingDayCalendar([]));

        Assert.Equal("No bank holidays were given, so the calendar cannot tell which years it covers.", ex.Message);
    }

    [Fact]
    public void Constructor_YearMissingFromTheData_ThrowsNamingTheYear()
    {
        var holidays = EnglandAndWalesBankHolidays.ForYear(2020).Concat(EnglandAndWalesBankHolidays.ForYear(2022));

        var ex = Assert.Throws<DomainException>(() => new WorkingDayCalendar(holidays));

        Assert.Equal("No bank holidays are loaded for 2021, so working days in 2021 cannot be counted.", ex.Message);
    }

    [Fact]
    public void Constructor_SameDateTwice_ThrowsNamingBoth()
    {
        BankHoliday[] holidays = [new(D("2024-01-01"), "New Year's Day"), new(D("2024-01-01"), "Another name")];

        var ex = Assert.Throws<DomainException>(() => new WorkingDayCalendar(holidays));

        Assert.Equal("1 January 2024 is listed twice, as 'New Year's Day' and as 'Another name'.", ex.Message);
    }

    [Fact]
    public void Constructor_HolidayOutsideStatedYears_Throws()
    {
        var ex = Assert.Throws<DomainException>(
            () => new WorkingDayCalendar(EnglandAndWalesBankHolidays.ForYears(2024, 2025), 2024, 2024));

        Assert.Equal(
            "The bank holiday 'New Year's Day' on 1 January 2025 is outside the years 2024 to 2024 that the calendar covers.",
            ex.Message);
    }

    [Fact]
    public void Constructor_LastYearBeforeFirst_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => new WorkingDayCalendar([], 2025, 2024));

        Assert.Equal("The last year 2024 is before the first year 2025.", ex.Message);
    }

    // Any start day in 2000–2035 and up to 400 working days stays inside the loaded years (2000–2040).
    [Property(MaxTest = 500)]
    public bool AddWorkingDays_AnyStartAndCount_LandsOnWorkingDayAndCountsBack(NonNegativeInt offset, PositiveInt count)
    {
        var from = D("2000-01-01").AddDays(offset.Get % (36 * 365));
        var days = count.Get % 400 + 1;

        var result = Calendar.AddWorkingDays(from, days);

        return Calendar.IsWorkingDay(result)
               && Calendar.WorkingDaysBetween(from, result) == days
               && Calendar.WorkingDaysBetween(from, result.AddDays(-1)) == days - 1;
    }
}
