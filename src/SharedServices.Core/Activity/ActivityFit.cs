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
        ArgumentNullException.ThrowIfNull(details);
        return Problems(service, details.From, details.To, details.Quantity is null ? null : details.Unit);
    }

    /// <summary>
    /// The problems with activity from <paramref name="from"/> to <paramref name="to"/>, counted in <paramref name="unit"/>
    /// (null when it is recorded as a cost). Property names are <see cref="ActivityForm"/>'s.
    /// </summary>
    public static IReadOnlyList<(string Property, string Message)> Problems(ImportableService service, DateOnly from, DateOnly to, string? unit)
    {
        ArgumentNullException.ThrowIfNull(service);
        var problems = new List<(string, string)>();
        var dates = $"{service.Name}'s dates ({(service.From == DateOnly.MinValue ? "start not recorded" : DateText.Long(service.From))} " +
                    $"to {(service.To is { } end ? DateText.Long(end) : "no end date")})";
        if (from < service.From)
            problems.Add((nameof(ActivityForm.From), $"Date: {DateText.Long(from)} is outside {dates}."));
        if (service.To is { } last && to > last)
            problems.Add((to == from ? nameof(ActivityForm.From) : nameof(ActivityForm.To),
                $"{(to == from ? "Date" : "To")}: {DateText.Long(to)} is outside {dates}."));
        if (unit is not null && service.ChargedByCost)
            problems.Add((nameof(ActivityForm.Quantity), $"Quantity: {service.Name} is charged by actual cost; give an actual cost instead."));
        else if (unit is { Length: > 0 } && !service.ChargedByCost && !service.Accepts(unit))
            problems.Add((nameof(ActivityForm.Unit), $"Unit: {service.Name} is charged per {string.Join(" or ", service.Units)}, not per \"{unit}\"."));
        return problems;
    }
}
