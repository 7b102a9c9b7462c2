using FluentValidation;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.SeedData;

internal sealed class SeedOrganisationValidator : AbstractValidator<SeedOrganisation>
{
    public SeedOrganisationValidator()
    {
        RuleFor(o => o.Code).NotEmpty().Must(c => Organisation.IsValidShortCode(c ?? ""))
            .WithMessage("must be 2 to 10 capital letters or digits");
        RuleFor(o => o.Name).NotEmpty().MaximumLength(200);
        RuleFor(o => o.Kind).IsInEnum();
        RuleFor(o => o.GssCode!).Must(Organisation.IsValidGssCode).When(o => o.GssCode is not null)
            .WithMessage("must be a letter and eight digits, such as E06000046");
        RuleFor(o => o.CallInWorkingDays).InclusiveBetween(1, 30).When(o => o.CallInWorkingDays is not null);
        RuleFor(o => o.Invoicing!).SetValidator(new SeedInvoicingValidator()).When(o => o.Invoicing is not null);
    }
}

/// <summary>The same checks as the organisation form, each naming its field in the file.</summary>
internal sealed class SeedInvoicingValidator : AbstractValidator<SeedInvoicing>
{
    public SeedInvoicingValidator()
    {
        RuleFor(i => i.Source).NotNull().WithMessage("is required: say which published document gives these details")
            .SetValidator(new SeedSourceValidator());
        RuleFor(i => i.Address).Must(a => a is null || a.Count <= InvoicingDetails.AddressMaxLines)
            .WithMessage($"must have at most {InvoicingDetails.AddressMaxLines} lines")
            .Must(a => a is null || a.All(l => !string.IsNullOrWhiteSpace(l) && l.Trim().Length <= InvoicingDetails.AddressLineMaxLength))
            .WithMessage($"must have no blank lines and no line over {InvoicingDetails.AddressLineMaxLength} characters")
            .Must((i, a) => a is { Count: > 0 } || i.Postcode is null).WithMessage("is required with a postcode");
        RuleFor(i => i.Postcode).Must(p => p is null || UkPostcode.IsValid(p)).WithMessage("must be a UK postcode, such as PO30 1UD")
            .Must((i, p) => p is not null || i.Address is not { Count: > 0 }).WithMessage("is required with an address");
        RuleFor(i => i.VatRegistration).Must(v => v is null || VatRegistrationNumber.IsValid(v))
            .WithMessage("must be a UK VAT registration number whose check digits agree, such as GB 999 9999 73");
        RuleFor(i => i.BankAccountName).MaximumLength(InvoicingDetails.AccountNameMaxLength);
        RuleFor(i => i.SortCode).Must(c => c is null || UkBankAccount.NormaliseSortCode(c) is not null)
            .WithMessage("must be six digits, such as 12-34-56");
        RuleFor(i => i.AccountNumber).Must(n => n is null || UkBankAccount.NormaliseAccountNumber(n) is not null)
            .WithMessage("must be eight digits");
        RuleFor(i => i).Must(i => (i.BankAccountName, i.SortCode, i.AccountNumber) is (null, null, null) or (not null, not null, not null))
            .OverridePropertyName("BankAccountName").WithMessage("bankAccountName, sortCode and accountNumber go together: give all three or none");
        RuleFor(i => i.RemittanceEmail).Must(e => e is null || InvoicingDetails.IsEmailShape(e))
            .WithMessage("must be an e-mail address");
    }
}

internal sealed class SeedSourceValidator : AbstractValidator<SeedSource>
{
    public SeedSourceValidator() => RuleFor(s => s.Document).NotEmpty();
}

internal sealed class SeedPartnershipValidator : AbstractValidator<SeedPartnership>
{
    public SeedPartnershipValidator(ISet<string> organisationCodes, ISet<string> partnershipCodes)
    {
        var source = new SeedSourceValidator();
        RuleFor(p => p.Code).NotEmpty().Must(c => Partnership.IsValidCode(c ?? ""))
            .WithMessage("must be lower-case words joined by hyphens");
        RuleFor(p => p.Name).NotEmpty().MaximumLength(300);
        RuleFor(p => p.Source!).SetValidator(source).When(p => p.Source is not null);
        RuleFor(p => p.LegalBasisSource!).SetValidator(source).When(p => p.LegalBasisSource is not null);
        RuleFor(p => p.Predecessor!).Must(partnershipCodes.Contains).When(p => p.Predecessor is not null)
            .WithMessage(p => $"names '{p.Predecessor}', which is not a partnership in the seed data");
        RuleFor(p => p.Parties).NotNull().Must(parties => parties.Select(x => x.Organisation).Distinct().Count() >= 2)
            .WithMessage("needs at least two different organisations")
            .Must(parties => parties.GroupBy(x => x.Organisation).All(g => g.Count() == 1))
            .WithMessage("names an organisation more than once");
        RuleForEach(p => p.Parties).ChildRules(party =>
            party.RuleFor(x => x.Organisation).Must(organisationCodes.Contains)
                .WithMessage(x => $"'{x.Organisation}' is not an organisation in organisations.json"));
        RuleFor(p => p.Term).NotNull();
        RuleFor(p => p.Term.EndDate).NotNull().When(p => p.Term is { EndKind: TermEndKind.FixedDate })
            .WithMessage("is required when endKind is FixedDate");
        RuleFor(p => p.Term.UpToYears).NotNull().InclusiveBetween(1, 99).When(p => p.Term is { EndKind: TermEndKind.UpToYears });
        RuleFor(p => p.Term.EndDate).Null().When(p => p.Term is not null && p.Term.EndKind != TermEndKind.FixedDate)
            .WithMessage("must be null unless endKind is FixedDate");
        RuleFor(p => p.Term.UpToYears).Null().When(p => p.Term is not null && p.Term.EndKind != TermEndKind.UpToYears)
            .WithMessage("must be null unless endKind is UpToYears");
        RuleFor(p => p.Term.EndDate).GreaterThanOrEqualTo(p => p.Term.StartDate)
            .When(p => p.Term is { StartDate: not null, EndDate: not null }).WithMessage("is before term.startDate");
        RuleFor(p => p.Term.MinimumTermMonths).InclusiveBetween(1, 1200).When(p => p.Term?.MinimumTermMonths is not null);
        RuleFor(p => p.Term.Source!).SetValidator(source).When(p => p.Term?.Source is not null);
        RuleForEach(p => p.NoticePeriods).Must((p, n) => IsParty(p, n.Organisation))
            .WithMessage((_, n) => $"'{n.Organisation}' is not a party to this partnership");
        RuleForEach(p => p.NoticePeriods).ChildRules(notice =>
        {
            notice.RuleFor(n => n.Amount).Must((n, amount) => amount >= 1 && amount <= NoticeLength.MaxAmount(n.Unit))
                .When(n => n.Amount is not null)
                .WithMessage(n => $"must be between 1 and {NoticeLength.MaxAmount(n.Unit):N0} {n.Unit.ToString().ToLowerInvariant()}");
            notice.RuleFor(n => n.Illustrative).Equal(false).When(n => n.Amount is null)
                .WithMessage("only a stated notice period can be illustrative");
        });
        RuleFor(p => p.NoticePeriods).Must(notices => notices.GroupBy(n => n.Organisation).All(g => g.Count() == 1))
            .WithMessage("gives a party more than one notice period");
        RuleForEach(p => p.Services).ChildRules(service =>
        {
            service.RuleFor(s => s.Name).NotEmpty();
            service.RuleFor(s => s.Recipient).NotEqual(s => s.Provider).WithMessage("must differ from the provider");
            service.RuleFor(s => s.EndDate).GreaterThanOrEqualTo(s => s.StartDate)
                .When(s => s.StartDate is not null && s.EndDate is not null).WithMessage("is before startDate");
            service.RuleFor(s => s.Charges!).SetValidator(s => new SeedChargesValidator(s.StartDate, s.EndDate)).When(s => s.Charges is not null);
        });
        RuleForEach(p => p.Services).Must((p, s) => s.Charges is null || SeedRecord.ScheduleKey(p.Code ?? "", s.Name ?? "").Length <= SeedRecord.MaxKeyLength).WithMessage((_, s) => $"'{s.Name}' is too long a name for its charges to be remembered as loaded")
            .Must((p, s) => s.Charges is null || p.Services.Count(x => x.Name == s.Name) == 1)
            .WithMessage((_, s) => $"'{s.Name}' has charges, so its name must be unique in the partnership");
        RuleForEach(p => p.Services).Must((p, s) => IsParty(p, s.Provider) && IsParty(p, s.Recipient))
            .WithMessage((_, s) => $"'{s.Name}' must flow between parties to this partnership");
        RuleForEach(p => p.Decisions).ChildRules(decision =>
        {
            decision.RuleFor(d => d.DecisionMaker).NotEmpty();
            decision.RuleFor(d => d.Resolved).NotEmpty();
            decision.RuleFor(d => d.PublishedOn).GreaterThanOrEqualTo(d => d.DecisionDate).When(d => d.PublishedOn is not null)
                .WithMessage("is before decisionDate");
            decision.RuleFor(d => d.Organisation).Must(organisationCodes.Contains)
                .WithMessage(d => $"'{d.Organisation}' is not an organisation in organisations.json");
        });
        RuleForEach(p => p.GovernanceBodies).ChildRules(body => body.RuleFor(b => b.Name).NotEmpty());
        RuleForEach(p => p.Events).Must((p, e) => e.Organisation is null || IsParty(p, e.Organisation))
            .WithMessage((_, e) => $"'{e.Organisation}' is not a party to this partnership");
        RuleForEach(p => p.Events).ChildRules(entry =>
        {
            entry.RuleFor(e => e.Kind).IsInEnum();
            entry.RuleFor(e => e.Organisation).NotEmpty().When(e => e.Kind == PartnershipEventKind.NoticeServed)
                .WithMessage("is required for NoticeServed");
            entry.RuleFor(e => e.Description).NotEmpty().When(e => e.Kind == PartnershipEventKind.Variation)
                .WithMessage("must say what the variation changed");
            entry.RuleFor(e => e.Source!).SetValidator(source).When(e => e.Source is not null);
        });
        RuleForEach(p => p.Milestones).ChildRules(milestone =>
        {
            milestone.RuleFor(m => m.Kind).IsInEnum();
            milestone.RuleFor(m => m.Source!).SetValidator(source).When(m => m.Source is not null);
        });
    }

    private static bool IsParty(SeedPartnership p, string code) => p.Parties?.Any(x => x.Organisation == code) == true;
}

/// <summary>
/// A service's charges block: each rate version carries exactly the figures its basis needs, every date falls within
/// the service's dates, and each activity entry is in the unit (or the actual cost) the rate in force that day charges.
/// </summary>
internal sealed class SeedChargesValidator : AbstractValidator<SeedCharges>
{
    public SeedChargesValidator(DateOnly? serviceStart, DateOnly? serviceEnd)
    {
        RuleFor(c => c.RateVersions).NotEmpty().WithMessage("needs at least one rate version")
            .Must(versions => versions.GroupBy(v => v.EffectiveFrom).All(g => g.Count() == 1))
            .WithMessage("has two rate versions starting on the same day");
        RuleForEach(c => c.RateVersions).SetValidator(new SeedRateVersionValidator(serviceStart, serviceEnd));
        RuleFor(c => c.Vat).NotEmpty().WithMessage("needs the VAT treatment from the first rate version's start")
            .Must(vat => vat.GroupBy(v => v.From).All(g => g.Count() == 1))
            .WithMessage("has two VAT treatments starting on the same day");
        RuleFor(c => c.Vat).Must((c, vat) => vat.Min(v => v.From) <= c.RateVersions.Min(v => v.EffectiveFrom))
            .When(c => c.Vat is { Count: > 0 } && c.RateVersions is { Count: > 0 })
            .WithMessage("must start by the first rate version's effectiveFrom, so every charge has a VAT treatment");
        RuleForEach(c => c.Vat).ChildRules(vat => vat.RuleFor(v => v.Treatment).IsInEnum());
        RuleFor(c => c.Posting).NotNull();
        RuleFor(c => c.Posting.ProviderLedgerCode).MaximumLength(PostingDetails.MaxLength).When(c => c.Posting is not null);
        RuleFor(c => c.Posting.ProviderCostCentre).MaximumLength(PostingDetails.MaxLength).When(c => c.Posting is not null);
        RuleFor(c => c.Posting.RecipientLedgerCode).MaximumLength(PostingDetails.MaxLength).When(c => c.Posting is not null);
        RuleFor(c => c.Posting.RecipientCostCentre).MaximumLength(PostingDetails.MaxLength).When(c => c.Posting is not null);
        RuleFor(c => c.Posting.PurchaseOrder).MaximumLength(PostingDetails.MaxLength).When(c => c.Posting is not null);
        RuleForEach(c => c.Activity).SetValidator(new SeedActivityValidator(serviceStart, serviceEnd));
        RuleForEach(c => c.Activity).Custom((a, context) =>
        {
            var versions = context.InstanceToValidate.RateVersions;
            if (versions is not { Count: > 0 }) return;
            var version = versions.Where(v => v.EffectiveFrom <= a.From).MaxBy(v => v.EffectiveFrom);
            if (version is null)
            {
                context.AddFailure($"starts on {DateText.Long(a.From)}, before the first rate version ({DateText.Long(versions.Min(v => v.EffectiveFrom))})");
                return;
            }
            if (version.Basis is ChargingBasisKind.CostShare or ChargingBasisKind.FullCostRecovery)
            {
                if (a.ActualCostPence is null)
                    context.AddFailure($"needs actualCostPence: the service is charged by its actual cost from {DateText.Long(version.EffectiveFrom)}");
            }
            else if (QuantityUnit(version) is { } unit && !string.Equals(a.Unit?.Trim(), unit, StringComparison.OrdinalIgnoreCase))
            {
                context.AddFailure($"needs a quantity in the unit '{unit}': the service is charged per {unit} from {DateText.Long(version.EffectiveFrom)}");
            }
        });
    }

    private static string? QuantityUnit(SeedRateVersion version) => version.Basis switch
    {
        ChargingBasisKind.DayRate => "day",
        ChargingBasisKind.HourlyRate => "hour",
        ChargingBasisKind.PerUnit => version.UnitName,
        _ => null,
    };
}

/// <summary>One rate version: the figures its basis needs are present, the others are null, and it starts within the service's dates.</summary>
internal sealed class SeedRateVersionValidator : AbstractValidator<SeedRateVersion>
{
    public SeedRateVersionValidator(DateOnly? serviceStart, DateOnly? serviceEnd)
    {
        RuleFor(v => v.EffectiveFrom).Must(d => serviceStart is not { } start || d >= start)
            .WithMessage($"is before the service's startDate ({(serviceStart is { } s ? DateText.Long(s) : "")})");
        RuleFor(v => v.EffectiveFrom).Must(d => serviceEnd is not { } end || d <= end)
            .WithMessage($"is after the service's endDate ({(serviceEnd is { } e ? DateText.Long(e) : "")})");
        RuleFor(v => v.Basis).IsInEnum();
        var rated = new[] { ChargingBasisKind.FixedAnnualSum, ChargingBasisKind.DayRate, ChargingBasisKind.HourlyRate, ChargingBasisKind.PerUnit };
        Needs(v => v.RatePence, v => rated.Contains(v.Basis), "a day, hour or unit rate or a fixed annual sum");
        RuleFor(v => v.RatePence).GreaterThan(0L).When(v => v.RatePence is not null);
        Needs(v => v.UnitName, v => v.Basis == ChargingBasisKind.PerUnit, "a per-unit rate");
        RuleFor(v => v.UnitName).NotEmpty().MaximumLength(100).When(v => v.UnitName is not null);
        Needs(v => v.Instalments, v => v.Basis is ChargingBasisKind.FixedAnnualSum or ChargingBasisKind.CostShare,
            "a fixed annual sum or a cost share");
        Needs(v => v.SharePercent, v => v.Basis == ChargingBasisKind.CostShare, "a cost share");
        RuleFor(v => v.SharePercent).GreaterThan(0m).LessThanOrEqualTo(100m).When(v => v.SharePercent is not null);
        Needs(v => v.BudgetedEstimatePence, v => v.Basis == ChargingBasisKind.CostShare, "a cost share");
        RuleFor(v => v.BudgetedEstimatePence).GreaterThan(0L).When(v => v.BudgetedEstimatePence is not null);
        Needs(v => v.OverheadPercent, v => v.Basis == ChargingBasisKind.FullCostRecovery, "full cost recovery");
        RuleFor(v => v.OverheadPercent).InclusiveBetween(0m, 100m).When(v => v.OverheadPercent is not null);
        RuleFor(v => v.Indexation).Null().When(v => v.Basis is ChargingBasisKind.CostShare or ChargingBasisKind.FullCostRecovery)
            .WithMessage("must be null: a cost share or full cost recovery follows the actual cost");
        RuleFor(v => v.CapPerFinancialYearPence).GreaterThan(0L).When(v => v.CapPerFinancialYearPence is not null);
        RuleFor(v => v.MinimumChargePence).GreaterThan(0L).When(v => v.MinimumChargePence is not null);
        RuleFor(v => v.PaymentTermsDays).InclusiveBetween(1, RateVersion.StatutoryPaymentTermsDays);
        RuleFor(v => v.Timing).IsInEnum();
    }

    /// <summary>The figure is required for the bases that use it and must be null for the others.</summary>
    private void Needs<T>(System.Linq.Expressions.Expression<Func<SeedRateVersion, T?>> figure, Func<SeedRateVersion, bool> uses, string which)
    {
        RuleFor(figure).NotNull().When(uses).WithMessage(v => $"is required for {which} (basis is {v.Basis})");
        RuleFor(figure).Null().When(v => !uses(v)).WithMessage(v => $"must be null for basis {v.Basis}: only {which} uses it");
    }
}

/// <summary>One activity entry: a quantity and unit or an actual cost, never both, within the service's dates.</summary>
internal sealed class SeedActivityValidator : AbstractValidator<SeedActivity>
{
    public SeedActivityValidator(DateOnly? serviceStart, DateOnly? serviceEnd)
    {
        RuleFor(a => a.To).GreaterThanOrEqualTo(a => a.From).WithMessage("is before from");
        RuleFor(a => a.From).Must(d => serviceStart is not { } start || d >= start)
            .WithMessage($"is before the service's startDate ({(serviceStart is { } s ? DateText.Long(s) : "")})");
        RuleFor(a => a.To).Must(d => serviceEnd is not { } end || d <= end)
            .WithMessage($"is after the service's endDate ({(serviceEnd is { } e ? DateText.Long(e) : "")})");
        RuleFor(a => a.Quantity).NotNull().When(a => a.ActualCostPence is null)
            .WithMessage("give a quantity and unit, or actualCostPence");
        RuleFor(a => a.Quantity).Null().When(a => a.ActualCostPence is not null)
            .WithMessage("give a quantity and unit, or actualCostPence, not both");
        RuleFor(a => a.Quantity).GreaterThanOrEqualTo(0m).When(a => a.Quantity is not null);
        RuleFor(a => a.Unit).NotEmpty().MaximumLength(ActivityDetails.MaxUnitLength).When(a => a.Quantity is not null);
        RuleFor(a => a.Unit).Null().When(a => a.Quantity is null).WithMessage("must be null when there is no quantity");
        RuleFor(a => a.ActualCostPence).GreaterThanOrEqualTo(0L).When(a => a.ActualCostPence is not null);
        RuleFor(a => a.Description).MaximumLength(ActivityDetails.MaxDescriptionLength);
        RuleFor(a => a.Reference).MaximumLength(ActivityDetails.MaxReferenceLength);
    }
}
