using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

/// <summary>
/// One party's notice period. Months left blank with a source recorded still says "not stated in source, see
/// para 3", so the row is kept; a blank row with no source records nothing.
/// </summary>
public sealed class NoticeForm
{
    public int OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";
    public int? Months { get; set; }
    public bool IsIllustrative { get; set; }
    public string? SourceDocument { get; set; }
    public string? SourceParagraph { get; set; }

    public bool RecordsSomething => Months is not null || !string.IsNullOrWhiteSpace(SourceDocument);
}

public sealed class NoticeFormValidator : FormValidator<NoticeForm>
{
    public NoticeFormValidator()
    {
        RuleFor(n => n.Months).InclusiveBetween(1, 120).When(n => n.Months is not null)
            .WithMessage(n => $"Notice for {n.OrganisationName} must be between 1 and 120 months.");
        RuleFor(n => n.IsIllustrative).Equal(false).When(n => n.Months is null)
            .WithMessage(n => $"Only a stated notice period can be illustrative ({n.OrganisationName}).");
        this.AddSourceRules(n => n.SourceDocument, n => n.SourceParagraph);
    }
}

/// <summary>The term form: dates, how the end is expressed, minimum term, termination rule and notice per party.</summary>
public sealed class TermForm
{
    public DateOnly? StartDate { get; set; }
    public TermEndKind EndKind { get; set; } = TermEndKind.NotStated;
    public DateOnly? EndDate { get; set; }
    public int? UpToYears { get; set; }
    public int? MinimumTermMonths { get; set; }
    public TerminationFalls TerminationFalls { get; set; } = TerminationFalls.NotStated;
    public string? Notes { get; set; }
    public string? SourceDocument { get; set; }
    public string? SourceParagraph { get; set; }
    public List<NoticeForm> Notices { get; set; } = [];

    /// <summary>One notice row per party, filled from what is recorded.</summary>
    public static TermForm From(Partnership p)
    {
        var t = p.Term;
        return new TermForm
        {
            StartDate = t.StartDate, EndKind = t.EndKind, EndDate = t.EndDate, UpToYears = t.UpToYears,
            MinimumTermMonths = t.MinimumTermMonths, TerminationFalls = t.TerminationFalls, Notes = t.Notes,
            SourceDocument = t.Source?.Document, SourceParagraph = t.Source?.Paragraph,
            Notices = p.Parties.Select(party =>
            {
                var notice = p.NoticePeriods.FirstOrDefault(n => n.OrganisationId == party.OrganisationId);
                return new NoticeForm
                {
                    OrganisationId = party.OrganisationId, OrganisationName = party.Organisation?.Name ?? "",
                    Months = notice?.Months, IsIllustrative = notice?.IsIllustrative ?? false,
                    SourceDocument = notice?.Source?.Document, SourceParagraph = notice?.Source?.Paragraph,
                };
            }).ToList(),
        };
    }
}

public sealed class TermFormValidator : FormValidator<TermForm>
{
    public TermFormValidator(NoticeFormValidator notices)
    {
        RuleFor(t => t.EndDate).NotNull().When(t => t.EndKind == TermEndKind.FixedDate)
            .WithMessage("Enter the last day of the term.");
        RuleFor(t => t.EndDate).GreaterThanOrEqualTo(t => t.StartDate)
            .When(t => t.EndKind == TermEndKind.FixedDate && t.StartDate is not null && t.EndDate is not null)
            .WithMessage("The term cannot end before it starts.");
        RuleFor(t => t.UpToYears).NotNull().WithMessage("Enter the number of years.").InclusiveBetween(1, 99)
            .When(t => t.EndKind == TermEndKind.UpToYears);
        RuleFor(t => t.MinimumTermMonths).InclusiveBetween(1, 1200).When(t => t.MinimumTermMonths is not null);
        RuleFor(t => t.Notes).MaximumLength(2000);
        this.AddSourceRules(t => t.SourceDocument, t => t.SourceParagraph);
        RuleForEach(t => t.Notices).SetValidator(notices);
    }
}
