using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Recharging;

public enum RechargeLineKind
{
    /// <summary>Days, hours or units delivered, at the rate in force.</summary>
    Quantity,
    /// <summary>An instalment (or a prorated part of one) of a fixed annual sum or of a cost share's estimate.</summary>
    Instalment,
    /// <summary>A cost share's year-end balancing charge or credit to the outturn.</summary>
    TrueUp,
    /// <summary>Actual cost plus the overhead.</summary>
    FullCost,
    /// <summary>The difference a backdated rate version makes to lines already invoiced.</summary>
    BackdatedAdjustment,
}

/// <summary>
/// One line of a draft invoice, with the words that explain it ("12.5 days × £450.00 (rate from 1 April 2013)"),
/// the days it covers, and the activity it bills (which is locked once the invoice is issued).
/// </summary>
public sealed record RechargeLine(
    RechargeLineKind Kind,
    string Explanation,
    DateRange Covers,
    decimal? Quantity,
    string? Unit,
    Money.Money? Rate,
    Money.Money Net,
    ChargeLimit Limit,
    RateVersion Version,
    IReadOnlyList<int> ActivityIds)
{
    /// <summary>For an instalment line, which instalment of the year it is (from 1); null otherwise.</summary>
    public int? InstalmentNumber { get; init; }

    /// <summary>What a cap or minimum did to the line, to append to its explanation.</summary>
    internal static string LimitText(Charge charge) => charge.Limit switch
    {
        ChargeLimit.MinimumCharge => $"; raised to the minimum charge of {charge.Version.MinimumCharge}",
        ChargeLimit.FinancialYearCap => $"; reduced from {charge.BeforeLimits} by the cap of {charge.Version.CapPerFinancialYear} a year",
        _ => "",
    };

    internal static string RateFrom(RateVersion version, DateOnly on) =>
        version.IndexationFactorOn(on) == 1m
            ? $"rate from {DateText.Long(version.EffectiveFrom)}"
            : $"rate from {DateText.Long(version.EffectiveFrom)}, indexed";
}

/// <summary>Activity not yet billed, as the run reads it.</summary>
public sealed record BillableActivity(int Id, DateOnly From, DateOnly To, decimal? Quantity, string? Unit, Money.Money? ActualCost);

/// <summary>
/// What the service has already been billed in the financial year, so that nothing is billed twice and the limits
/// hold: the total charged (for the cap), the instalments already billed (by number), what was billed on a cost
/// share's estimate including any earlier true-up, and the actual cost that earlier true-ups settled.
/// </summary>
public sealed record YearToDate(Money.Money Charged, Money.Money BilledOnEstimate)
{
    public static YearToDate Nothing { get; } = new(Money.Money.Zero, Money.Money.Zero);

    public IReadOnlySet<int> BilledInstalments { get; init; } = new HashSet<int>();

    public Money.Money OutturnAlreadyTrued { get; init; } = Money.Money.Zero;
}

/// <summary>Activity grouped by the rate that prices it: the version in force on its first day, with that day's indexation.</summary>
internal static class RateGroups
{
    public static IEnumerable<IGrouping<(RateVersion Version, decimal Factor), BillableActivity>> ByRate(ChargeSchedule schedule, IEnumerable<BillableActivity> activity) =>
        activity.GroupBy(a =>
        {
            var version = schedule.RequireVersionOn(a.From);
            return (version, version.IndexationFactorOn(a.From));
        });
}
