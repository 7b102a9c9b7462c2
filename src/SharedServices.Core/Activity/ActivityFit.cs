using SharedServices.Core.Activity.Import;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Dates;

namespace SharedServices.Core.Activity;

/// <summary>
/// Whether a record of activity fits its service: inside the service's dates, counted in a unit its schedule of
/// charges uses, or as a cost where the service is charged by cost. Messages start with the field's label.
/// </summary>
public static class ActivityFit
{
    public static IReadOnlyList<(string Property, string Message)> Problems(ImportableService service, ActivityDetails details)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<(string, string)>();
        var dates = $"{service.Name} runs from {(service.From == DateOnly.MinValue ? "an unrecorded start" : DateText.Long(service.From))} " +
                    $"to {(service.To is { } end ? DateText.Long(end) : "no end date")}";
        if (details.From < service.From)
            problems.Add((nameof(ActivityForm.From), $"Date: {DateText.Long(details.From)} is before the service starts ({dates})."));
        if (service.To is { } last && details.To > last)
            problems.Add((details.To == details.From ? nameof(ActivityForm.From) : nameof(ActivityForm.To),
                $"{(details.To == details.From ? "Date" : "To")}: {DateText.Long(details.To)} is after the service ends ({dates})."));
        if (details.Quantity is not null && service.ChargedByCost)
            problems.Add((nameof(ActivityForm.Quantity), $"Quantity: {service.Name} is charged by actual cost; give an actual cost instead."));
        else if (details.Unit is { } unit && !service.ChargedByCost && !service.Accepts(unit))
            problems.Add((nameof(ActivityForm.Unit), $"Unit: {service.Name} is charged per {string.Join(" or ", service.Units)}, not per \"{unit}\"."));
        return problems;
    }
}
