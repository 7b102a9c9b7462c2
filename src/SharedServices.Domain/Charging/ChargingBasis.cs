namespace SharedServices.Domain.Charging;

using SharedServices.Domain.Money;

/// <summary>How a traded service is charged for.</summary>
public enum ChargingBasisKind
{
    /// <summary>An agreed sum a year, billed in equal instalments.</summary>
    FixedAnnualSum,
    DayRate,
    HourlyRate,
    /// <summary>A rate per named unit: per pupil, per assessment, per case.</summary>
    PerUnit,
    /// <summary>An agreed percentage of a pooled cost, billed on a budgeted estimate and trued up to the outturn.</summary>
    CostShare,
    /// <summary>The actual cost plus an overhead percentage.</summary>
    FullCostRecovery,
}

/// <summary>How often a fixed annual sum (or a cost share's estimate) is billed within a financial year.</summary>
public enum InstalmentFrequency
{
    Monthly,
    Quarterly,
    /// <summary>Three school terms: summer (April–August), autumn (September–December), spring (January–March).</summary>
    Termly,
    Annually,
}

/// <summary>
/// The charging basis of one rate version, with only the figures that basis needs. Build it through the
/// named factories (<see cref="DayRate"/>, <see cref="CostShare"/> …) so a basis is never half-filled.
/// </summary>
public sealed record ChargingBasis
{
    private ChargingBasis(ChargingBasisKind kind) => Kind = kind;

    public ChargingBasisKind Kind { get; private init; }

    /// <summary>The day, hour or unit rate, or the fixed annual sum. Empty for a cost share or full cost recovery.</summary>
    public Money? Rate { get; private init; }

    /// <summary>For a per-unit rate: what one unit is ("pupil", "assessment", "case").</summary>
    public string? UnitName { get; private init; }

    /// <summary>For a fixed annual sum or a cost share: how the year is billed.</summary>
    public InstalmentFrequency? Instalments { get; private init; }

    /// <summary>For a cost share: the agreed share of the pooled cost, as a percentage (50 for a 50/50 split).</summary>
    public decimal? SharePercent { get; private init; }

    /// <summary>For a cost share: the budgeted pooled cost for the year, billed in instalments before the outturn is known.</summary>
    public Money? BudgetedEstimate { get; private init; }

    /// <summary>For full cost recovery: the overhead added to the actual cost, as a percentage.</summary>
    public decimal? OverheadPercent { get; private init; }

    /// <summary>True when the charge follows an actual cost rather than an agreed rate, so indexation has nothing to raise.</summary>
    public bool FollowsActualCost => Kind is ChargingBasisKind.CostShare or ChargingBasisKind.FullCostRecovery;

    /// <summary>True when the charge is a rate times a quantity of days, hours or units.</summary>
    public bool IsPerQuantity => Kind is ChargingBasisKind.DayRate or ChargingBasisKind.HourlyRate or ChargingBasisKind.PerUnit;

    /// <summary>True when the year is billed in instalments.</summary>
    public bool IsInstalments => Kind is ChargingBasisKind.FixedAnnualSum or ChargingBasisKind.CostShare;

    /// <summary>What one quantity is counted in: "day", "hour" or the unit's name.</summary>
    public string? QuantityUnit => Kind switch
    {
        ChargingBasisKind.DayRate => "day",
        ChargingBasisKind.HourlyRate => "hour",
        ChargingBasisKind.PerUnit => UnitName,
        _ => null,
    };

    public static ChargingBasis FixedAnnualSum(Money annualSum, InstalmentFrequency instalments) =>
        new(ChargingBasisKind.FixedAnnualSum) { Rate = Positive(annualSum, "annual sum"), Instalments = instalments };

    public static ChargingBasis DayRate(Money rate) =>
        new(ChargingBasisKind.DayRate) { Rate = Positive(rate, "day rate") };

    public static ChargingBasis HourlyRate(Money rate) =>
        new(ChargingBasisKind.HourlyRate) { Rate = Positive(rate, "hourly rate") };

    public static ChargingBasis PerUnit(Money rate, string unitName)
    {
        if (string.IsNullOrWhiteSpace(unitName))
            throw new DomainException("A per-unit rate needs the unit named, such as pupil, assessment or case.");
        return new(ChargingBasisKind.PerUnit) { Rate = Positive(rate, "unit rate"), UnitName = unitName.Trim() };
    }

    public static ChargingBasis CostShare(decimal sharePercent, Money budgetedEstimate, InstalmentFrequency instalments)
    {
        if (sharePercent is <= 0m or > 100m)
            throw new DomainException($"The cost share must be more than 0% and at most 100% (it was {sharePercent}%).");
        return new(ChargingBasisKind.CostShare)
        {
            SharePercent = sharePercent,
            BudgetedEstimate = Positive(budgetedEstimate, "budgeted estimate"),
            Instalments = instalments,
        };
    }

    public static ChargingBasis FullCostRecovery(decimal overheadPercent)
    {
        if (overheadPercent is < 0m or > 100m)
            throw new DomainException($"The overhead must be between 0% and 100% (it was {overheadPercent}%).");
        return new(ChargingBasisKind.FullCostRecovery) { OverheadPercent = overheadPercent };
    }

    private static Money Positive(Money amount, string what) => amount > Money.Zero
        ? amount
        : throw new DomainException($"The {what} must be more than £0.00 (it was {amount}).");
}
