using SharedServices.Domain.Charging;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.SeedData;

// The shape of the files in seed-data/. Organisations are referred to by short code and partnerships by code,
// so the files read as the committee papers do and stay stable whatever ids the database hands out.
// Null means the source does not state the fact.

public sealed record SeedSource(string Document, string? Paragraph);

public sealed record SeedOrganisationsFile(IReadOnlyList<SeedOrganisation> Organisations);

public sealed record SeedOrganisation(string Code, string Name, OrganisationKind Kind, string? GssCode, string? Notes, int? CallInWorkingDays = null,
    SeedInvoicing? Invoicing = null);

/// <summary>
/// An organisation's address, VAT registration and payment details, as published by the organisation itself (its
/// <see cref="Source"/> says where): nothing here is made up, so a detail no source gives stays null and its invoices
/// say it is not recorded. <see cref="Address"/> is the lines before the postcode.
/// </summary>
public sealed record SeedInvoicing(
    IReadOnlyList<string>? Address,
    string? Postcode,
    string? VatRegistration,
    string? BankAccountName,
    string? SortCode,
    string? AccountNumber,
    string? RemittanceEmail,
    SeedSource Source);

public sealed record SeedPartnership(
    string Code,
    string Name,
    PartnershipKind Kind,
    string? LegalBasis,
    string? Summary,
    SeedSource? Source,
    string? Predecessor,
    IReadOnlyList<SeedParty> Parties,
    SeedTerm Term,
    IReadOnlyList<SeedNoticePeriod> NoticePeriods,
    IReadOnlyList<SeedService> Services,
    IReadOnlyList<SeedDecision> Decisions,
    IReadOnlyList<SeedGovernanceBody> GovernanceBodies,
    SeedSource? LegalBasisSource = null,
    IReadOnlyList<SeedEvent>? Events = null,
    IReadOnlyList<SeedMilestone>? Milestones = null);

public sealed record SeedParty(string Organisation, PartyRole Role);

public sealed record SeedTerm(
    DateOnly? StartDate,
    TermEndKind EndKind,
    DateOnly? EndDate,
    int? UpToYears,
    int? MinimumTermMonths,
    TerminationFalls TerminationFalls,
    string? Notes,
    SeedSource? Source,
    int? ExtensionOptions = null,
    int? ExtensionMonths = null,
    int? RenewalMonths = null);

/// <summary>A party's notice: amount null when not stated; unit months unless given.</summary>
public sealed record SeedNoticePeriod(string Organisation, int? Amount, bool Illustrative, SeedSource? Source, NoticeUnit Unit = NoticeUnit.Months);

/// <summary>
/// An entry in a partnership's history, applied in file order through the partnership's own methods.
/// <see cref="Organisation"/> is who served notice or exercised an extension; <see cref="ExitDate"/> overrides the
/// computed exit of notice and then needs <see cref="ExitOverrideReason"/>.
/// </summary>
public sealed record SeedEvent(
    PartnershipEventKind Kind,
    DateOnly Date,
    string? Description,
    SeedSource? Source,
    string? Organisation = null,
    DateOnly? NewEndDate = null,
    DateOnly? ExitDate = null,
    string? ExitOverrideReason = null);

public sealed record SeedMilestone(MilestoneKind Kind, DateOnly Date, string? Note, SeedSource? Source);

public sealed record SeedService(
    string Name, string Provider, string Recipient, string? Description, DateOnly? StartDate, DateOnly? EndDate, SeedSource? Source,
    SeedCharges? Charges = null);

/// <summary>
/// A service's schedule of charges, VAT treatment, posting details and a few months of activity. The council papers
/// say only that "a consistent schedule of charges" exists and that the full cost is charged, so every figure in the
/// shipped seed data is made up to show the product working, and says so: <see cref="Illustrative"/> is true and
/// <see cref="Note"/> explains. Money is in pence.
/// </summary>
public sealed record SeedCharges(
    bool Illustrative,
    string? Note,
    IReadOnlyList<SeedRateVersion> RateVersions,
    IReadOnlyList<SeedVatTreatment> Vat,
    SeedPosting Posting,
    IReadOnlyList<SeedActivity> Activity);

/// <summary>
/// One rate version: the basis and only the figures it needs (the others null). <see cref="EnteredOn"/> after
/// <see cref="EffectiveFrom"/> makes it backdated, as a pay award agreed in November and backdated to 1 April is.
/// </summary>
public sealed record SeedRateVersion(
    DateOnly EffectiveFrom,
    DateOnly EnteredOn,
    ChargingBasisKind Basis,
    long? RatePence,
    string? UnitName,
    InstalmentFrequency? Instalments,
    decimal? SharePercent,
    long? BudgetedEstimatePence,
    decimal? OverheadPercent,
    string? Note,
    SeedIndexation? Indexation = null,
    long? CapPerFinancialYearPence = null,
    long? MinimumChargePence = null,
    BillingTiming Timing = BillingTiming.InArrears,
    int PaymentTermsDays = RateVersion.StatutoryPaymentTermsDays);

public sealed record SeedIndexation(decimal Percent, IndexationDay AppliesOn);

/// <summary>The service's VAT treatment from a date, with the reasoning in <see cref="Note"/>.</summary>
public sealed record SeedVatTreatment(DateOnly From, VatTreatment Treatment, string? Note);

public sealed record SeedPosting(
    string? ProviderLedgerCode, string? ProviderCostCentre, string? RecipientLedgerCode, string? RecipientCostCentre, string? PurchaseOrder);

/// <summary>Work delivered from <see cref="From"/> to <see cref="To"/>: a quantity and unit, or an actual cost in pence.</summary>
public sealed record SeedActivity(
    DateOnly From, DateOnly To, decimal? Quantity, string? Unit, long? ActualCostPence, string? Description, string? Reference);

public sealed record SeedDecision(
    string Organisation,
    string DecisionMaker,
    string? Reference,
    DateOnly DecisionDate,
    DateOnly? PublishedOn,
    bool? KeyDecision,
    bool? SubjectToCallIn,
    string Resolved,
    SeedSource? Source);

public sealed record SeedGovernanceBody(string Name, string? Purpose, SeedSource? Source);

/// <summary>Everything read from a seed folder, validated, with the file each partnership came from.</summary>
public sealed record SeedData(IReadOnlyList<SeedOrganisation> Organisations, IReadOnlyList<(string File, SeedPartnership Partnership)> Partnerships);

/// <summary>A seed file is wrong. Each error names the file and the field.</summary>
public sealed class SeedDataException(IReadOnlyList<string> errors)
    : Exception("The seed data has errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
