using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

public sealed record DashboardDate(string Code, string Name, DateOnly Date, string What);

/// <summary>A live partnership with no end date a director can plan around, and why.</summary>
public sealed record UndatedPartnership(string Code, string Name, PartnershipStatus Status, string Why)
{
    /// <summary>Why a live partnership has no end date, from its term.</summary>
    public static string ReasonFor(bool renews, TermEndKind endKind, int? upToYears) => (renews, endKind) switch
    {
        (true, _) => "renews itself until notice is given",
        (_, TermEndKind.OpenEnded) => "open-ended: runs until notice is given",
        (_, TermEndKind.UpToYears) => $"up to {upToYears} years, but the start is not stated",
        _ => "end not stated in source",
    };
}

public sealed record DashboardSummary(
    int Total,
    IReadOnlyDictionary<PartnershipStatus, int> ByStatus,
    IReadOnlyDictionary<PartnershipKind, int> ByKind,
    IReadOnlyList<DashboardDate> NextKeyDates,
    IReadOnlyList<DashboardDate> RecentEnds,
    IReadOnlyList<UndatedPartnership> NoEndDate,
    int NoEndDateCount);

/// <summary>
/// The landing page's figures: how many partnerships by status and kind, the next key dates of every kind (the same
/// rules as the key-dates page) and the end dates just passed.
/// Live partnerships with no end date are counted, and only the first few (<see cref="NoEndDateShown"/>) listed: a
/// national register can hold thousands, and the register lists them all (/partnerships?ends=none).
/// "Today" comes from the injected clock, so tests can stand on any date. The counts and lists are cached (see
/// <see cref="Caching.ChangeStampCache"/>) until a partnership changes or the day turns.
/// </summary>
public sealed class Dashboard(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock, KeyDates.UpcomingDates upcomingDates,
    Caching.ChangeStampCache cache)
{
    /// <summary>The figures read from the partnerships alone, kept between page views until a partnership changes.</summary>
    private sealed record Counts(
        IReadOnlyDictionary<PartnershipStatus, int> ByStatus,
        IReadOnlyDictionary<PartnershipKind, int> ByKind,
        IReadOnlyList<DashboardDate> RecentEnds,
        IReadOnlyList<UndatedPartnership> NoEndDate,
        int NoEndDateCount);

    /// <summary>How many live partnerships with no end date the dashboard lists by name; the rest are counted.</summary>
    public const int NoEndDateShown = 10;

    public async Task<DashboardSummary> LoadAsync(int howMany = 5, CancellationToken cancel = default)
    {
        var today = clock.Today();
        Counts counts;
        await using (var db = await contextFactory.CreateDbContextAsync(cancel))
        {
            // Per council (each sees only its own partnerships) and per day (statuses move with the date).
            var key = new Caching.CacheKey(nameof(Dashboard), Caching.CacheKey.ScopeOf(db.Caller), today, howMany);
            counts = await cache.GetAsync(db, key, [Caching.ChangeArea.Partnerships], () => CountAsync(db, today, howMany, cancel), cancel);
        }

        return new DashboardSummary(
            counts.ByStatus.Values.Sum(),
            counts.ByStatus,
            counts.ByKind,
            (await upcomingDates.NextAsync(today, howMany, cancel)).Select(d => new DashboardDate(d.PartnershipCode, d.PartnershipName, d.Date, d.KindText)).ToList(),
            counts.RecentEnds,
            counts.NoEndDate,
            counts.NoEndDateCount);
    }

    private static async Task<Counts> CountAsync(SharedServicesDbContext db, DateOnly today, int howMany, CancellationToken cancel)
    {
        var byStatus = await db.Partnerships.Select(PartnershipStatusQuery.On(today))
            .GroupBy(s => s).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);
        var byKind = await db.Partnerships.GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);

        var ends = db.Partnerships.AsNoTracking().Where(p => p.EndsOn != null)
            .Select(p => new { p.Code, p.Name, End = p.EndsOn!.Value, p.TerminatedOn, p.NoticeExitOn });
        var recent = await ends.Where(p => p.End < today).OrderByDescending(p => p.End).ThenBy(p => p.Code).Take(howMany).ToListAsync(cancel);

        // Live, and no end date: the ones a director cannot yet answer "when are we out?" for. Only the first few by name
        // are read, in the register's order, where the link to see them all leads; their count rides along with them, as
        // the register's does (no rows means a count of none).
        var live = db.Partnerships.AsNoTracking().WhereLiveWithNoEndDate(today);
        var undated = await live.OrderBy(p => p.Name.ToLower()).ThenBy(p => p.Id).Take(NoEndDateShown)
            .Select(p => new { p.Code, p.Name, Status = PartnershipStatusRule.On(today, p.StartedOn, p.Decisions.Any(d => d.DecisionDate <= today),
                p.NoticeServedOn, p.NoticeExitOn, p.TerminatedOn, p.Renews, p.CurrentTermEnd), p.Renews, p.Term.EndKind, p.Term.UpToYears, Count = live.Count() })
            .ToListAsync(cancel);

        static string What(DateOnly? terminatedOn, DateOnly? noticeExitOn) =>
            terminatedOn is not null ? "Terminated" : noticeExitOn is not null ? "Ended on notice" : "Term ended";

        // Read-only copies: one value is shared by every page view of the same council on the same day.
        return new Counts(
            byStatus.ToDictionary(x => x.Key, x => x.Count).AsReadOnly(),
            byKind.ToDictionary(x => x.Key, x => x.Count).AsReadOnly(),
            recent.Select(p => new DashboardDate(p.Code, p.Name, p.End, What(p.TerminatedOn, p.NoticeExitOn))).ToList().AsReadOnly(),
            undated.Select(p => new UndatedPartnership(p.Code, p.Name, p.Status, UndatedPartnership.ReasonFor(p.Renews, p.EndKind, p.UpToYears))).ToList().AsReadOnly(),
            undated.Count > 0 ? undated[0].Count : 0);
    }
}
