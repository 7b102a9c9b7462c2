using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Activity;

/// <summary>
/// One activity record as the grid edits it: a day or a period, and a quantity in a unit or an actual cost in pounds.
/// </summary>
public sealed class ActivityForm
{
    public DateOnly? From { get; set; }

    /// <summary>The last day, for a period; blank for a single day.</summary>
    public DateOnly? To { get; set; }
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
    public decimal? ActualCost { get; set; }
    public string? Description { get; set; }
    public string? Reference { get; set; }

    public static ActivityForm Of(ActivityDetails d) => new()
    {
        From = d.From, To = d.To == d.From ? null : d.To, Quantity = d.Quantity, Unit = d.Unit,
        ActualCost = d.ActualCost?.Pounds, Description = d.Description, Reference = d.Reference,
    };

    /// <summary>The details, once <see cref="ActivityFormValidator"/> has passed the form.</summary>
    public ActivityDetails ToDetails() =>
        new(From!.Value, To ?? From!.Value, Quantity, Quantity is null ? null : Unit,
            ActualCost is { } pounds ? Money.FromPounds(pounds) : null, Description, Reference);
}

public sealed class ActivityFormValidator : FormValidator<ActivityForm>
{
    public ActivityFormValidator()
    {
        RuleFor(a => a.From).NotNull().WithMessage("Date: enter the day the work was done, or the first day of the period.");
        RuleFor(a => a.To).GreaterThanOrEqualTo(a => a.From).When(a => a.From is not null && a.To is not null)
            .WithMessage("To: the period cannot end before it starts.");
        RuleFor(a => a.Quantity).NotNull().When(a => a.ActualCost is null)
            .WithMessage("Quantity: give a quantity and unit, or an actual cost.");
        RuleFor(a => a.Quantity).Null().When(a => a.ActualCost is not null)
            .WithMessage("Quantity: give a quantity and unit, or an actual cost, not both.");
        RuleFor(a => a.Quantity).GreaterThanOrEqualTo(0).WithMessage("Quantity: enter zero or more.")
            .LessThan(1_000_000_000m).WithMessage("Quantity: enter less than 1,000,000,000.");
        RuleFor(a => a.Unit).NotEmpty().When(a => a.Quantity is not null)
            .WithMessage("Unit: say what the quantity counts (days, hours, pupils…).");
        RuleFor(a => a.Unit).MaxLength("Unit", ActivityDetails.MaxUnitLength);
        RuleFor(a => a.ActualCost).GreaterThanOrEqualTo(0).WithMessage("Actual cost: enter zero or more.")
            .LessThan(1_000_000_000m).WithMessage("Actual cost: enter less than £1,000,000,000.")
            .Must(p => p is null || p == Math.Round(p.Value, 2)).WithMessage("Actual cost: enter pounds and pence.");
        RuleFor(a => a.Description).MaxLength("Description", ActivityDetails.MaxDescriptionLength);
        RuleFor(a => a.Reference).MaxLength("Reference", ActivityDetails.MaxReferenceLength);
    }
}
