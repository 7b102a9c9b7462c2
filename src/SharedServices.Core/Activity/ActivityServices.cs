using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Activity.Import;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Charging;

namespace SharedServices.Core.Activity;

/// <summary>
/// A partnership's services as activity sees them: each one's dates and the units its schedule of charges counts,
/// loaded once for a whole import or form rather than per row.
/// </summary>
public sealed class ActivityServices : IActivityServiceLookup
{
    private readonly Dictionary<string, ActivityService> _byName;

    private ActivityServices(int partnershipId, string partnershipCode, string partnershipName, IReadOnlyList<ActivityService> services)
    {
        PartnershipId = partnershipId;
        PartnershipCode = partnershipCode;
        PartnershipName = partnershipName;
        Services = services;
        // Two services with one name cannot be told apart in a file; the first (by id) is the one a row means.
        _byName = services.GroupBy(s => s.Rules.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public int PartnershipId { get; }
    public string PartnershipCode { get; }
    public string PartnershipName { get; }
    public IReadOnlyList<ActivityService> Services { get; }

    public ImportableService? Find(string name) => FindService(name)?.Rules;

    public ActivityService? FindService(string name) => _byName.GetValueOrDefault(name.Trim());

    public ActivityService? FindService(int tradedServiceId) => Services.FirstOrDefault(s => s.Id == tradedServiceId);

    /// <summary>Loads the partnership with <paramref name="partnershipCode"/>; refuses a code no partnership has.</summary>
    public static async Task<ActivityServices> LoadAsync(SharedServicesDbContext db, string partnershipCode, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var partnership = await db.Partnerships.AsNoTracking().Include(p => p.Services)
                              .SingleOrDefaultAsync(p => p.Code == partnershipCode, cancel)
                          ?? throw new DomainException($"No partnership has the code \"{partnershipCode}\".");
        var serviceIds = partnership.Services.Select(s => s.Id).ToList();
        var schedules = await db.ChargeSchedules.AsNoTracking().Include(s => s.Versions)
            .Where(s => serviceIds.Contains(s.TradedServiceId)).ToDictionaryAsync(s => s.TradedServiceId, cancel);
        var services = partnership.Services.OrderBy(s => s.Id)
            .Select(s => new ActivityService(s.Id, Rules(s.Name, s.StartDate, s.EndDate, schedules.GetValueOrDefault(s.Id))))
            .ToList();
        return new ActivityServices(partnership.Id, partnership.Code, partnership.Name, services);
    }

    /// <summary>The partnership code of the partnership a service belongs to, or null when there is no such service.</summary>
    public static Task<string?> PartnershipCodeOfAsync(SharedServicesDbContext db, int tradedServiceId, CancellationToken cancel) =>
        db.Partnerships.Where(p => p.Services.Any(s => s.Id == tradedServiceId)).Select(p => p.Code).SingleOrDefaultAsync(cancel);

    private static ImportableService Rules(string name, DateOnly? start, DateOnly? end, ChargeSchedule? schedule)
    {
        // A service with no start date recorded accepts any date up to its end.
        var from = start ?? DateOnly.MinValue;
        // The basis agreed most recently decides what the activity counts.
        var basis = schedule?.Versions.LastOrDefault()?.Basis;
        return basis?.Kind switch
        {
            ChargingBasisKind.DayRate => new ImportableService(name, from, end, ["day", "days"]),
            ChargingBasisKind.HourlyRate => new ImportableService(name, from, end, ["hour", "hours"]),
            ChargingBasisKind.PerUnit => new ImportableService(name, from, end, UnitNames(basis.UnitName!)),
            ChargingBasisKind.CostShare or ChargingBasisKind.FullCostRecovery => new ImportableService(name, from, end, []),
            _ => new ImportableService(name, from, end, []) { AcceptsAnyUnit = true },
        };
    }

    // "assessment" and "assessments" are the same unit to an officer.
    private static string[] UnitNames(string unit)
    {
        var singular = unit.Trim();
        return singular.EndsWith('s') ? [singular] : [singular, singular + "s"];
    }
}

/// <summary>One service of the partnership, by id, with the rules an activity row must meet.</summary>
public sealed record ActivityService(int Id, ImportableService Rules)
{
    public string Name => Rules.Name;
}
