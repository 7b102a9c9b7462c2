using SharedServices.Core.Charging;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Tests.Charging;

public sealed class RateVersionFormTests
{
    private static readonly RateVersionFormValidator Validator = new();
    private static readonly DateOnly April2026 = new(2026, 4, 1);

    private static IReadOnlyList<string> Errors(RateVersionForm form) =>
        Validator.Validate(form).Errors.Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void ToInput_CostShare_KeepsShareEstimateAndInstalmentsAndDropsIndexation()
    {
        var form = new RateVersionForm
        {
            EffectiveFrom = April2026, Kind = ChargingBasisKind.CostShare, SharePercent = 50m, BudgetedEstimate = 98_765.43m,
            Instalments = InstalmentFrequency.Quarterly, IndexationPercent = 3m, Amount = 10m,
        };

        Assert.Empty(Errors(form));
        var input = form.ToInput();
        Assert.Equal(ChargingBasis.CostShare(50m, new Money(98_765_43), InstalmentFrequency.Quarterly), input.Basis);
        Assert.Null(input.Indexation);
        Assert.Equal(30, input.PaymentTermsDays);
    }

    [Fact]
    public void ToInput_PerUnitWithIndexationCapAndMinimum_CarriesEveryFigureInPence()
    {
        var form = new RateVersionForm
        {
            EffectiveFrom = April2026, Kind = ChargingBasisKind.PerUnit, Amount = 12.5m, UnitName = "pupil",
            IndexationPercent = 2.5m, IndexationDay = IndexationDay.Anniversary, Cap = 20_000m, Minimum = 100m,
            Timing = BillingTiming.InAdvance, PaymentTermsDays = 14,
        };

        Assert.Empty(Errors(form));
        var input = form.ToInput();
        Assert.Equal(ChargingBasis.PerUnit(new Money(12_50), "pupil"), input.Basis);
        Assert.Equal(new Indexation(2.5m, IndexationDay.Anniversary), input.Indexation);
        Assert.Equal((new Money(20_000_00), new Money(100_00), BillingTiming.InAdvance, 14),
            (input.CapPerFinancialYear, input.MinimumCharge, input.Timing, input.PaymentTermsDays));
    }

    [Theory]
    [InlineData(ChargingBasisKind.FixedAnnualSum, "Annual sum (£): enter the amount in pounds, for example 450.00.")]
    [InlineData(ChargingBasisKind.HourlyRate, "Hourly rate (£): enter the amount in pounds, for example 450.00.")]
    [InlineData(ChargingBasisKind.CostShare, "Share (%): enter the agreed share of the pooled cost, for example 50.")]
    [InlineData(ChargingBasisKind.FullCostRecovery, "Overhead (%): enter the overhead added to the actual cost, for example 15 (or 0 for none).")]
    public void Validate_BasisFigureMissing_NamesThatBasissField(ChargingBasisKind kind, string message)
    {
        var errors = Errors(new RateVersionForm { EffectiveFrom = April2026, Kind = kind });

        Assert.Contains(message, errors);
    }

    [Fact]
    public void Validate_HalfPennyRateMinimumOverCapAnd31DayTerms_NamesEachField()
    {
        var form = new RateVersionForm
        {
            EffectiveFrom = April2026, Amount = 450.005m, Cap = 100m, Minimum = 200m, PaymentTermsDays = 31,
        };

        Assert.Equal(
        [
            "Day rate (£): enter more than £0.00 and less than £1,000,000,000, in pounds and pence.",
            "Minimum charge (£): it cannot be more than the cap per financial year.",
            "Payment terms (days): enter 1 to 30 days; 30 is the statutory limit for public bodies (Procurement Act 2023 s68).",
        ], Errors(form));
    }
}
