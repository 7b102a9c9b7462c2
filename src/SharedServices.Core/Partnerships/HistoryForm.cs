using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

/// <summary>
/// The form for recording something that happened: an extension, a variation, notice, a termination or the day an
/// agreement began. Which fields apply depends on <see cref="Kind"/>.
/// </summary>
public sealed class HistoryForm
{
    public PartnershipEventKind Kind { get; set; } = PartnershipEventKind.NoticeServed;
    public DateOnly? Date { get; set; }

    /// <summary>Who served notice (required) or exercised an extension (optional).</summary>
    public int? OrganisationId { get; set; }

    /// <summary>For a variation: the term's new last day, if it moved.</summary>
    public DateOnly? NewEndDate { get; set; }

    /// <summary>For notice: an exit date other than the one the notice period gives.</summary>
    public DateOnly? ExitDate { get; set; }
    public string? ExitOverrideReason { get; set; }
    public string? Description { get; set; }
    public string? SourceDocument { get; set; }
    public string? SourceParagraph { get; set; }
}

public sealed class HistoryFormValidator : FormValidator<HistoryForm>
{
    public HistoryFormValidator()
    {
        RuleFor(h => h.Kind).IsInEnum();
        RuleFor(h => h.Date).NotNull().WithMessage(h => h.Kind switch
        {
            PartnershipEventKind.NoticeServed => "Enter the day notice was served.",
            PartnershipEventKind.Terminated => "Enter the agreement's last day.",
            PartnershipEventKind.Commenced => "Enter the day the agreement began.",
            _ => "Enter the date.",
        });
        RuleFor(h => h.OrganisationId).NotNull().When(h => h.Kind == PartnershipEventKind.NoticeServed)
            .WithMessage("Choose the party serving notice.");
        RuleFor(h => h.Description).NotEmpty().When(h => h.Kind == PartnershipEventKind.Variation)
            .WithMessage("Say what the variation changed.");
        RuleFor(h => h.Description).MaximumLength(2000);
        RuleFor(h => h.ExitOverrideReason).MaximumLength(500);
        RuleFor(h => h.ExitDate).GreaterThanOrEqualTo(h => h.Date).When(h => h.Kind == PartnershipEventKind.NoticeServed && h.ExitDate is not null && h.Date is not null)
            .WithMessage("The exit date cannot be before notice is served.");
        this.AddSourceRules(h => h.SourceDocument, h => h.SourceParagraph);
    }
}

/// <summary>A break or review date written into the agreement.</summary>
public sealed class MilestoneForm
{
    public MilestoneKind Kind { get; set; } = MilestoneKind.Review;
    public DateOnly? Date { get; set; }
    public string? Note { get; set; }
    public string? SourceDocument { get; set; }
    public string? SourceParagraph { get; set; }
}

public sealed class MilestoneFormValidator : FormValidator<MilestoneForm>
{
    public MilestoneFormValidator()
    {
        RuleFor(m => m.Date).NotNull().WithMessage("Enter the date.");
        RuleFor(m => m.Note).MaximumLength(500);
        this.AddSourceRules(m => m.SourceDocument, m => m.SourceParagraph);
    }
}
