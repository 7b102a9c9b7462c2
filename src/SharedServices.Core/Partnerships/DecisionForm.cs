using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

/// <summary>A decision record: who decided, the reference, the date, whether key, and what was resolved.</summary>
public sealed class DecisionForm
{
    /// <summary>The longest text each field takes, as the database stores it.</summary>
    public const int DecisionMakerMaxLength = 200, ReferenceMaxLength = 100, ResolvedMaxLength = 4000;

    public int? Id { get; set; }
    public int? OrganisationId { get; set; }
    public string DecisionMaker { get; set; } = "";
    public string? Reference { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public bool? IsKeyDecision { get; set; }
    public bool? SubjectToCallIn { get; set; }
    public string Resolved { get; set; } = "";
    public string? SourceDocument { get; set; }
    public string? SourceParagraph { get; set; }

    public static DecisionForm From(DecisionRecord d) => new()
    {
        Id = d.Id, OrganisationId = d.OrganisationId, DecisionMaker = d.DecisionMaker, Reference = d.Reference,
        DecisionDate = d.DecisionDate, PublishedOn = d.PublishedOn, IsKeyDecision = d.IsKeyDecision,
        SubjectToCallIn = d.SubjectToCallIn, Resolved = d.Resolved,
        SourceDocument = d.Source?.Document, SourceParagraph = d.Source?.Paragraph,
    };
}

public sealed class DecisionFormValidator : FormValidator<DecisionForm>
{
    public DecisionFormValidator()
    {
        RuleFor(d => d.OrganisationId).NotNull().WithMessage("Whose decision: choose whose decision this is.");
        RuleFor(d => d.DecisionMaker).NotEmpty().WithMessage("Decision maker: enter a body or role, such as Cabinet.")
            .MaxLength("Decision maker", DecisionForm.DecisionMakerMaxLength);
        RuleFor(d => d.Reference).MaxLength("Reference", DecisionForm.ReferenceMaxLength);
        RuleFor(d => d.DecisionDate).NotNull().WithMessage("Date of decision: enter the date of the decision.");
        RuleFor(d => d.PublishedOn).GreaterThanOrEqualTo(d => d.DecisionDate)
            .When(d => d.PublishedOn is not null && d.DecisionDate is not null)
            .WithMessage("Published on: a decision cannot be published before it is made.");
        RuleFor(d => d.Resolved).NotEmpty().WithMessage("What it resolved: say what the decision resolved.")
            .MaxLength("What it resolved", DecisionForm.ResolvedMaxLength);
        this.AddSourceRules(d => d.SourceDocument, d => d.SourceParagraph);
    }
}
