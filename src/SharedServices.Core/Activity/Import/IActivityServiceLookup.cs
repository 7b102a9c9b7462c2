namespace SharedServices.Core.Activity.Import;

/// <summary>
/// What the import needs to know about a partnership's services to check a row: the seam to the database. The use
/// case that imports a file supplies one built from the partnership's services (loaded once, not per row).
/// </summary>
public interface IActivityServiceLookup
{
    /// <summary>The service an officer means by <paramref name="name"/> (as typed in the file), or null if none.</summary>
    ImportableService? Find(string name);
}

/// <summary>
/// A service activity may be imported against: the dates it runs (end inclusive, null when open-ended), the units
/// its schedule charges by (empty when it is charged by actual cost, for cost-share and full-cost services).
/// </summary>
public sealed record ImportableService(string Name, DateOnly From, DateOnly? To, IReadOnlyCollection<string> Units)
{
    /// <summary>
    /// The service's charge does not depend on a unit (a fixed annual sum, or no schedule yet), so activity may be
    /// recorded in any unit, or as a cost, for the record.
    /// </summary>
    public bool AcceptsAnyUnit { get; init; }

    public bool ChargedByCost => Units.Count == 0 && !AcceptsAnyUnit;

    /// <summary>Whether <paramref name="unit"/> is one this service is charged by (ignoring case).</summary>
    public bool Accepts(string unit) => AcceptsAnyUnit || Units.Contains(unit.Trim(), StringComparer.OrdinalIgnoreCase);
}
