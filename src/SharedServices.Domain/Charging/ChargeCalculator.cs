using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Charging;

using SharedServices.Domain.Money;

/// <summary>
/// Works out single charge lines from a service's schedule: the version in force on the day, its indexation,
/// then its minimum charge and its cap for the financial year. Figures are kept in decimal and rounded to the
/// penny, half away from zero, once per line.
/// </summary>
/// <remarks>
/// The caller passes <c>chargedSoFarInYear</c>: what has already been charged for the service in the same
/// financial year, which the cap needs. The minimum charge applies to charges for delivered work (days, hours,
/// units, full cost); instalments and true-ups are agreed sums and are only capped. When both apply the cap wins,
/// because it is the most the recipient agreed to pay in the year.
/// </remarks>
public sealed class ChargeCalculator(ChargeSchedule schedule)
{
    /// <summary>A quantity of days, hours or units delivered on <paramref name="date"/>, at the (indexed) rate in force that day.</summary>
    public Charge ForQuantity(DateOnly date, decimal quantity, Money chargedSoFarInYear)
    {
        var version = schedule.RequireVersionOn(date);
        if (!version.Basis.IsPerQuantity)
            throw WrongBasis(version, "by the day, hour or unit");
        if (quantity < 0m)
            throw new DomainException($"The quantity of {version.Basis.QuantityUnit}s cannot be negative (it was {quantity}).");
        var amount = Money.FromPounds(quantity * version.ExactRateOn(date));
        return quantity == 0m ? new Charge(amount, amount, ChargeLimit.None, version) : Limit(version, amount, chargedSoFarInYear, minimumApplies: true);
    }

    /// <summary>
    /// Instalment <paramref name="number"/> (from 1) of a fixed annual sum, or of a cost share of the budgeted
    /// estimate, for <paramref name="year"/>. The version and indexation are those in force on the first day of
    /// the instalment's period; a year under one version adds up exactly to its annual sum.
    /// </summary>
    public Charge Instalment(FinancialYear year, int number, Money chargedSoFarInYear) =>
        InstalmentPart(year, number, null, chargedSoFarInYear);

    /// <summary>
    /// The part of instalment <paramref name="number"/> that falls in <paramref name="part"/> (null: all of it), in
    /// proportion to its days: for a service that starts or ends inside the instalment's period, or for each side of
    /// a rate change inside it. The version is the one in force on the part's first day.
    /// </summary>
    public Charge InstalmentPart(FinancialYear year, int number, DateRange? part, Money chargedSoFarInYear)
    {
        var latest = LastVersionOf(year);
        if (!latest.Basis.IsInstalments) throw WrongBasis(latest, "in instalments");
        var frequency = latest.Basis.Instalments!.Value;
        var periods = BillingPeriods.For(year, frequency);
        if (number < 1 || number > periods.Count)
            throw new DomainException($"Instalment {number} does not exist: {year} is billed in {periods.Count} instalment{(periods.Count == 1 ? "" : "s")}.");

        var period = periods[number - 1];
        var days = part ?? period;
        if (days.Start < period.Start || days.End > period.End)
            throw new DomainException($"{days} is not within instalment {number} ({period}).");
        var version = schedule.RequireVersionOn(days.Start);
        if (!version.Basis.IsInstalments) throw WrongBasis(version, "in instalments");
        if (version.Basis.Instalments != frequency)
            throw new DomainException($"The billing frequency changes during {year} (from {DateText.Long(latest.EffectiveFrom)}): bill each version's part of the year separately.");
        var whole = Split(AnnualAmount(version, days.Start), periods.Count)[number - 1];
        // A whole instalment keeps its exact pennies (the remainder sits on the last); a part is prorated by days.
        var amount = days == period ? whole : Money.FromPounds(whole.Pounds * days.Days / period.Days);
        return Limit(version, amount, chargedSoFarInYear, minimumApplies: false);
    }

    /// <summary>
    /// The year-end balancing charge (positive) or credit (negative) for a cost share: the share of the actual
    /// <paramref name="outturn"/> less what was billed on the estimate during <paramref name="year"/>.
    /// The share is the year's last version's, so a share revised during the year settles the whole year.
    /// </summary>
    public Charge CostShareTrueUp(FinancialYear year, Money outturn, Money billedOnEstimate, Money chargedSoFarInYear)
    {
        var version = LastVersionOf(year);
        if (version.Basis.Kind != ChargingBasisKind.CostShare) throw WrongBasis(version, "as a cost share");
        if (outturn < Money.Zero)
            throw new DomainException($"The outturn cannot be negative (it was {outturn}).");
        var shareOfOutturn = Money.FromPounds(outturn.Pounds * version.Basis.SharePercent!.Value / 100m);
        return Limit(version, shareOfOutturn - billedOnEstimate, chargedSoFarInYear, minimumApplies: false);
    }

    /// <summary>Full cost recovery: the actual cost incurred on <paramref name="date"/> plus the version's overhead.</summary>
    public Charge FullCost(DateOnly date, Money actualCost, Money chargedSoFarInYear)
    {
        var version = schedule.RequireVersionOn(date);
        if (version.Basis.Kind != ChargingBasisKind.FullCostRecovery) throw WrongBasis(version, "at full cost");
        if (actualCost < Money.Zero)
            throw new DomainException($"The actual cost cannot be negative (it was {actualCost}).");
        var amount = Money.FromPounds(actualCost.Pounds * (1m + version.Basis.OverheadPercent!.Value / 100m));
        return Limit(version, amount, chargedSoFarInYear, minimumApplies: actualCost > Money.Zero);
    }

    /// <summary>
    /// Splits a yearly amount into <paramref name="count"/> instalments that add up to it exactly. Every
    /// instalment but the last is the yearly amount divided by the count, rounded to the penny; the rounding
    /// remainder goes in the last instalment, so £100,000.00 monthly is 11 × £8,333.33 and one £8,333.37.
    /// </summary>
    public static IReadOnlyList<Money> Split(Money yearly, int count)
    {
        if (count < 1) throw new DomainException("A year must be billed in at least one instalment.");
        var regular = Money.FromPounds(yearly.Pounds / count);
        var instalments = Enumerable.Repeat(regular, count).ToArray();
        instalments[^1] = yearly - new Money(regular.Pence * (count - 1));
        return instalments;
    }

    // The last version starting by the year's end; for a service that ended during the year, its final version.
    private RateVersion LastVersionOf(FinancialYear year) =>
        schedule.Versions.LastOrDefault(v => v.EffectiveFrom <= year.Dates.End) ?? schedule.RequireVersionOn(year.Dates.End);

    private static Money AnnualAmount(RateVersion version, DateOnly on) => version.Basis.Kind == ChargingBasisKind.CostShare
        ? Money.FromPounds(version.Basis.BudgetedEstimate!.Value.Pounds * version.Basis.SharePercent!.Value / 100m)
        : Money.FromPounds(version.ExactRateOn(on));

    private static Charge Limit(RateVersion version, Money amount, Money chargedSoFarInYear, bool minimumApplies)
    {
        var charged = amount;
        var limit = ChargeLimit.None;
        if (minimumApplies && version.MinimumCharge is { } minimum && charged > Money.Zero && charged < minimum)
            (charged, limit) = (minimum, ChargeLimit.MinimumCharge);
        var beforeCap = charged;
        if (version.CapPerFinancialYear is { } cap && charged > Money.Zero)
        {
            var room = cap - chargedSoFarInYear;
            if (room < Money.Zero) room = Money.Zero;
            if (charged > room) (charged, limit) = (room, ChargeLimit.FinancialYearCap);
        }
        return new Charge(charged, amount, limit, version) { BeforeCap = beforeCap };
    }

    private static DomainException WrongBasis(RateVersion version, string asked) =>
        new($"The service is charged by {RateVersion.Describe(version.Basis.Kind)} from {DateText.Long(version.EffectiveFrom)}, not {asked}.");
}
