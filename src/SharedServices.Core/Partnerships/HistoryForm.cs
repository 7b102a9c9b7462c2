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

    /// <summary>The longest text each field takes, as the database stores it.</summary>
    public const int DescriptionMaxLength = 2000, ExitOverrideReasonMaxLength = 500;

    /// <summary>The date field's label, which says which day is meant for this kind of entry.</summary>
    public string DateLabel => Kind switch
    {
        PartnershipEventKind.NoticeServed => "Notice served on",
        PartnershipEventKind.Terminated => "Last day of the agreement",
        PartnershipEventKind.Commenced => "Day the agreement began",
        PartnershipEventKind.ExtensionExercised => "Extension exercised on",
        _ => "Variation agreed on",
    };

    /// <summary>The description field's label: what a variation changed, or notes for the other kinds.</summary>
    public string DescriptionLabel => Kind == PartnershipEventKind.Variation ? "What the variation changed" : "Notes";
}

public sealed class HistoryFormValidator : FormValidator<HistoryForm>
{
    public HistoryFormValidator()
    {
        RuleFor(h => h.Kind).IsInEnum().WithMessage("What happened: choose what happened.");
        RuleFor(h => h.Date).NotNull().WithMessage(h => h.Kind switch
        {
            PartnershipEventKind.NoticeServed => $"{h.DateLabel}: enter the day notice was served.",
            PartnershipEventKind.Terminated => $"{h.DateLabel}: enter the agreement's last day.",
            PartnershipEventKind.Commenced => $"{h.DateLabel}: enter the day the agreement began.",
            _ => $"{h.DateLabel}: enter the date.",
        });
        RuleFor(h => h.OrganisationId).NotNull().When(h => h.Kind == PartnershipEventKind.NoticeServed)
            .WithMessage("Party serving notice: choose the party serving notice.");
        RuleFor(h => h.Description).NotEmpty().When(h => h.Kind == PartnershipEventKind.Variation)
            .WithMessage("What the variation changed: say what the variation changed.");
        RuleFor(h => h.Description).MaximumLength(HistoryForm.DescriptionMaxLength)
            .WithMessage((h, text) => $"{h.DescriptionLabel}: keep it to {HistoryForm.DescriptionMaxLength:N0} characters (it has {text!.Length:N0}).");
        RuleFor(h => h.ExitOverrideReason).MaxLength("Why the exit date differs", HistoryForm.ExitOverrideReasonMaxLength);
        RuleFor(h => h.ExitDate).GreaterThanOrEqualTo(h => h.Date).When(h => h.Kind == PartnershipEventKind.NoticeServed && h.ExitDate is not null && h.Date is not null)
            .WithMessage("Different exit date: the exit cannot be before notice is served.");
        this.AddSourceRules(h => h.SourceDocument, h => h.SourceParagraph);
    }
}

/// <summary>A break or review date written into the agreement.</summary>
public sealed class MilestoneForm
{
    /// <summary>The longest note, as the database stores it.</summary>
    public const int NoteMaxLength = 500;

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
        RuleFor(m => m.Date).NotNull().WithMessage("Date: enter the date.");
        RuleFor(m => m.Note).MaxLength("Note", MilestoneForm.NoteMaxLength);
        this.AddSourceRules(m => m.SourceDocument, m => m.SourceParagraph);
    }
}
