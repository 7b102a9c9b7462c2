using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Calendar;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.KeyDates;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.KeyDates;

/// <summary>The key dates across every partnership for a period, as one list in date order.</summary>
public sealed record UpcomingDatesResult(DateOnly AsOf, int WithinDays, IReadOnlyList<KeyDate> Dates)
{
    /// <summary>
    /// The window's last day. "Within 400 days" means 400 days counting the as-of day itself, so the window ends
    /// 399 days after it; both ends are included.
    /// </summary>
    public DateOnly Until => UpcomingDates.LastDay(AsOf, WithinDays);

    /// <summary>When the window is empty: the key dates on the first later day that has any, as known on the as-of day.</summary>
    public IReadOnlyList<KeyDate> NextAfter { get; init; } = [];

    /// <summary>When the window is empty: live partnerships with no end or notice recorded, so no end date at all.</summary>
    public IReadOnlyList<UndatedPartnership> Undated { get; init; } = [];

    /// <summary>How many key dates come before <see cref="Dates"/> in the window: 0 unless this is a later page.</summary>
    public int Skipped { get; init; }

    /// <summary>How many key dates the whole window holds: more than <see cref="Dates"/> when this is one page of them.</summary>
    public int Total { get => _total ?? Dates.Count; init => _total = value; }

    private readonly int? _total;

    /// <summary>How many live partnerships have no end date at all: more than <see cref="Undated"/> when only the first few are listed.</summary>
    public int UndatedCount { get => _undatedCount ?? Undated.Count; init => _undatedCount = value; }

    private readonly int? _undatedCount;
}

/// <summary>
/// "What is coming up?" for directors: every end of term, latest notice date, minimum-term end, break, review and
/// call-in expiry from the as-of date for the next so many days. The same answer feeds the page, the calendar
/// feed, the workbook and the command line. Only history dated on or before the as-of day counts. Today's list and
/// the dashboard's next dates read the stored key dates by index (<see cref="StoredKeyDates"/>); any other as-of day,
/// and an empty window's "what comes next", are worked out from the partnerships.
/// </summary>
public sealed class UpcomingDates(IDbContextFactory<SharedServicesDbContext> contextFactory, BankHolidayReference bankHolidays, TimeProvider clock)
{
    private readonly StoredKeyDates _stored = new(contextFactory, bankHolidays);

    /// <summary>The look-ahead periods offered on the page.</summary>
    public static readonly IReadOnlyList<int> Periods = [30, 90, 180, 365];

    public const int MaxDays = 3660;

    /// <summary>How far past a window to look for the next key date: far enough for any real agreement.</summary>
    private const int HorizonYears = 100;

    /// <summary>The last day of a window of <paramref name="withinDays"/> days that starts on (and includes) <paramref name="asOf"/>.</summary>
    public static DateOnly LastDay(DateOnly asOf, int withinDays) => asOf.AddDays(withinDays - 1);

    /// <summary>The key dates the page lists at once; the rest are on later pages.</summary>
    public const int PageSize = 100;

    /// <summary>How many partnerships with no end date the page lists by name; the rest are counted, and the register lists them all.</summary>
    public const int UndatedShown = 10;

    public async Task<UpcomingDatesResult> LoadAsync(DateOnly asOf, int withinDays, CancellationToken cancel = default)
    {
        Check(asOf, withinDays);
        // Today's question reads the stored dates by index. Any other as-of day is "what did we know then?" (or
        // "what will we know?"), which the stored set for today cannot answer, so it is worked out from the
        // partnerships as it always was.
        var stored = asOf == clock.Today() ? await _stored.BetweenAsync(asOf, LastDay(asOf, withinDays), cancel) : null;
        return await CompleteAsync(new UpcomingDatesResult(asOf, withinDays, stored ?? []), fromStore: stored is not null, cancel);
    }

    /// <summary>
    /// One page (0 first) of <see cref="LoadAsync"/>'s dates, for the page: <see cref="UpcomingDatesResult.Skipped"/>
    /// and <see cref="UpcomingDatesResult.Total"/> say where it sits, and a page past the end gives the last page.
    /// Today's page is counted and read from the stored dates by index, so its cost does not grow with the register;
    /// any other as-of day is worked out in full, as <see cref="LoadAsync"/> does, and sliced here. The partnerships
    /// with no end date are capped at <see cref="UndatedShown"/>, with their count.
    /// </summary>
    public async Task<UpcomingDatesResult> LoadPageAsync(DateOnly asOf, int withinDays, int page, int pageSize = PageSize, CancellationToken cancel = default)
    {
        Check(asOf, withinDays);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var until = LastDay(asOf, withinDays);
        var stored = asOf == clock.Today() ? await _stored.PageAsync(asOf, until, page, pageSize, cancel) : null;
        if (stored is { Total: > 0 })
            return new UpcomingDatesResult(asOf, withinDays, stored.Dates) { Skipped = stored.Skipped, Total = stored.Total };
        var all = await CompleteAsync(new UpcomingDatesResult(asOf, withinDays, []), fromStore: stored is not null, cancel);
        var skip = all.Dates.Count == 0 ? 0 : Math.Min(page, (all.Dates.Count - 1) / pageSize) * pageSize;
        return all with
        {
            Dates = all.Dates.Skip(skip).Take(pageSize).ToList(),
            Skipped = skip,
            Total = all.Dates.Count,
            Undated = all.Undated.Take(UndatedShown).ToList(),
            UndatedCount = all.Undated.Count,
        };
    }

    private static void Check(DateOnly asOf, int withinDays)
    {
        if (withinDays is < 1 or > MaxDays) throw new DomainException($"Look ahead between 1 and {MaxDays:N0} days.");
        if (asOf.Year is < 1900 or > 2999) throw new DomainException($"{DateText.Long(asOf)} is not a plausible date to look ahead from.");
    }

    /// <summary>
    /// Fills in what the store did not answer: the window's dates from the partnerships when they were not read from the
    /// store (<paramref name="fromStore"/> false), and for an empty window what comes next and which have no date at all.
    /// </summary>
    private async Task<UpcomingDatesResult> CompleteAsync(UpcomingDatesResult result, bool fromStore, CancellationToken cancel)
    {
        if (result.Dates.Count > 0) return result;
        var (asOf, until) = (result.AsOf, result.Until);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var calendar = await bankHolidays.LoadCalendarAsync(cancel);
        // Only partnerships that can have a date in the window: not over by the as-of date and begun by its end (every
        // key date but a call-in falls on or after the first day), or with a decision published lately (call-in).
        var recently = asOf.AddDays(-60);
        if (!fromStore)
        {
            var partnerships = await ForKeyDates(db.Partnerships.AsNoTracking()
                .Where(p => ((p.EndsOn == null || p.EndsOn >= asOf) && (p.StartedOn == null || p.StartedOn <= until))
                            || p.Decisions.Any(d => d.PublishedOn != null && d.PublishedOn >= recently && d.PublishedOn <= until)))
                .ToListAsync(cancel);
            result = result with { Dates = KeyDateFinder.Between(partnerships, asOf, until, calendar) };
            if (result.Dates.Count > 0) return result;
        }

        // Nothing in the window (rare but for a small council and a short window): what comes next, and which live
        // partnerships have no date to come at all, are worked out from the partnerships, since the second needs them.
        var later = await LaterAsync(db, asOf, recently, cancel);
        var next = KeyDateFinder.Between(later, until.AddDays(1), Horizon(until), calendar, asOf);
        return result with
        {
            NextAfter = next.TakeWhile(d => d.Date == next[0].Date).ToList(),
            Undated = Undated(later, asOf),
        };
    }

    /// <summary>The first <paramref name="howMany"/> key dates of every kind on or after <paramref name="from"/>, however far ahead.</summary>
    public async Task<IReadOnlyList<KeyDate>> NextAsync(DateOnly from, int howMany, CancellationToken cancel = default)
    {
        // The stored dates hold ten years ahead of today; only a register with fewer dates than that needs looking past them.
        if (from == clock.Today() && await _stored.FirstAsync(from, howMany, cancel) is { } stored) return stored;
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var partnerships = await LaterAsync(db, from, from.AddDays(-60), cancel);
        var calendar = await bankHolidays.LoadCalendarAsync(cancel);
        // Most lists fill within a year; look further only when they do not, since renewals repeat for ever.
        var soon = KeyDateFinder.Between(partnerships, from, from.AddDays(365), calendar);
        return (soon.Count >= howMany ? soon : KeyDateFinder.Between(partnerships, from, Horizon(from), calendar)).Take(howMany).ToList();
    }

    /// <summary>Partnerships not over by <paramref name="asOf"/>, or with a decision published since <paramref name="publishedFrom"/>.</summary>
    private static Task<List<Partnership>> LaterAsync(SharedServicesDbContext db, DateOnly asOf, DateOnly publishedFrom, CancellationToken cancel) =>
        ForKeyDates(db.Partnerships.AsNoTracking()
            .Where(p => p.EndsOn == null || p.EndsOn >= asOf || p.Decisions.Any(d => d.PublishedOn != null && d.PublishedOn >= publishedFrom)))
            .ToListAsync(cancel);

    // Just what the key-date rules read: no services.
    internal static IQueryable<Partnership> ForKeyDates(IQueryable<Partnership> partnerships) => partnerships
        .Include(p => p.Parties).ThenInclude(p => p.Organisation)
        .Include(p => p.NoticePeriods)
        .Include(p => p.Decisions).ThenInclude(d => d.Organisation)
        .Include(p => p.Events)
        .Include(p => p.Milestones)
        .AsSplitQuery();

    private static DateOnly Horizon(DateOnly from) => new(Math.Min(from.Year + HorizonYears, 2999), 12, 31);

    private static IReadOnlyList<UndatedPartnership> Undated(IEnumerable<Partnership> partnerships, DateOnly asOf) =>
        partnerships.Select(p => (Then: p.AsOf(asOf), Status: p.StatusOn(asOf)))
            .Where(p => p.Status is not (PartnershipStatus.Ended or PartnershipStatus.Terminated) && p.Then.EndsOn is null && !p.Then.Renews)
            .OrderBy(p => p.Then.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new UndatedPartnership(p.Then.Code, p.Then.Name, p.Status, UndatedPartnership.ReasonFor(false, p.Then.Term.EndKind, p.Then.Term.UpToYears)))
            .ToList();
}
