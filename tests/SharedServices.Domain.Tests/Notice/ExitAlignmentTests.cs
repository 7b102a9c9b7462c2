using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Notice;

public class ExitAlignmentTests
{
    [Theory]
    [InlineData(TerminationFalls.AnyDay, "2025-05-14", "2025-05-14")]
    [InlineData(TerminationFalls.NotStated, "2025-05-14", "2025-05-14")]
    [InlineData(TerminationFalls.MonthEnd, "2025-05-14", "2025-05-31")]
    [InlineData(TerminationFalls.MonthEnd, "2025-05-31", "2025-05-31")]   // already a month end
    [InlineData(TerminationFalls.MonthEnd, "2025-05-01", "2025-05-31")]
    [InlineData(TerminationFalls.MonthEnd, "2024-02-10", "2024-02-29")]   // leap February
    [InlineData(TerminationFalls.MonthEnd, "2025-02-10", "2025-02-28")]
    [InlineData(TerminationFalls.MonthEnd, "2025-04-01", "2025-04-30")]
    [InlineData(TerminationFalls.MonthEnd, "2025-12-01", "2025-12-31")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-01-01", "2025-03-31")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-03-31", "2025-03-31")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-04-01", "2025-06-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-05-15", "2025-06-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-06-30", "2025-06-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-07-01", "2025-09-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-08-31", "2025-09-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-09-30", "2025-09-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-10-01", "2025-12-31")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-12-31", "2025-12-31")]
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-01-15", "2025-03-31")]
    [InlineData(TerminationFalls.FinancialYearEnd, "2024-12-31", "2025-03-31")]
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-03-31", "2025-03-31")]
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-04-01", "2026-03-31")]   // a day into 2025/26: its end
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-03-01", "2025-08-31")]
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-08-31", "2025-08-31")]
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-09-01", "2026-08-31")]   // a day into 2025/26
    [InlineData(TerminationFalls.AcademicYearEnd, "2024-12-25", "2025-08-31")]
    public void OnOrAfter_Rule_MovesToTheNextAllowedDay(TerminationFalls rule, string date, string expected)
    {
        Assert.Equal(D(expected), ExitAlignment.OnOrAfter(rule, D(date)));
    }

    [Theory]
    [InlineData(TerminationFalls.AnyDay, "2025-05-14", "2025-05-14")]
    [InlineData(TerminationFalls.NotStated, "2025-05-14", "2025-05-14")]
    [InlineData(TerminationFalls.MonthEnd, "2025-05-14", "2025-04-30")]
    [InlineData(TerminationFalls.MonthEnd, "2025-05-31", "2025-05-31")]
    [InlineData(TerminationFalls.MonthEnd, "2024-03-15", "2024-02-29")]   // leap February
    [InlineData(TerminationFalls.MonthEnd, "2025-03-15", "2025-02-28")]
    [InlineData(TerminationFalls.MonthEnd, "2025-01-15", "2024-12-31")]   // back over the year end
    [InlineData(TerminationFalls.QuarterEnd, "2025-01-01", "2024-12-31")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-02-14", "2024-12-31")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-03-31", "2025-03-31")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-05-15", "2025-03-31")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-06-30", "2025-06-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-07-01", "2025-06-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-09-29", "2025-06-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-09-30", "2025-09-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-12-30", "2025-09-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-12-31", "2025-12-31")]
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-03-30", "2024-03-31")]
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-03-31", "2025-03-31")]
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-04-01", "2025-03-31")]
    [InlineData(TerminationFalls.FinancialYearEnd, "2026-01-15", "2025-03-31")]
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-08-30", "2024-08-31")]
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-08-31", "2025-08-31")]
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-09-01", "2025-08-31")]
    [InlineData(TerminationFalls.AcademicYearEnd, "2026-02-01", "2025-08-31")]
    public void OnOrBefore_Rule_MovesToThePreviousAllowedDay(TerminationFalls rule, string date, string expected)
    {
        Assert.Equal(D(expected), ExitAlignment.OnOrBefore(rule, D(date)));
    }

    [Theory]
    [InlineData(TerminationFalls.AnyDay, "2025-05-14", true)]
    [InlineData(TerminationFalls.NotStated, "2025-05-14", true)]
    [InlineData(TerminationFalls.MonthEnd, "2024-02-29", true)]
    [InlineData(TerminationFalls.MonthEnd, "2024-02-28", false)]   // not the end of a leap February
    [InlineData(TerminationFalls.MonthEnd, "2025-02-28", true)]
    [InlineData(TerminationFalls.MonthEnd, "2025-04-30", true)]
    [InlineData(TerminationFalls.MonthEnd, "2025-04-29", false)]
    [InlineData(TerminationFalls.QuarterEnd, "2025-03-31", true)]
    [InlineData(TerminationFalls.QuarterEnd, "2025-06-30", true)]
    [InlineData(TerminationFalls.QuarterEnd, "2025-09-30", true)]
    [InlineData(TerminationFalls.QuarterEnd, "2025-12-31", true)]
    [InlineData(TerminationFalls.QuarterEnd, "2025-04-30", false)]  // a month end, not a quarter end
    [InlineData(TerminationFalls.QuarterEnd, "2025-08-31", false)]
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-03-31", true)]
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-06-30", false)]
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-12-31", false)]
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-08-31", true)]
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-07-31", false)]
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-03-31", false)]
    public void Allows_Rule_OnlyItsPeriodEnds(TerminationFalls rule, string date, bool expected)
    {
        Assert.Equal(expected, ExitAlignment.Allows(rule, D(date)));
    }
}
