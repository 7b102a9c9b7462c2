using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Charging;

using SharedServices.Domain.Money;

/// <summary>Whether a billing period is invoiced at its start or after it has been delivered.</summary>
public enum BillingTiming
{
    InAdvance,
    InArrears,
}

/// <summary>
/// One version of a service's schedule of charges. It applies from <see cref="EffectiveFrom"/> until the day
/// before the next version starts. <see cref="EnteredOn"/> records when it was agreed and entered, so a pay award
/// agreed in November and backdated to 1 April is visible as such, and the periods already invoiced at the old
/// rate can be billed the difference.
/// </summary>
public sealed class RateVersion
{
    /// <summary>Invoices must be paid within 30 days: the statutory limit for public bodies (Procurement Act 2023 s68).</summary>
    public const int StatutoryPaymentTermsDays = 30;

    private RateVersion() { Basis = null!; }

    public RateVersion(DateOnly effectiveFrom, DateOnly enteredOn, ChargingBasis basis,
        Indexation? indexation = null, Money? capPerFinancialYear = null, Money? minimumCharge = null,
        BillingTiming timing = BillingTiming.InArrears, int paymentTermsDays = StatutoryPaymentTermsDays)
    {
        ArgumentNullException.ThrowIfNull(basis);
        if (indexation is not null && basis.FollowsActualCost)
            throw new DomainException("Indexation raises a rate or a fixed sum; a cost share or full cost recovery follows the actual cost, so it cannot be indexed.");
        if (capPerFinancialYear is { } cap && cap <= Money.Zero)
            throw new DomainException($"The cap per financial year must be more than £0.00 (it was {cap}).");
        if (minimumCharge is { } minimum && minimum <= Money.Zero)
            throw new DomainException($"The minimum charge must be more than £0.00 (it was {minimum}).");
        if (capPerFinancialYear is { } c && minimumCharge is { } m && m > c)
            throw new DomainException($"The minimum charge ({m}) is more than the cap per financial year ({c}).");
        if (paymentTermsDays is < 1 or > StatutoryPaymentTermsDays)
            throw new DomainException($"Payment terms must be between 1 and {StatutoryPaymentTermsDays} days, the statutory limit for public bodies (Procurement Act 2023 s68); {paymentTermsDays} days was given.");

        EffectiveFrom = effectiveFrom;
        EnteredOn = enteredOn;
        Basis = basis;
        Indexation = indexation;
        CapPerFinancialYear = capPerFinancialYear;
        MinimumCharge = minimumCharge;
        Timing = timing;
        PaymentTermsDays = paymentTermsDays;
    }

    public int Id { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public DateOnly EnteredOn { get; private set; }
    public ChargingBasis Basis { get; private set; }
    public Indexation? Indexation { get; private set; }
    public Money? CapPerFinancialYear { get; private set; }
    public Money? MinimumCharge { get; private set; }
    public BillingTiming Timing { get; private set; }
    public int PaymentTermsDays { get; private set; }

    /// <summary>Entered after the date it takes effect from, so some periods may already have been billed at the old rate.</summary>
    public bool IsBackdated => EnteredOn > EffectiveFrom;

    /// <summary>The indexation multiplier on <paramref name="date"/>: 1 when the version is not indexed or has not yet risen.</summary>
    public decimal IndexationFactorOn(DateOnly date) => Indexation?.FactorOn(EffectiveFrom, date) ?? 1m;

    /// <summary>
    /// The rate (or annual sum) in force on <paramref name="date"/> after indexation, rounded to the penny for
    /// display. Charges use the unrounded figure and round once, at the line.
    /// </summary>
    public Money? RateOn(DateOnly date) => Basis.Rate is { } rate ? Money.FromPounds(ExactRateOn(date)) : null;

    internal decimal ExactRateOn(DateOnly date) =>
        (Basis.Rate ?? throw new DomainException($"A {Describe(Basis.Kind)} has no rate.")).Pounds * IndexationFactorOn(date);

    /// <summary>The day a period's invoice is raised: its first day when billed in advance, its last when in arrears.</summary>
    public DateOnly InvoiceDateFor(DateRange period) => Timing == BillingTiming.InAdvance ? period.Start : period.End;

    /// <summary>The day payment falls due for an invoice dated <paramref name="invoiceDate"/>.</summary>
    public DateOnly DueDateFor(DateOnly invoiceDate) => invoiceDate.AddDays(PaymentTermsDays);

    internal static string Describe(ChargingBasisKind kind) => kind switch
    {
        ChargingBasisKind.FixedAnnualSum => "fixed annual sum",
        ChargingBasisKind.DayRate => "day rate",
        ChargingBasisKind.HourlyRate => "hourly rate",
        ChargingBasisKind.PerUnit => "per-unit rate",
        ChargingBasisKind.CostShare => "cost share",
        _ => "full cost recovery",
    };

    public override string ToString() => $"{Describe(Basis.Kind)} from {DateText.Long(EffectiveFrom)}";
}
