using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Charging;

/// <summary>The instalment periods of a financial year (1 April to 31 March).</summary>
public static class BillingPeriods
{
    /// <summary>
    /// The periods of <paramref name="year"/>, in order: 12 calendar months, 4 quarters (April–June first), 3 school
    /// terms or the whole year. The terms split the financial year at the school holidays' month boundaries:
    /// summer 1 April–31 August, autumn 1 September–31 December, spring 1 January–31 March.
    /// </summary>
    public static IReadOnlyList<DateRange> For(FinancialYear year, InstalmentFrequency frequency)
    {
        var start = year.Dates.Start;
        return frequency switch
        {
            InstalmentFrequency.Monthly => Months(start, 1, 12),
            InstalmentFrequency.Quarterly => Months(start, 3, 4),
            InstalmentFrequency.Termly =>
            [
                new DateRange(start, new DateOnly(year.StartYear, 8, 31)),
                new DateRange(new DateOnly(year.StartYear, 9, 1), new DateOnly(year.StartYear, 12, 31)),
                new DateRange(new DateOnly(year.StartYear + 1, 1, 1), year.Dates.End),
            ],
            InstalmentFrequency.Annually => [year.Dates],
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
        };
    }

    private static DateRange[] Months(DateOnly start, int length, int count) =>
        Enumerable.Range(0, count).Select(i => DateRange.ForMonths(start.AddMonths(i * length), length)).ToArray();
}
