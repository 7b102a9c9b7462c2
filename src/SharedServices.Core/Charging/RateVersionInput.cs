using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Charging;

/// <summary>What an officer enters for a new rate version; the day it was entered comes from the clock, not the form.</summary>
public sealed record RateVersionInput(
    DateOnly EffectiveFrom,
    ChargingBasis Basis,
    Indexation? Indexation = null,
    Money? CapPerFinancialYear = null,
    Money? MinimumCharge = null,
    BillingTiming Timing = BillingTiming.InArrears,
    int PaymentTermsDays = RateVersion.StatutoryPaymentTermsDays)
{
    public RateVersion EnteredOn(DateOnly enteredOn) =>
        new(EffectiveFrom, enteredOn, Basis, Indexation, CapPerFinancialYear, MinimumCharge, Timing, PaymentTermsDays);
}

/// <summary>One traded service's charge on a date: the version in force (none before the first starts), its rate and VAT treatment.</summary>
public sealed record CurrentCharge(
    string PartnershipCode,
    string PartnershipName,
    int TradedServiceId,
    string ServiceName,
    RateVersion? Version,
    Money? Rate,
    Domain.Vat.VatTreatment? Vat)
{
    /// <summary>The schedule was made up to demonstrate the product (seed data), not taken from a council's papers.</summary>
    public bool IsIllustrative { get; init; }

    /// <summary>The basis in words with its figures, e.g. "Day rate £450.00" or "Cost share 50% of a £98,765.43 budget, quarterly".</summary>
    public string BasisText => Version is null ? "No rate in force" : ChargeText.Basis(Version.Basis, Rate);
}

/// <summary>Charging bases in a finance officer's words.</summary>
public static class ChargeText
{
    public static string Basis(ChargingBasis basis, Money? rate)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return basis.Kind switch
        {
            ChargingBasisKind.FixedAnnualSum => $"Fixed annual sum {rate}, {Instalments(basis.Instalments)}",
            ChargingBasisKind.DayRate => $"Day rate {rate}",
            ChargingBasisKind.HourlyRate => $"Hourly rate {rate}",
            ChargingBasisKind.PerUnit => $"{rate} per {basis.UnitName}",
            ChargingBasisKind.CostShare =>
                $"Cost share {basis.SharePercent:0.####}% of a {basis.BudgetedEstimate} budget, {Instalments(basis.Instalments)}",
            _ => $"Full cost plus {basis.OverheadPercent:0.####}% overhead",
        };
    }

    private static string Instalments(InstalmentFrequency? frequency) => frequency switch
    {
        InstalmentFrequency.Monthly => "monthly",
        InstalmentFrequency.Quarterly => "quarterly",
        InstalmentFrequency.Termly => "termly",
        _ => "annually",
    };
}
