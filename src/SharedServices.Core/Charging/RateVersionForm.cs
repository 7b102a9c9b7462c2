using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Charging;

/// <summary>
/// The add or correct rate version form: every basis's figures in one place, with only the ones the chosen basis
/// needs read when saving. Amounts are in pounds as typed; they become <see cref="Money"/> (pence) on the way in.
/// </summary>
public sealed class RateVersionForm
{
    public const int UnitNameMaxLength = 100;

    public DateOnly? EffectiveFrom { get; set; }
    public ChargingBasisKind Kind { get; set; } = ChargingBasisKind.DayRate;

    /// <summary>The annual sum, day rate, hourly rate or unit rate, in pounds.</summary>
    public decimal? Amount { get; set; }
    public InstalmentFrequency Instalments { get; set; } = InstalmentFrequency.Monthly;
    public string? UnitName { get; set; }
    public decimal? SharePercent { get; set; }
    public decimal? BudgetedEstimate { get; set; }
    public decimal? OverheadPercent { get; set; }
    public decimal? IndexationPercent { get; set; }
    public IndexationDay IndexationDay { get; set; } = IndexationDay.FirstApril;
    public decimal? Cap { get; set; }
    public decimal? Minimum { get; set; }
    public BillingTiming Timing { get; set; } = BillingTiming.InArrears;
    public int? PaymentTermsDays { get; set; } = RateVersion.StatutoryPaymentTermsDays;

    /// <summary>True when the chosen basis charges an agreed amount (annual sum or a rate), so it has an amount to enter.</summary>
    public bool HasAmount => Kind is not (ChargingBasisKind.CostShare or ChargingBasisKind.FullCostRecovery);

    /// <summary>True when the chosen basis bills the year in instalments.</summary>
    public bool HasInstalments => Kind is ChargingBasisKind.FixedAnnualSum or ChargingBasisKind.CostShare;

    /// <summary>True when the chosen basis can be indexed; a cost share or full cost follows the actual cost.</summary>
    public bool CanBeIndexed => HasAmount;

    /// <summary>The amount field's label for the chosen basis.</summary>
    public string AmountLabel => AmountLabelFor(Kind);

    public static string AmountLabelFor(ChargingBasisKind kind) => kind switch
    {
        ChargingBasisKind.FixedAnnualSum => "Annual sum (£)",
        ChargingBasisKind.HourlyRate => "Hourly rate (£)",
        ChargingBasisKind.PerUnit => "Rate per unit (£)",
        _ => "Day rate (£)",
    };

    /// <summary>The version as the use case takes it; call after the validator has passed.</summary>
    public RateVersionInput ToInput() => new(
        EffectiveFrom ?? throw new InvalidOperationException("Validate the form first."),
        Basis(),
        CanBeIndexed && IndexationPercent is { } percent ? new Indexation(percent, IndexationDay) : null,
        Cap is { } cap ? Money.FromPounds(cap) : null,
        Minimum is { } minimum ? Money.FromPounds(minimum) : null,
        Timing,
        PaymentTermsDays ?? RateVersion.StatutoryPaymentTermsDays);

    private ChargingBasis Basis() => Kind switch
    {
        ChargingBasisKind.FixedAnnualSum => ChargingBasis.FixedAnnualSum(Pounds(Amount), Instalments),
        ChargingBasisKind.DayRate => ChargingBasis.DayRate(Pounds(Amount)),
        ChargingBasisKind.HourlyRate => ChargingBasis.HourlyRate(Pounds(Amount)),
        ChargingBasisKind.PerUnit => ChargingBasis.PerUnit(Pounds(Amount), UnitName ?? ""),
        ChargingBasisKind.CostShare => ChargingBasis.CostShare(SharePercent ?? 0m, Pounds(BudgetedEstimate), Instalments),
        _ => ChargingBasis.FullCostRecovery(OverheadPercent ?? 0m),
    };

    private static Money Pounds(decimal? pounds) => Money.FromPounds(pounds ?? 0m);

    /// <summary>A form filled with an existing version, to correct it.</summary>
    public static RateVersionForm From(RateVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var basis = version.Basis;
        return new()
        {
            EffectiveFrom = version.EffectiveFrom,
            Kind = basis.Kind,
            Amount = basis.Rate?.Pounds,
            Instalments = basis.Instalments ?? InstalmentFrequency.Monthly,
            UnitName = basis.UnitName,
            SharePercent = basis.SharePercent,
            BudgetedEstimate = basis.BudgetedEstimate?.Pounds,
            OverheadPercent = basis.OverheadPercent,
            IndexationPercent = version.Indexation?.Percent,
            IndexationDay = version.Indexation?.AppliesOn ?? IndexationDay.FirstApril,
            Cap = version.CapPerFinancialYear?.Pounds,
            Minimum = version.MinimumCharge?.Pounds,
            Timing = version.Timing,
            PaymentTermsDays = version.PaymentTermsDays,
        };
    }
}

/// <summary>The rate version form's rules, each message starting with the field's label.</summary>
public sealed class RateVersionFormValidator : FormValidator<RateVersionForm>
{
    public RateVersionFormValidator()
    {
        RuleFor(f => f.EffectiveFrom).NotNull().WithMessage("Starts on: enter the date this rate takes effect.");
        RuleFor(f => f.Amount).NotNull().When(f => f.HasAmount)
            .WithMessage(f => $"{f.AmountLabel}: enter the amount in pounds, for example 450.00.");
        RuleFor(f => f.Amount).Must(BePounds).When(f => f.HasAmount && f.Amount is not null)
            .WithMessage(f => $"{f.AmountLabel}: enter more than £0.00 and less than £1,000,000,000, in pounds and pence.");
        RuleFor(f => f.UnitName).NotEmpty().When(f => f.Kind == ChargingBasisKind.PerUnit)
            .WithMessage("Unit: name what one unit is, such as pupil, assessment or case.");
        RuleFor(f => f.UnitName).MaxLength("Unit", RateVersionForm.UnitNameMaxLength);
        RuleFor(f => f.SharePercent).NotNull().When(f => f.Kind == ChargingBasisKind.CostShare)
            .WithMessage("Share (%): enter the agreed share of the pooled cost, for example 50.");
        RuleFor(f => f.SharePercent).Must(p => p is > 0m and <= 100m && Places(p.Value) <= 4)
            .When(f => f.Kind == ChargingBasisKind.CostShare && f.SharePercent is not null)
            .WithMessage("Share (%): enter a percentage more than 0 and at most 100.");
        RuleFor(f => f.BudgetedEstimate).NotNull().When(f => f.Kind == ChargingBasisKind.CostShare)
            .WithMessage("Budgeted estimate (£): enter the year's budgeted pooled cost in pounds.");
        RuleFor(f => f.BudgetedEstimate).Must(BePounds).When(f => f.Kind == ChargingBasisKind.CostShare && f.BudgetedEstimate is not null)
            .WithMessage("Budgeted estimate (£): enter more than £0.00 and less than £1,000,000,000, in pounds and pence.");
        RuleFor(f => f.OverheadPercent).NotNull().When(f => f.Kind == ChargingBasisKind.FullCostRecovery)
            .WithMessage("Overhead (%): enter the overhead added to the actual cost, for example 15 (or 0 for none).");
        RuleFor(f => f.OverheadPercent).Must(p => p is >= 0m and <= 100m && Places(p.Value) <= 4)
            .When(f => f.Kind == ChargingBasisKind.FullCostRecovery && f.OverheadPercent is not null)
            .WithMessage("Overhead (%): enter a percentage from 0 to 100.");
        RuleFor(f => f.IndexationPercent).Must(p => p is > -100m and <= 100m && Places(p.Value) <= 4)
            .When(f => f.CanBeIndexed && f.IndexationPercent is not null)
            .WithMessage("Indexation (%): enter a yearly uplift more than -100 and at most 100, or leave it empty.");
        RuleFor(f => f.Cap).Must(BePounds).When(f => f.Cap is not null)
            .WithMessage("Cap per financial year (£): enter more than £0.00 and less than £1,000,000,000, in pounds and pence, or leave it empty.");
        RuleFor(f => f.Minimum).Must(BePounds).When(f => f.Minimum is not null)
            .WithMessage("Minimum charge (£): enter more than £0.00 and less than £1,000,000,000, in pounds and pence, or leave it empty.");
        RuleFor(f => f.Minimum).LessThanOrEqualTo(f => f.Cap)
            .When(f => f.Cap is > 0m && f.Minimum is > 0m)
            .WithMessage("Minimum charge (£): it cannot be more than the cap per financial year.");
        RuleFor(f => f.PaymentTermsDays).NotNull()
            .WithMessage(PaymentTermsMessage)
            .InclusiveBetween(1, RateVersion.StatutoryPaymentTermsDays)
            .WithMessage(PaymentTermsMessage);
    }

    /// <summary>Why payment terms stop at 30 days, said wherever they are entered.</summary>
    public const string PaymentTermsMessage =
        "Payment terms (days): enter 1 to 30 days; 30 is the statutory limit for public bodies (Procurement Act 2023 s68).";

    /// <summary>The largest amount any money field takes: far above any council recharge, far below what pence can hold.</summary>
    public const decimal MaxPounds = 1_000_000_000m;

    private static bool BePounds(decimal? pounds) => pounds is > 0m and < MaxPounds && Places(pounds.Value) <= 2;

    // How many decimal places the figure really has: 450.00 has none that matter, 450.005 has three.
    private static int Places(decimal value)
    {
        var places = 0;
        while (value != decimal.Truncate(value) && places < 5)
        {
            value *= 10m;
            places++;
        }
        return places;
    }
}
