namespace SharedServices.Domain.Charging;

using SharedServices.Domain.Money;

/// <summary>Which limit of the rate version changed a charge, if any.</summary>
public enum ChargeLimit
{
    None,
    /// <summary>The charge was raised to the version's minimum charge.</summary>
    MinimumCharge,
    /// <summary>The charge was reduced so the financial year's total does not pass the version's cap.</summary>
    FinancialYearCap,
}

/// <summary>
/// One charge line: <see cref="Amount"/> is what is billed, already rounded to the penny;
/// <see cref="BeforeLimits"/> is the figure before the minimum charge and cap were applied, so the reason for a
/// difference can be shown. A negative amount is a credit (a true-up below the estimate).
/// </summary>
public sealed record Charge(Money Amount, Money BeforeLimits, ChargeLimit Limit, RateVersion Version)
{
    /// <summary>The charge with any minimum applied but not the cap: what the rate alone makes of the work.</summary>
    public Money BeforeCap { get; init; } = Amount;
}
