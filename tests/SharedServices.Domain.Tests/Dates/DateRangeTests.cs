using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Dates;

public class DateRangeTests
{
    [Theory]
    [InlineData("2024-01-01", "2024-01-01", 1)]      // one day, both ends counted
    [InlineData("2024-01-01", "2024-01-02", 2)]
    [InlineData("2024-02-01", "2024-02-29", 29)]     // leap February
    [InlineData("2023-02-01", "2023-02-28", 28)]
    [InlineData("2024-01-01", "2024-12-31", 366)]
    [InlineData("2023-01-01", "2023-12-31", 365)]
    [InlineData("2024-04-01", "2025-03-31", 365)]    // financial year 2024/25
    [InlineData("2023-04-01", "2024-03-31", 366)]    // 2023/24 holds 29 February 2024
    [InlineData("2013-07-01", "2018-06-30", 1826)]   // five years with one 29 February (2016)
    public void Days_InclusiveRange_CountsBothEnds(string start, string end, int expected)
    {
        Assert.Equal(expected, new DateRange(D(start), D(end)).Days);
    }

    [Fact]
    public void Constructor_EndBeforeStart_ThrowsWithBothDates()
    {
        var ex = Assert.Throws<DomainException>(() => new DateRange(D("2024-01-01"), D("2023-12-31")));

        Assert.Equal("The end date 31 December 2023 is before the start date 1 January 2024.", ex.Message);
    }

    [Fact]
    public void Constructor_StartEqualsEnd_KeepsBothDates()
    {
        var range = new DateRange(D("2024-02-29"), D("2024-02-29"));

        Assert.Equal(D("2024-02-29"), range.Start);
        Assert.Equal(D("2024-02-29"), range.End);
    }

    [Theory]
    [InlineData("2024-01-01", true)]     // first day
    [InlineData("2024-01-31", true)]     // last day: the end is inclusive
    [InlineData("2024-01-15", true)]
    [InlineData("2023-12-31", false)]    // day before
    [InlineData("2024-02-01", false)]    // day after
    public void Contains_DateAroundEnds_IncludesBothEnds(string date, bool expected)
    {
        var january = new DateRange(D("2024-01-01"), D("2024-01-31"));

        Assert.Equal(expected, january.Contains(D(date)));
    }

    [Theory]
    [InlineData("2024-01-31", "2024-02-28", true)]   // share 31 January
    [InlineData("2023-12-01", "2024-01-01", true)]   // share 1 January
    [InlineData("2024-02-01", "2024-02-28", false)]  // next day onwards: adjacent, not overlapping
    [InlineData("2023-12-01", "2023-12-31", false)]  // ends the day before
    [InlineData("2024-01-10", "2024-01-12", true)]   // inside
    [InlineData("2023-01-01", "2025-01-01", true)]   // around
    public void Overlaps_OtherRange_TrueOnlyWhenADayIsShared(string start, string end, bool expected)
    {
        var january = new DateRange(D("2024-01-01"), D("2024-01-31"));
        var other = new DateRange(D(start), D(end));

        Assert.Equal(expected, january.Overlaps(other));
        Assert.Equal(expected, other.Overlaps(january));
    }

    [Theory]
    [InlineData("2013-07-01", 60, "2018-06-30")]  // "from 1 July 2013 for five years"
    [InlineData("2024-01-01", 1, "2024-01-31")]
    [InlineData("2024-04-01", 12, "2025-03-31")]
    [InlineData("2024-02-01", 12, "2025-01-31")]
    [InlineData("2024-01-31", 1, "2024-02-29")]   // no 31 February 2024: to the leap day
    [InlineData("2023-01-31", 1, "2023-02-28")]   // no 31 February: the month runs to February's last day
    [InlineData("2023-01-30", 1, "2023-02-28")]   // no 30 February either
    [InlineData("2023-01-28", 1, "2023-02-27")]   // 28 February exists: the day before it
    [InlineData("2024-03-31", 1, "2024-04-30")]   // no 31 April: to 30 April
    [InlineData("2024-02-29", 12, "2025-02-28")]  // no 29 February 2025: to 28 February
    [InlineData("2024-02-29", 48, "2028-02-28")]  // next leap year has a 29 February: no clamping
    [InlineData("2023-03-01", 12, "2024-02-29")]  // ends on a leap day
    public void ForMonths_StartAndMonths_EndsDayBeforeCorrespondingDayOrOnMonthEnd(string start, int months, string expectedEnd)
    {
        var range = DateRange.ForMonths(D(start), months);

        Assert.Equal(D(start), range.Start);
        Assert.Equal(D(expectedEnd), range.End);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ForMonths_LessThanOneMonth_Throws(int months)
    {
        var ex = Assert.Throws<DomainException>(() => DateRange.ForMonths(D("2024-01-01"), months));

        Assert.Equal("A period must last at least one month.", ex.Message);
    }

    [Fact]
    public void ToString_Range_WritesBothDatesInFull()
    {
        Assert.Equal("1 July 2013 to 30 June 2018", new DateRange(D("2013-07-01"), D("2018-06-30")).ToString());
    }

    [Fact]
    public void Equals_SameStartAndEnd_AreEqual()
    {
        Assert.Equal(new DateRange(D("2024-01-01"), D("2024-01-31")), DateRange.ForMonths(D("2024-01-01"), 1));
        Assert.NotEqual(new DateRange(D("2024-01-01"), D("2024-01-31")), new DateRange(D("2024-01-01"), D("2024-01-30")));
    }
}
