using FluentValidation;
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
        });
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
