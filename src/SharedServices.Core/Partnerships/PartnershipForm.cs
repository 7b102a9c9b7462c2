using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

public sealed class PartyForm
{
    public int? OrganisationId { get; set; }
    public PartyRole Role { get; set; } = PartyRole.Partner;
}

/// <summary>The partnership form: name, kind, legal basis, parties and predecessor. Status is never typed in: it follows from the term and history.</summary>
public sealed class PartnershipForm
{
    /// <summary>The longest text each field takes, as the database stores it.</summary>
    public const int CodeMaxLength = 100, NameMaxLength = 300, LegalBasisMaxLength = 1000, SummaryMaxLength = 4000;

    public int? Id { get; set; }

    /// <summary>The partnership's version when the form was loaded: the save is refused if someone else has saved since.</summary>
    public int? Version { get; set; }

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public PartnershipKind Kind { get; set; } = PartnershipKind.TradedServices;
    public string? LegalBasis { get; set; }
    public string? Summary { get; set; }
    public string? SourceDocument { get; set; }
    public string? SourceParagraph { get; set; }
    public string? LegalBasisSourceDocument { get; set; }
    public string? LegalBasisSourceParagraph { get; set; }
    public int? PredecessorId { get; set; }
    public List<PartyForm> Parties { get; set; } = [new() { Role = PartyRole.Provider }, new() { Role = PartyRole.Recipient }];

    public static PartnershipForm From(Partnership p) => new()
    {
        Version = p.Version,
        Id = p.Id, Code = p.Code, Name = p.Name, Kind = p.Kind,
        LegalBasis = p.LegalBasis, Summary = p.Summary, SourceDocument = p.Source?.Document, SourceParagraph = p.Source?.Paragraph,
        LegalBasisSourceDocument = p.LegalBasisSource?.Document, LegalBasisSourceParagraph = p.LegalBasisSource?.Paragraph,
        PredecessorId = p.PredecessorId,
        Parties = p.Parties.Select(x => new PartyForm { OrganisationId = x.OrganisationId, Role = x.Role }).ToList(),
    };
}

public sealed class PartnershipFormValidator : FormValidator<PartnershipForm>
{
    private const string PredecessorLabel = "Replaced (predecessor)";

    public PartnershipFormValidator(IDbContextFactory<SharedServicesDbContext> contextFactory)
    {
        RuleFor(p => p.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Code: enter a code, such as hcc-iwc-childrens-services.")
            .MaxLength("Code", PartnershipForm.CodeMaxLength)
            .Must(Partnership.IsValidCode).WithMessage("Code: use lower-case words and digits joined by hyphens, such as hcc-iwc-childrens-services.")
            .MustAsync(async (form, code, cancel) =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancel);
                return !await db.Partnerships.AnyAsync(p => p.Code == code && p.Id != (form.Id ?? 0), cancel);
            }).WithMessage("Code: another partnership already uses this code.");
        RuleFor(p => p.Name).NotEmpty().WithMessage("Name: enter the partnership's name.").MaxLength("Name", PartnershipForm.NameMaxLength);
        RuleFor(p => p.LegalBasis).MaxLength("Legal basis", PartnershipForm.LegalBasisMaxLength);
        RuleFor(p => p.Summary).MaxLength("Summary", PartnershipForm.SummaryMaxLength);
        this.AddSourceRules(p => p.SourceDocument, p => p.SourceParagraph);
        this.AddSourceRules(p => p.LegalBasisSourceDocument, p => p.LegalBasisSourceParagraph);
        RuleFor(p => p.PredecessorId).Cascade(CascadeMode.Stop)
            .NotEqual(p => p.Id).When(p => p.Id is not null).WithMessage($"{PredecessorLabel}: a partnership cannot succeed itself.")
            .CustomAsync(async (predecessorId, context, cancel) =>
            {
                if (predecessorId is null) return;
                await using var db = await contextFactory.CreateDbContextAsync(cancel);
                var form = context.InstanceToValidate;
                // One successor each: a partnership replaced by another cannot be chosen again.
                var taken = await db.Partnerships.Where(p => p.PredecessorId == predecessorId && p.Id != (form.Id ?? 0))
                    .Select(p => p.Name).FirstOrDefaultAsync(cancel);
                if (taken is not null)
                {
                    context.AddFailure($"{PredecessorLabel}: that partnership is already recorded as replaced by \"{taken}\".");
                    return;
                }
                // Walk back from the chosen predecessor: meeting this partnership would make a loop.
                var seen = new HashSet<int>();
                for (int? id = predecessorId; id is { } current && seen.Add(current);
                     id = await db.Partnerships.Where(p => p.Id == current).Select(p => p.PredecessorId).SingleOrDefaultAsync(cancel))
                {
                    if (current == form.Id)
                    {
                        context.AddFailure($"{PredecessorLabel}: that would make this partnership its own predecessor, through the chain of replacements.");
                        return;
                    }
                }
            });
        RuleFor(p => p.Parties).Must(parties => parties.Count(x => x.OrganisationId is not null) >= 2)
            .WithMessage("Parties: choose at least two organisations as parties.")
            .Must(parties => parties.Where(x => x.OrganisationId is not null).GroupBy(x => x.OrganisationId).All(g => g.Count() == 1))
            .WithMessage("Parties: each organisation can be a party only once.");
    }
}
