using FluentValidation;
using SharedServices.Core.Activity;

namespace SharedServices.Core.Activity.Import;

/// <summary>
/// The rules for one imported activity row. Each message starts with the column's label, as in the forms, and
/// <see cref="Problems"/> turns the failures into row-and-column problems for the import report. Without a
/// <see cref="IActivityServiceLookup"/> only the file's own content is checked; with one, the service, its dates
/// and its unit are checked too.
/// </summary>
public sealed class ActivityRowValidator : AbstractValidator<ActivityImportRow>
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(ActivityImportRow.Service)] = ActivityColumns.Service,
        [nameof(ActivityImportRow.Date)] = ActivityColumns.Date,
        [nameof(ActivityImportRow.Quantity)] = ActivityColumns.Quantity,
        [nameof(ActivityImportRow.Unit)] = ActivityColumns.Unit,
        [nameof(ActivityImportRow.ActualCost)] = ActivityColumns.ActualCost,
        [nameof(ActivityImportRow.Description)] = ActivityColumns.Description,
        [nameof(ActivityImportRow.Reference)] = ActivityColumns.Reference,
    };

    /// <summary>The largest quantity or cost a row takes, as the activity form allows: money beyond it cannot be held in pence.</summary>
    public const decimal MaxFigure = 1_000_000_000m;

    public ActivityRowValidator(IActivityServiceLookup? services = null)
    {
        // One message per cell: the first rule a cell breaks is the one the officer needs to fix.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(r => r).Custom((row, context) =>
        {
            foreach (var problem in row.CellProblems)
                context.AddFailure(PropertyOf(problem.Column), problem.Reason);
        });

        RuleFor(r => r.Service).NotEmpty().WithMessage("Service: enter the service's name, as in the schedule of charges.")
            .MaximumLength(200).WithMessage(r => $"Service: keep it to 200 characters (it has {r.Service.Length:N0}).")
            .When(r => !r.HasCellProblem(ActivityColumns.Service));

        RuleFor(r => r.Date).NotEmpty().WithMessage("Date: enter the date the work was done, e.g. 13/11/2012.")
            .Must(text => ImportValues.TryDate(text, out _))
            .WithMessage(r => $"Date: \"{r.Date}\" is not a date; write it as 13/11/2012 or 2012-11-13.")
            .When(r => !r.HasCellProblem(ActivityColumns.Date));

        RuleFor(r => r.Quantity)
            .Must(text => ImportValues.TryNumber(text, out _)).WithMessage(r => $"Quantity: \"{r.Quantity}\" is not a number.")
            .Must(text => !ImportValues.TryNumber(text, out var q) || q >= 0)
            .WithMessage(r => $"Quantity: enter zero or more (it is {r.Quantity}).")
            .Must(text => !ImportValues.TryNumber(text, out var q) || q < MaxFigure)
            .WithMessage(r => $"Quantity: enter less than 1,000,000,000 (it is {r.Quantity}).")
            .When(r => r.Quantity.Length > 0 && !r.HasCellProblem(ActivityColumns.Quantity));

        RuleFor(r => r.Unit).NotEmpty().WithMessage("Unit: say what the quantity counts (days, hours, pupils…).")
            .When(r => r.Quantity.Length > 0 && !r.HasCellProblem(ActivityColumns.Unit));

        RuleFor(r => r.ActualCost)
            .Must(text => ImportValues.TryPounds(text, out _)).WithMessage(r => $"Actual cost: \"{r.ActualCost}\" is not an amount of money.")
            .Must(text => !ImportValues.TryPounds(text, out var p) || (p >= 0 && p == Math.Round(p, 2)))
            .WithMessage(r => $"Actual cost: enter pounds and pence, zero or more (it is {r.ActualCost}).")
            .Must(text => !ImportValues.TryPounds(text, out var p) || p < MaxFigure)
            .WithMessage(r => $"Actual cost: enter less than £1,000,000,000 (it is {r.ActualCost}).")
            .When(r => r.ActualCost.Length > 0 && !r.HasCellProblem(ActivityColumns.ActualCost));

        RuleFor(r => r.Quantity).Empty()
            .WithMessage("Quantity: give a quantity and unit, or an actual cost, not both.")
            .When(r => r.ActualCost.Length > 0);
        RuleFor(r => r.Quantity).NotEmpty()
            .WithMessage("Quantity: give a quantity and unit, or an actual cost.")
            .When(r => r.ActualCost.Length == 0 && r.CellProblems.Count == 0);

        RuleFor(r => r.Description).MaximumLength(500)
            .WithMessage(r => $"Description: keep it to 500 characters (it has {r.Description.Length:N0}).");
        RuleFor(r => r.Reference).MaximumLength(100)
            .WithMessage(r => $"Reference: keep it to 100 characters (it has {r.Reference.Length:N0}).");

        if (services is not null) AddServiceRules(services);
    }

    /// <summary>Every problem with <paramref name="row"/>, by row number and column label.</summary>
    public IReadOnlyList<ActivityImportProblem> Problems(ActivityImportRow row) =>
        Validate(row).Errors
            .Select(e => new ActivityImportProblem(row.RowNumber, Labels.GetValueOrDefault(e.PropertyName, e.PropertyName), e.ErrorMessage))
            .DistinctBy(p => (p.Column, p.Reason))
            .ToList();

    private void AddServiceRules(IActivityServiceLookup services)
    {
        RuleFor(r => r.Service).Must(name => services.Find(name) is not null)
            .WithMessage(r => $"Service: \"{r.Service}\" is not a service of this partnership.")
            .When(r => r.Service.Length > 0);

        // Whether the row fits its service (dates, unit, quantity or cost) is the same rule as for a record typed in.
        RuleFor(r => r).Custom((row, context) =>
        {
            if (services.Find(row.Service) is not { } service || !ImportValues.TryDate(row.Date, out var date)) return;
            foreach (var (property, message) in ActivityFit.Problems(service, date, date, row.Quantity.Length > 0 ? row.Unit : null))
                context.AddFailure(property == nameof(ActivityForm.From) ? nameof(ActivityImportRow.Date) : property, message);
        });
    }

    private static string PropertyOf(string label) => Labels.First(l => l.Value == label).Key;
}
