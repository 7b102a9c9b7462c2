using SharedServices.Domain.Partnerships;

namespace SharedServices.Domain.Notice;

/// <summary>
/// Where an agreement says termination must fall at the end of a month, quarter, financial year (31 March) or
/// academic year (31 August), the exit moves to the next such day. Quarters are the financial quarters councils
/// report on: they end 30 June, 30 September, 31 December and 31 March.
/// </summary>
public static class ExitAlignment
{
    /// <summary>The first day on or after <paramref name="date"/> on which termination may fall.</summary>
    public static DateOnly OnOrAfter(TerminationFalls rule, DateOnly date) => rule switch
    {
        TerminationFalls.MonthEnd => MonthEnd(date),
        TerminationFalls.QuarterEnd => QuarterEnd(date),
        TerminationFalls.FinancialYearEnd => YearEndOnOrAfter(date, 3, 31),
        TerminationFalls.AcademicYearEnd => YearEndOnOrAfter(date, 8, 31),
        _ => date,
    };

    /// <summary>The last day on or before <paramref name="date"/> on which termination may fall.</summary>
    public static DateOnly OnOrBefore(TerminationFalls rule, DateOnly date)
    {
        if (rule is TerminationFalls.AnyDay or TerminationFalls.NotStated) return date;
        var aligned = OnOrAfter(rule, date);
        if (aligned == date) return date;
        // Step back into the previous period and take its end.
        var previous = rule switch
        {
            TerminationFalls.MonthEnd => new DateOnly(date.Year, date.Month, 1).AddDays(-1),
            TerminationFalls.QuarterEnd => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1).AddDays(-1),
            _ => aligned.AddYears(-1),
        };
        return previous;
    }

    /// <summary>Whether termination may fall on <paramref name="date"/>.</summary>
    public static bool Allows(TerminationFalls rule, DateOnly date) => OnOrAfter(rule, date) == date;

    private static DateOnly MonthEnd(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    private static DateOnly QuarterEnd(DateOnly date)
    {
        var endMonth = (date.Month + 2) / 3 * 3; // 3, 6, 9 or 12
        return new DateOnly(date.Year, endMonth, DateTime.DaysInMonth(date.Year, endMonth));
    }

    private static DateOnly YearEndOnOrAfter(DateOnly date, int month, int day)
    {
        var thisYear = new DateOnly(date.Year, month, day);
        return date <= thisYear ? thisYear : thisYear.AddYears(1);
    }
}
