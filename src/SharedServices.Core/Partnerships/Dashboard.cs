using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

public sealed record KeyDate(string Code, string Name, DateOnly Date, string What);

/// <summary>A live partnership with no end date a director can plan around, and why.</summary>
public sealed record UndatedPartnership(string Code, string Name, PartnershipStatus Status, string Why);

public sealed record DashboardSummary(
    int Total,
    IReadOnlyDictionary<PartnershipStatus, int> ByStatus,
    IReadOnlyDictionary<PartnershipKind, int> ByKind,
    IReadOnlyList<KeyDate> UpcomingEnds,
    IReadOnlyList<KeyDate> RecentEnds,
    IReadOnlyList<UndatedPartnership> NoEndDate);

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

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

        // The same end as Partnership.EffectiveEndDate: the recorded end, else the last day of the term.
        var ends = db.Partnerships.AsNoTracking()
            .Select(p => new { p.Code, p.Name, p.Status, p.EndedOn, End = p.EndedOn ?? p.Term.LatestEndDate })
            .Where(p => p.End != null);
        // An ended partnership whose end date no source gives has no end ahead of it, whatever its term said.
        var upcoming = await ends.Where(p => p.End >= today && !(p.Status == PartnershipStatus.Ended && p.EndedOn == null)).OrderBy(p => p.End).ThenBy(p => p.Code).Take(howMany).ToListAsync(cancel);
        var recent = await ends.Where(p => p.End < today).OrderByDescending(p => p.End).ThenBy(p => p.Code).Take(howMany).ToListAsync(cancel);

        // Not ended, and no end date: the ones a director cannot yet answer "when are we out?" for.
        var undated = await db.Partnerships.AsNoTracking()
            .Where(p => p.Status != PartnershipStatus.Ended && p.Term.LatestEndDate == null)
            .OrderBy(p => p.Name.ToLower())
            .Select(p => new { p.Code, p.Name, p.Status, p.Term.EndKind, p.Term.UpToYears })
            .ToListAsync(cancel);

        KeyDate ToKeyDate(string code, string name, PartnershipStatus status, DateOnly? endedOn, DateOnly end) =>
            new(code, name, end, (endedOn is not null, end < today) switch
            {
                (true, true) => "Ended",
                (true, false) => "Ends",
                (false, true) => "Term ended",
                (false, false) => "Term ends",
            });

        return new DashboardSummary(
            byStatus.Sum(x => x.Count),
            byStatus.ToDictionary(x => x.Key, x => x.Count),
            byKind.ToDictionary(x => x.Key, x => x.Count),
            upcoming.Select(p => ToKeyDate(p.Code, p.Name, p.Status, p.EndedOn, p.End!.Value)).ToList(),
            recent.Select(p => ToKeyDate(p.Code, p.Name, p.Status, p.EndedOn, p.End!.Value)).ToList(),
            undated.Select(p => new UndatedPartnership(p.Code, p.Name, p.Status, p.EndKind switch
            {
                TermEndKind.OpenEnded => "open-ended: runs until notice is given",
                TermEndKind.UpToYears => $"up to {p.UpToYears} years, but the start is not stated",
                _ => "end not stated in source",
            })).ToList());
    }
}
