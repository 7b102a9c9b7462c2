using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Organisations;

namespace SharedServices.Core.Organisations;

/// <summary>The organisation form: what a user types, before it becomes an <see cref="Organisation"/>.</summary>
public sealed class OrganisationForm
{
    /// <summary>The longest text each field takes, as the database stores it (a short code and a GSS code have fixed shapes).</summary>
    public const int NameMaxLength = 200, ShortCodeMaxLength = 10, GssCodeMaxLength = 9, NotesMaxLength = 2000;

    public int? Id { get; set; }

    /// <summary>The organisation's version when the form was loaded: the save is refused if someone else has saved since.</summary>
    public int? Version { get; set; }

    public string Name { get; set; } = "";
    public string ShortCode { get; set; } = "";
    public OrganisationKind Kind { get; set; } = OrganisationKind.UnitaryAuthority;
    public string? GssCode { get; set; }
    public string? Notes { get; set; }

    /// <summary>Working days after publication during which a decision can be called in (the council's constitution).</summary>
    public int CallInWorkingDays { get; set; } = Organisation.DefaultCallInWorkingDays;

    // What its invoices say about it (see InvoicingDetails): all optional.

    /// <summary>The postal address without the postcode, one line per line.</summary>
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? VatRegistration { get; set; }
    public string? BankAccountName { get; set; }
    public string? SortCode { get; set; }
    public string? AccountNumber { get; set; }
    public string? RemittanceEmail { get; set; }

    public static OrganisationForm From(Organisation o)
    {
        var invoicing = o.Invoicing;
        return new()
        {
            Version = o.Version,
            Id = o.Id, Name = o.Name, ShortCode = o.ShortCode, Kind = o.Kind, GssCode = o.GssCode, Notes = o.Notes,
            CallInWorkingDays = o.CallInWorkingDays,
            Address = invoicing.Address, Postcode = invoicing.Postcode,
            VatRegistration = invoicing.VatRegistration is { } vat ? VatRegistrationNumber.Format(vat) : null,
            BankAccountName = invoicing.BankAccountName,
            SortCode = invoicing.SortCode is { } sortCode ? UkBankAccount.FormatSortCode(sortCode) : null,
            AccountNumber = invoicing.AccountNumber, RemittanceEmail = invoicing.RemittanceEmail,
        };
    }

    /// <summary>The invoicing details as typed; throws a <see cref="Domain.DomainException"/> if the validator has been skipped.</summary>
    public InvoicingDetails ToInvoicingDetails() =>
        InvoicingDetails.Create(Address, Postcode, VatRegistration, BankAccountName, SortCode, AccountNumber, RemittanceEmail);
}

public sealed class OrganisationFormValidator : FormValidator<OrganisationForm>
{
    public OrganisationFormValidator(IDbContextFactory<SharedServicesDbContext> contextFactory)
    {
        RuleFor(o => o.Name).NotEmpty().WithMessage("Name: enter the organisation's name.").MaxLength("Name", OrganisationForm.NameMaxLength);
        RuleFor(o => o.ShortCode).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Short code: enter a short code, such as IWC.")
            .Must(c => Organisation.IsValidShortCode(c.Trim())).WithMessage("Short code: use 2 to 10 capital letters or digits, such as IWC.")
            .MustAsync(async (form, code, cancel) =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancel);
                var trimmed = code.Trim();
                return !await db.Organisations.AnyAsync(o => o.ShortCode == trimmed && o.Id != (form.Id ?? 0), cancel);
            }).WithMessage(o => $"Short code: another organisation already uses the code {o.ShortCode.Trim()}.");
        RuleFor(o => o.Kind).IsInEnum().WithMessage("Kind: choose the kind of organisation.");
        RuleFor(o => o.GssCode).Must(c => string.IsNullOrWhiteSpace(c) || Organisation.IsValidGssCode(c.Trim().ToUpperInvariant()))
            .WithMessage("GSS code: enter a letter and eight digits, such as E06000046.");
        RuleFor(o => o.Notes).MaxLength("Notes", OrganisationForm.NotesMaxLength);
        RuleFor(o => o.CallInWorkingDays).InclusiveBetween(1, 30)
            .WithMessage("Call-in period (working days): enter a number from 1 to 30.");
        InvoicingRules();
    }

    /// <summary>Each part of the invoicing details is optional, but a part given is whole: an address with its postcode, all three bank details.</summary>
    private void InvoicingRules()
    {
        RuleFor(o => o.Address).Cascade(CascadeMode.Stop)
            .MaxLength("Address", InvoicingDetails.AddressMaxLength)
            .Must(a => InvoicingDetails.SplitLines(a).Count <= InvoicingDetails.AddressMaxLines)
            .WithMessage(o => $"Address: use at most {InvoicingDetails.AddressMaxLines} lines (it has {InvoicingDetails.SplitLines(o.Address).Count}).")
            .Must(a => InvoicingDetails.SplitLines(a).All(l => l.Length <= InvoicingDetails.AddressLineMaxLength))
            .WithMessage($"Address: keep each line to {InvoicingDetails.AddressLineMaxLength} characters.")
            .Must((o, a) => Given(a) || !Given(o.Postcode))
            .WithMessage("Address: enter the address that goes with the postcode, one line per line.");
        RuleFor(o => o.Postcode).Cascade(CascadeMode.Stop)
            .Must(p => !Given(p) || UkPostcode.IsValid(p)).WithMessage("Postcode: enter a UK postcode, such as PO30 1UD.")
            .Must((o, p) => Given(p) || !Given(o.Address)).WithMessage("Postcode: enter the postcode that goes with the address.");
        RuleFor(o => o.VatRegistration).Cascade(CascadeMode.Stop)
            .Must(v => !Given(v) || VatRegistrationNumber.HasUkShape(v))
            .WithMessage("VAT registration number: enter 9 digits, such as GB 999 9999 73 (12 with a branch, or GBGD or GBHA and 3 digits).")
            .Must(v => !Given(v) || VatRegistrationNumber.IsValid(v))
            .WithMessage("VAT registration number: its last two digits do not check against the first seven; look at the number again.");
        RuleFor(o => o.BankAccountName).Cascade(CascadeMode.Stop)
            .MaxLength("Account name", InvoicingDetails.AccountNameMaxLength)
            .Must((o, name) => Given(name) || !BankGiven(o))
            .WithMessage("Account name: enter the name the account is held in, with the sort code and account number.");
        RuleFor(o => o.SortCode).Cascade(CascadeMode.Stop)
            .Must(c => !Given(c) || UkBankAccount.NormaliseSortCode(c) is not null).WithMessage("Sort code: enter six digits, such as 12-34-56.")
            .Must((o, c) => Given(c) || !BankGiven(o)).WithMessage("Sort code: enter the sort code, with the account name and number.");
        RuleFor(o => o.AccountNumber).Cascade(CascadeMode.Stop)
            .Must(n => !Given(n) || UkBankAccount.NormaliseAccountNumber(n) is not null).WithMessage("Account number: enter eight digits.")
            .Must((o, n) => Given(n) || !BankGiven(o)).WithMessage("Account number: enter the account number, with the account name and sort code.");
        RuleFor(o => o.RemittanceEmail)
            .Must(e => !Given(e) || InvoicingDetails.IsEmailShape(e))
            .WithMessage("Remittance e-mail: enter an e-mail address, such as income@council.gov.uk.");
    }

    private static bool Given(string? text) => !string.IsNullOrWhiteSpace(text);

    private static bool BankGiven(OrganisationForm o) => Given(o.BankAccountName) || Given(o.SortCode) || Given(o.AccountNumber);
}
