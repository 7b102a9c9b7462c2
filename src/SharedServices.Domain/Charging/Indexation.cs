using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Charging;

/// <summary>When an annual indexation takes effect each year.</summary>
public enum IndexationDay
{
    /// <summary>On each anniversary of the version's start.</summary>
    Anniversary,
    /// <summary>On each 1 April, the start of the financial year.</summary>
    FirstApril,
}

/// <summary>
/// An annual uplift (for example a pay award or an inflation index), compounded once a year from the version's
/// start. The year in which a version starts is charged at the rate as entered; the first rise comes on the first
/// anniversary, or on the first 1 April after the start.
/// </summary>
public sealed record Indexation
{
    public Indexation(decimal percent, IndexationDay appliesOn)
    {
        if (percent is <= -100m or > 100m)
            throw new DomainException($"The indexation must be more than -100% and at most 100% (it was {percent}%).");
        Percent = percent;
        AppliesOn = appliesOn;
    }

    public decimal Percent { get; private init; }
    public IndexationDay AppliesOn { get; private init; }

    /// <summary>How many rises have taken effect by <paramref name="date"/> for a version starting on <paramref name="start"/>.</summary>
    public int RisesBy(DateOnly start, DateOnly date)
    {
        if (date <= start) return 0;
        return AppliesOn == IndexationDay.FirstApril ? FirstAprilsAfter(start, date) : AnniversariesBy(start, date);
    }

    /// <summary>The multiplier for <paramref name="date"/>: (1 + percent) raised to the number of rises, kept exact in decimal.</summary>
    public decimal FactorOn(DateOnly start, DateOnly date)
    {
        var factor = 1m;
        var step = 1m + Percent / 100m;
        for (var i = RisesBy(start, date); i > 0; i--) factor *= step;
        return factor;
    }

    // 1 April falling after the start and on or before the date. A version starting on 1 April is charged as
    // entered for that whole financial year.
    private static int FirstAprilsAfter(DateOnly start, DateOnly date) =>
        FinancialYear.Containing(date).StartYear - FinancialYear.Containing(start).StartYear;

    // The anniversary is the day after each year of the version ends, read as DateRange.ForMonths reads a year:
    // a version starting on 29 February 2024 first rises on 1 March 2025 and again on 1 March 2026, 2027, then on
    // 29 February 2028.
    private static int AnniversariesBy(DateOnly start, DateOnly date)
    {
        var years = 0;
        while (DateRange.EndOfMonths(start, 12 * (years + 1)).AddDays(1) <= date) years++;
        return years;
    }
}
