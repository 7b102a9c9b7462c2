using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

public sealed record KeyDate(string Code, string Name, DateOnly Date, string What);

public sealed record DashboardSummary(
    int Total,
    IReadOnlyDictionary<PartnershipStatus, int> ByStatus,
    IReadOnlyDictionary<PartnershipKind, int> ByKind,
    IReadOnlyList<KeyDate> UpcomingEnds,
    IReadOnlyList<KeyDate> RecentEnds);

/// <summary>
/// The landing page's figures: how many partnerships by status and kind, and the end dates a director watches.
/// "Today" comes from the injected clock, so tests can stand on any date.
/// </summary>
public sealed class Dashboard(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock)
{
    public async Task<DashboardSummary> LoadAsync(int howMany = 5, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var byStatus = await db.Partnerships.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);
        var byKind = await db.Partnerships.GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);

        // End dates need the term rules (e.g. "up to five years" from the start), so they are worked out here,
        // over the few columns that matter rather than whole partnerships.
        var partnerships = await db.Partnerships.AsNoTracking().Select(p => new { p.Code, p.Name, p.Status, p.EndedOn, p.Term }).ToListAsync(cancel);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var ends = partnerships
            .Select(p => p.EndedOn is { } ended
                ? new KeyDate(p.Code, p.Name, ended, "Ended")
                : p.Term.LatestEndDate is { } latest ? new KeyDate(p.Code, p.Name, latest, "Term ends") : null)
            .OfType<KeyDate>()
            .ToList();

        return new DashboardSummary(
            partnerships.Count,
            byStatus.ToDictionary(x => x.Key, x => x.Count),
            byKind.ToDictionary(x => x.Key, x => x.Count),
            ends.Where(e => e.Date >= today).OrderBy(e => e.Date).Take(howMany).ToList(),
            ends.Where(e => e.Date < today).OrderByDescending(e => e.Date).Take(howMany).ToList());
    }
}
