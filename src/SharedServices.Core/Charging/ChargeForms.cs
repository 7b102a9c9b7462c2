using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Charging;

/// <summary>The posting details form: each side's ledger code and cost centre, and the recipient's purchase order.</summary>
public sealed class PostingForm
{
    public string? ProviderLedgerCode { get; set; }
    public string? ProviderCostCentre { get; set; }
    public string? RecipientLedgerCode { get; set; }
    public string? RecipientCostCentre { get; set; }
    public string? PurchaseOrder { get; set; }

    public PostingDetails ToDetails() =>
        new(ProviderLedgerCode, ProviderCostCentre, RecipientLedgerCode, RecipientCostCentre, PurchaseOrder);

    public static PostingForm From(PostingDetails posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return new()
        {
            ProviderLedgerCode = posting.ProviderLedgerCode, ProviderCostCentre = posting.ProviderCostCentre,
            RecipientLedgerCode = posting.RecipientLedgerCode, RecipientCostCentre = posting.RecipientCostCentre,
            PurchaseOrder = posting.PurchaseOrder,
        };
    }
}

public sealed class PostingFormValidator : FormValidator<PostingForm>
{
    public PostingFormValidator()
    {
        RuleFor(f => f.ProviderLedgerCode).MaxLength("Provider's ledger code", PostingDetails.MaxLength);
        RuleFor(f => f.ProviderCostCentre).MaxLength("Provider's cost centre", PostingDetails.MaxLength);
        RuleFor(f => f.RecipientLedgerCode).MaxLength("Recipient's ledger code", PostingDetails.MaxLength);
        RuleFor(f => f.RecipientCostCentre).MaxLength("Recipient's cost centre", PostingDetails.MaxLength);
        RuleFor(f => f.PurchaseOrder).MaxLength("Purchase order or buyer reference", PostingDetails.MaxLength);
    }
}

/// <summary>The form that sets a service's VAT treatment from a date.</summary>
public sealed class VatTreatmentForm
{
    public DateOnly? From { get; set; }
    public VatTreatment? Treatment { get; set; }
}

public sealed class VatTreatmentFormValidator : FormValidator<VatTreatmentForm>
{
    public VatTreatmentFormValidator()
    {
        RuleFor(f => f.From).NotNull().WithMessage("Applies from: enter the date this treatment applies from.");
        RuleFor(f => f.Treatment).NotNull().WithMessage("VAT treatment: choose how VAT applies to this service.")
            .IsInEnum().WithMessage("VAT treatment: choose one of the four treatments.");
    }
}

/// <summary>The form that adds a standard rate of VAT from a date.</summary>
public sealed class StandardVatRateForm
{
    public DateOnly? From { get; set; }
    public decimal? Percent { get; set; }
}

public sealed class StandardVatRateFormValidator : FormValidator<StandardVatRateForm>
{
    public StandardVatRateFormValidator()
    {
        RuleFor(f => f.From).NotNull().WithMessage("Starts on: enter the date the new rate takes effect.");
        RuleFor(f => f.Percent).NotNull().WithMessage("Rate (%): enter the new standard rate, for example 20.")
            .InclusiveBetween(0m, 100m).WithMessage("Rate (%): enter a percentage from 0 to 100.")
            .Must(p => p is null || decimal.Round(p.Value, 2) == p.Value).WithMessage("Rate (%): use at most two decimal places, for example 17.5.");
    }
}
