using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Dates;

public class EnglandAndWalesBankHolidaysTests
{
    // Whole years, checked by hand against the gov.uk lists. Rows: year, count, every date in order.
    [Theory]
    [InlineData(2011, 9, "2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27")]
    [InlineData(2012, 9, "2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26")]
    [InlineData(2020, 8, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    [InlineData(2021, 8, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    [InlineData(2022, 10, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2023, 9, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2024, 8, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26")]
    [InlineData(2025, 8, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26")]
    [InlineData(2026, 8, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    [InlineData(2027, 8, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28")]
    // Earlier one-off years, worked out from the rules and the proclamations.
    [InlineData(1978, 8, "1978-01-02 1978-03-24 1978-03-27 1978-05-01 1978-05-29 1978-08-28 1978-12-25 1978-12-26")]
    [InlineData(1981, 9, "1981-01-01 1981-04-17 1981-04-20 1981-05-04 1981-05-25 1981-07-29 1981-08-31 1981-12-25 1981-12-28")]
    [InlineData(1995, 8, "1995-01-02 1995-04-14 1995-04-17 1995-05-08 1995-05-29 1995-08-28 1995-12-25 1995-12-26")]
    [InlineData(1999, 9, "1999-01-01 1999-04-02 1999-04-05 1999-05-03 1999-05-31 1999-08-30 1999-12-27 1999-12-28 1999-12-31")]
    [InlineData(2002, 9, "2002-01-01 2002-03-29 2002-04-01 2002-05-06 2002-06-03 2002-06-04 2002-08-26 2002-12-25 2002-12-26")]
    public void ForYear_KnownYear_GivesEveryHolidayInDateOrder(int year, int count, string dates)
    {
        var expected = dates.Split(' ').Select(D).ToArray();

        var holidays = EnglandAndWalesBankHolidays.ForYear(year);

        Assert.Equal(count, holidays.Count);
        Assert.Equal(expected, holidays.Select(h => h.Date));
    }

    [Theory]
    [InlineData("1981-07-29", "Royal wedding")]
    [InlineData("1995-05-08", "Early May bank holiday (VE day)")]
    [InlineData("1999-12-31", "Millennium celebrations")]
    [InlineData("2002-06-03", "Queen's Golden Jubilee")]
    [InlineData("2002-06-04", "Spring bank holiday")]                   // moved from 27 May
    [InlineData("2011-04-29", "Royal wedding")]
    [InlineData("2012-06-04", "Spring bank holiday")]                   // moved from 28 May
    [InlineData("2012-06-05", "Queen's Diamond Jubilee")]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]       // a Friday, moved from Monday 4 May
    [InlineData("2022-06-02", "Spring bank holiday")]                   // a Thursday, moved from 30 May
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    public void ForYear_OneOffYear_HasTheProclaimedDay(string date, string name)
    {
        var holidays = EnglandAndWalesBankHolidays.ForYear(D(date).Year);

        Assert.Contains(new BankHoliday(D(date), name), holidays);
    }

    [Theory]
    [InlineData("1995-05-01")]   // the usual early May Monday, moved for VE Day
    [InlineData("2002-05-27")]   // the usual spring Monday, moved for the Golden Jubilee
    [InlineData("2012-05-28")]   // the usual spring Monday, moved for the Diamond Jubilee
    [InlineData("2020-05-04")]   // the usual early May Monday, moved for VE Day
    [InlineData("2022-05-30")]   // the usual spring Monday, moved for the Platinum Jubilee
    public void ForYear_MovedHoliday_UsualDayIsNotAHoliday(string date)
    {
        var holidays = EnglandAndWalesBankHolidays.ForYear(D(date).Year);

        Assert.DoesNotContain(holidays, h => h.Date == D(date));
    }

    [Theory]
    // Christmas on Friday: Boxing Day falls on Saturday and moves to Monday 28.
    [InlineData(2020, "2020-12-25", "Christmas Day", "2020-12-28", "Boxing Day (substitute day)")]
    [InlineData(2026, "2026-12-25", "Christmas Day", "2026-12-28", "Boxing Day (substitute day)")]
    // Christmas on Saturday: both move, to Monday 27 and Tuesday 28.
    [InlineData(2021, "2021-12-27", "Christmas Day (substitute day)", "2021-12-28", "Boxing Day (substitute day)")]
    [InlineData(2010, "2010-12-27", "Christmas Day (substitute day)", "2010-12-28", "Boxing Day (substitute day)")]
    // Christmas on Sunday: Boxing Day is Monday 26 and Christmas moves to Tuesday 27.
    [InlineData(2022, "2022-12-26", "Boxing Day", "2022-12-27", "Christmas Day (substitute day)")]
    [InlineData(2016, "2016-12-26", "Boxing Day", "2016-12-27", "Christmas Day (substitute day)")]
    // Christmas midweek: no substitute.
    [InlineData(2024, "2024-12-25", "Christmas Day", "2024-12-26", "Boxing Day")]
    public void ForYear_ChristmasOnEachDay_SubstitutesTheWeekendDays(
        int year, string first, string firstName, string second, string secondName)
    {
        var christmas = EnglandAndWalesBankHolidays.ForYear(year).Where(h => h.Date.Month == 12 && h.Date.Day >= 25).ToArray();

        Assert.Equal([new BankHoliday(D(first), firstName), new BankHoliday(D(second), secondName)], christmas);
    }

    [Theory]
    [InlineData(2022, "2022-01-03", "New Year's Day (substitute day)")]   // Saturday 1 January → Monday 3
    [InlineData(2005, "2005-01-03", "New Year's Day (substitute day)")]   // Saturday
    [InlineData(2023, "2023-01-02", "New Year's Day (substitute day)")]   // Sunday 1 January → Monday 2
    [InlineData(2017, "2017-01-02", "New Year's Day (substitute day)")]   // Sunday
    [InlineData(2024, "2024-01-01", "New Year's Day")]                    // Monday
    public void ForYear_NewYearOnWeekend_MovesToMonday(int year, string date, string name)
    {
        var newYear = EnglandAndWalesBankHolidays.ForYear(year).Where(h => h.Date.Month == 1).ToArray();

        Assert.Equal([new BankHoliday(D(date), name)], newYear);
    }

    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2038, "2038-04-25")]   // latest possible
    [InlineData(2008, "2008-03-23")]
    [InlineData(2285, "2285-03-22")]   // earliest possible
    [InlineData(1978, "1978-03-26")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2016, "2016-03-27")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    public void EasterSunday_Year_MatchesPublishedDate(int year, string expected)
    {
        Assert.Equal(D(expected), EnglandAndWalesBankHolidays.EasterSunday(year));
    }

    [Theory]
    [InlineData(2019, "2019-04-19", "2019-04-22")]
    [InlineData(2038, "2038-04-23", "2038-04-26")]
    [InlineData(2008, "2008-03-21", "2008-03-24")]
    public void ForYear_Easter_GoodFridayAndEasterMondayAroundIt(int year, string goodFriday, string easterMonday)
    {
        var holidays = EnglandAndWalesBankHolidays.ForYear(year);

        Assert.Contains(new BankHoliday(D(goodFriday), "Good Friday"), holidays);
        Assert.Contains(new BankHoliday(D(easterMonday), "Easter Monday"), holidays);
    }

    [Fact]
    public void ForYear_EveryYear_SortedWeekdaysWithoutDuplicates()
    {
        for (var year = EnglandAndWalesBankHolidays.FirstYear; year <= EnglandAndWalesBankHolidays.LastYear; year++)
        {
            var dates = EnglandAndWalesBankHolidays.ForYear(year).Select(h => h.Date).ToArray();

            Assert.InRange(dates.Length, 8, 10);
            Assert.All(dates, d => Assert.Equal(year, d.Year));
            Assert.All(dates, d => Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d} is a weekend"));
            Assert.Equal(dates.Order(), dates);
            Assert.Equal(dates.Length, dates.Distinct().Count());
        }
    }

    [Theory]
    [InlineData(1977)]
    [InlineData(3000)]
    [InlineData(0)]
    public void ForYear_OutsideSupportedYears_ThrowsNamingTheRange(int year)
    {
        var ex = Assert.Throws<DomainException>(() => EnglandAndWalesBankHolidays.ForYear(year));

        Assert.Equal($"England and Wales bank holidays can be generated only for 1978 to 2999, not {year}.", ex.Message);
    }

    [Fact]
    public void ForYears_ThreeYears_JoinsThemInDateOrder()
    {
        var holidays = EnglandAndWalesBankHolidays.ForYears(2020, 2022);

        Assert.Equal(8 + 8 + 10, holidays.Count);
        Assert.Equal(D("2020-01-01"), holidays[0].Date);
        Assert.Equal(D("2022-12-27"), holidays[^1].Date);
        Assert.Equal(holidays.Select(h => h.Date).Order(), holidays.Select(h => h.Date));
    }

    [Fact]
    public void ForYears_LastBeforeFirst_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => EnglandAndWalesBankHolidays.ForYears(2025, 2024));

        Assert.Equal("The last year 2024 is before the first year 2025.", ex.Message);
    }

    [Fact]
    public void ForYears_LastOutsideSupportedYears_Throws()
    {
        Assert.Throws<DomainException>(() => EnglandAndWalesBankHolidays.ForYears(2990, 3001));
    }
}
