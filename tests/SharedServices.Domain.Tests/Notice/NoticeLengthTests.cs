using SharedServices.Domain.Notice;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Notice;

public class NoticeLengthTests
{
    [Theory]
    [InlineData("2025-01-31", 1, NoticeUnit.Months, "2025-02-28")]   // 31 Feb does not exist: clamped to the month end
    [InlineData("2024-01-31", 1, NoticeUnit.Months, "2024-02-29")]   // leap year: clamped to 29 Feb
    [InlineData("2025-03-31", 1, NoticeUnit.Months, "2025-04-30")]   // 31 Apr does not exist
    [InlineData("2024-02-29", 12, NoticeUnit.Months, "2025-02-28")]  // no 29 Feb in 2025
    [InlineData("2024-02-29", 48, NoticeUnit.Months, "2028-02-29")]  // four years on it exists again
    [InlineData("2025-01-15", 3, NoticeUnit.Months, "2025-04-15")]
    [InlineData("2024-08-31", 6, NoticeUnit.Months, "2025-02-28")]
    [InlineData("2024-11-30", 3, NoticeUnit.Months, "2025-02-28")]
    [InlineData("2025-12-31", 2, NoticeUnit.Months, "2026-02-28")]
    [InlineData("2025-02-28", 1, NoticeUnit.Months, "2025-03-28")]   // from a month end: the same day, not the month end
    [InlineData("2025-01-01", 120, NoticeUnit.Months, "2035-01-01")] // the longest allowed
    [InlineData("2025-01-01", 1, NoticeUnit.Weeks, "2025-01-08")]
    [InlineData("2024-02-22", 1, NoticeUnit.Weeks, "2024-02-29")]
    [InlineData("2025-02-22", 1, NoticeUnit.Weeks, "2025-03-01")]
    [InlineData("2024-12-30", 52, NoticeUnit.Weeks, "2025-12-29")]   // 364 days; 2025 has 365, so one day short of 30 Dec
    [InlineData("2025-01-01", 30, NoticeUnit.Days, "2025-01-31")]
    [InlineData("2024-02-28", 1, NoticeUnit.Days, "2024-02-29")]
    [InlineData("2025-02-28", 1, NoticeUnit.Days, "2025-03-01")]
    [InlineData("2024-01-01", 365, NoticeUnit.Days, "2024-12-31")]   // 2024 has 366 days
    public void RunsTo_ServedOnDay_AddsTheNoticeWithMonthEndClamping(string served, int amount, NoticeUnit unit, string expected)
    {
        Assert.Equal(D(expected), new NoticeLength(amount, unit).RunsTo(D(served)));
    }

    [Theory]
    [InlineData("2025-02-28", 1, NoticeUnit.Months, "2025-01-31")]   // 28, 29, 30 and 31 Jan all reach 28 Feb; 1 Feb reaches 1 Mar
    [InlineData("2024-02-29", 1, NoticeUnit.Months, "2024-01-31")]   // leap year: 29, 30, 31 Jan reach 29 Feb
    [InlineData("2024-02-28", 1, NoticeUnit.Months, "2024-01-28")]   // 29 Jan 2024 reaches 29 Feb, one day too late
    [InlineData("2025-04-30", 1, NoticeUnit.Months, "2025-03-31")]   // 30 and 31 Mar reach 30 Apr
    [InlineData("2025-02-28", 12, NoticeUnit.Months, "2024-02-29")]  // 28 and 29 Feb 2024 reach 28 Feb 2025; 1 Mar 2024 does not
    [InlineData("2025-03-31", 1, NoticeUnit.Months, "2025-02-28")]   // 28 Feb reaches 28 Mar (before 31 Mar); 1 Mar reaches 1 Apr
    [InlineData("2025-06-15", 3, NoticeUnit.Months, "2025-03-15")]
    [InlineData("2026-02-28", 6, NoticeUnit.Months, "2025-08-31")]   // 28–31 Aug reach 28 Feb; 1 Sep reaches 1 Mar
    [InlineData("2025-03-01", 1, NoticeUnit.Weeks, "2025-02-22")]
    [InlineData("2024-03-01", 1, NoticeUnit.Weeks, "2024-02-23")]    // back over 29 Feb
    [InlineData("2025-01-31", 30, NoticeUnit.Days, "2025-01-01")]
    [InlineData("2025-03-01", 1, NoticeUnit.Days, "2025-02-28")]
    [InlineData("2025-03-01", 30, NoticeUnit.Days, "2025-01-30")]    // 30 Jan + 30 days: 31 Jan is +1, 28 Feb is +29, 1 Mar is +30
    public void LatestServiceFor_ExitDay_IsTheLastDayWhoseNoticeHasRunByThen(string exit, int amount, NoticeUnit unit, string expected)
    {
        var notice = new NoticeLength(amount, unit);

        var latest = notice.LatestServiceFor(D(exit));

        Assert.Equal(D(expected), latest);
        Assert.True(notice.RunsTo(latest) <= D(exit));
        Assert.True(notice.RunsTo(latest.AddDays(1)) > D(exit));
    }

    [Theory]
    [InlineData(0, NoticeUnit.Months)]
    [InlineData(121, NoticeUnit.Months)]
    [InlineData(-1, NoticeUnit.Months)]
    [InlineData(0, NoticeUnit.Weeks)]
    [InlineData(521, NoticeUnit.Weeks)]
    [InlineData(0, NoticeUnit.Days)]
    [InlineData(3661, NoticeUnit.Days)]
    public void Constructor_AmountOutOfRange_Throws(int amount, NoticeUnit unit)
    {
        Assert.Throws<DomainException>(() => new NoticeLength(amount, unit));
    }

    [Fact]
    public void Constructor_121Months_SaysTheRange()
    {
        var ex = Assert.Throws<DomainException>(() => NoticeLength.Months(121));

        Assert.Equal("A notice period in months is between 1 and 120.", ex.Message);
    }

    [Theory]
    [InlineData(1, NoticeUnit.Months)]
    [InlineData(120, NoticeUnit.Months)]
    [InlineData(1, NoticeUnit.Weeks)]
    [InlineData(520, NoticeUnit.Weeks)]
    [InlineData(1, NoticeUnit.Days)]
    [InlineData(3660, NoticeUnit.Days)]
    public void Constructor_AmountAtTheBounds_IsAccepted(int amount, NoticeUnit unit)
    {
        var notice = new NoticeLength(amount, unit);

        Assert.Equal(amount, notice.Amount);
        Assert.Equal(unit, notice.Unit);
    }

    [Theory]
    [InlineData(1, NoticeUnit.Months, "1 month")]
    [InlineData(3, NoticeUnit.Months, "3 months")]
    [InlineData(1, NoticeUnit.Weeks, "1 week")]
    [InlineData(6, NoticeUnit.Weeks, "6 weeks")]
    [InlineData(1, NoticeUnit.Days, "1 day")]
    [InlineData(30, NoticeUnit.Days, "30 days")]
    public void ToString_AmountAndUnit_ReadsAsWritten(int amount, NoticeUnit unit, string expected)
    {
        Assert.Equal(expected, new NoticeLength(amount, unit).ToString());
    }

    [Fact]
    public void Months_Factory_IsTheSameAsTheConstructor()
    {
        Assert.Equal(new NoticeLength(6, NoticeUnit.Months), NoticeLength.Months(6));
    }
}
