using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

/// <summary>
/// One party's notice period. An amount left blank with a source recorded still says "not stated in source, see
/// para 3", so the row is kept; a blank row with no source records nothing.
/// </summary>
public sealed class NoticeForm
{
    public int OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";
    public int? Amount { get; set; }
    public NoticeUnit Unit { get; set; } = NoticeUnit.Months;
    public bool IsIllustrative { get; set; }
    public string? SourceDocument { get; set; }
    public string? SourceParagraph { get; set; }

    /// <summary>The notice field's label, naming the party.</summary>
    public string AmountLabel => $"Notice by {OrganisationName}";

    public bool RecordsSomething => Amount is not null || !string.IsNullOrWhiteSpace(SourceDocument);

    public NoticeLength? Length => Amount is { } amount ? new NoticeLength(amount, Unit) : null;
}

public sealed class NoticeFormValidator : FormValidator<NoticeForm>
{
    public NoticeFormValidator()
    {
        RuleFor(n => n.Amount).Must((n, amount) => amount <= NoticeLength.MaxAmount(n.Unit)).GreaterThanOrEqualTo(1).When(n => n.Amount is not null)
            .WithMessage(n => $"{n.AmountLabel}: enter a number from 1 to {NoticeLength.MaxAmount(n.Unit):N0} {n.Unit.ToString().ToLowerInvariant()}.");
        RuleFor(n => n.IsIllustrative).Equal(false).When(n => n.Amount is null)
            .WithMessage(n => $"Illustrative figure for {n.OrganisationName}: only a stated notice period can be illustrative.");
        this.AddSourceRules(n => n.SourceDocument, n => n.SourceParagraph);
    }
}

/// <summary>The term form: dates, how the end is expressed, minimum term, extensions, renewal, termination rule and notice per party.</summary>
public sealed class TermForm
{
    /// <summary>The longest notes, as the database stores them.</summary>
    public const int NotesMaxLength = 2000;

    public DateOnly? StartDate { get; set; }
    public TermEndKind EndKind { get; set; } = TermEndKind.NotStated;
    public DateOnly? EndDate { get; set; }
    public int? UpToYears { get; set; }
    public int? MinimumTermMonths { get; set; }
    public TerminationFalls TerminationFalls { get; set; } = TerminationFalls.NotStated;
    public int? ExtensionOptions { get; set; }
    public int? ExtensionMonths { get; set; }
    public int? RenewalMonths { get; set; }
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
            ExtensionOptions = t.ExtensionOptions, ExtensionMonths = t.ExtensionMonths, RenewalMonths = t.RenewalMonths,
            SourceDocument = t.Source?.Document, SourceParagraph = t.Source?.Paragraph,
            Notices = p.Parties.Select(party =>
            {
                var notice = p.NoticePeriods.FirstOrDefault(n => n.OrganisationId == party.OrganisationId);
                return new NoticeForm
                {
                    OrganisationId = party.OrganisationId, OrganisationName = party.Organisation?.Name ?? "",
                    Amount = notice?.Amount, Unit = notice?.Unit ?? NoticeUnit.Months, IsIllustrative = notice?.IsIllustrative ?? false,
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
            .WithMessage("End date (last day): enter the last day of the term.");
        RuleFor(t => t.EndDate).GreaterThanOrEqualTo(t => t.StartDate)
            .When(t => t.EndKind == TermEndKind.FixedDate && t.StartDate is not null && t.EndDate is not null)
            .WithMessage("End date (last day): the term cannot end before it starts.");
        RuleFor(t => t.UpToYears).Cascade(CascadeMode.Stop).NotNull().WithMessage("Up to how many years: enter the number of years.")
            .NumberFrom("Up to how many years", 1, 99).When(t => t.EndKind == TermEndKind.UpToYears);
        RuleFor(t => t.MinimumTermMonths).NumberFrom("Minimum term (months)", 1, 1200);
        RuleFor(t => t.ExtensionOptions).NumberFrom("Extension options (how many)", 1, 20);
        RuleFor(t => t.ExtensionMonths).NumberFrom("Each extension (months)", 1, 240);
        RuleFor(t => t.ExtensionMonths).NotNull().When(t => t.ExtensionOptions is not null)
            .WithMessage("Each extension (months): enter how many months each extension lasts.");
        RuleFor(t => t.ExtensionOptions).NotNull().When(t => t.ExtensionMonths is not null)
            .WithMessage("Extension options (how many): enter how many extensions the term allows.");
        RuleFor(t => t.RenewalMonths).NumberFrom("Renews automatically every (months)", 1, 240);
        RuleFor(t => t.RenewalMonths).Null().When(t => t.EndKind is not (TermEndKind.FixedDate or TermEndKind.UpToYears))
            .WithMessage("Renews automatically every (months): a term that renews needs an end for its first period: a fixed date or \"up to N years\".");
        RuleFor(t => t.Notes).MaxLength("Notes", TermForm.NotesMaxLength);
        this.AddSourceRules(t => t.SourceDocument, t => t.SourceParagraph);
        RuleForEach(t => t.Notices).SetValidator(notices);
    }
}
