using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SharedServices.Core.Calendar;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Dates;
using SharedServices.Domain.KeyDates;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.KeyDates;

/// <summary>One page of a window's key dates: the rows, how many come before them, and how many the window holds.</summary>
public sealed record KeyDatesPage(IReadOnlyList<KeyDate> Dates, int Skipped, int Total);

/// <summary>
/// Today's key dates, worked out by <see cref="KeyDateFinder"/> once per partnership and day and kept, so that a
/// request reads a date range by index instead of running the rules over the whole register. The rules stay the one
/// source of truth: each partnership's stored set is exactly <c>KeyDateFinder.For(p, today, today + horizon,
/// calendar, asOf: today)</c>. A set counts only when its <see cref="KeyDateDerivation"/> says it was worked out for
/// today; a change marks it stale in its own transaction (SharedServicesDbContext.KeyDates.cs), and so does a new day.
/// Stale sets are worked out again before answering; if one cannot be (another reader or a writer got there first),
/// the answer is null and the caller computes from the partnerships as before.
/// </summary>
public sealed class StoredKeyDates(IDbContextFactory<SharedServicesDbContext> contextFactory, BankHolidayReference bankHolidays)
{
    /// <summary>Partnerships worked out and written per transaction; each partnership is written whole or not at all.</summary>
    private const int Batch = 200;

    /// <summary>
    /// The last day a set worked out for <paramref name="today"/> covers: any window the page offers. Key dates from
    /// the rules for a longer period, kept to a shorter one, are the rules' answer for the shorter one: every date
    /// comes from the same as-of day and status, and the renewal loop walks the same periods from the same first one,
    /// only stopping later (its cap of 60 periods counts from that first one whatever the period's end).
    /// </summary>
    public static DateOnly Horizon(DateOnly today) => UpcomingDates.LastDay(today, UpcomingDates.MaxDays);

    /// <summary>One partnership's set for <paramref name="today"/>, in the rules' order.</summary>
    public static IEnumerable<KeyDate> Derive(Partnership partnership, DateOnly today, WorkingDayCalendar calendar) =>
        KeyDateFinder.For(partnership, today, Horizon(today), calendar, asOf: today);

    /// <summary>For the race tests: runs after a batch is worked out and before it is written.</summary>
    internal Func<Task>? BeforeWriting { get; set; }

    /// <summary>The key dates from <paramref name="today"/> to <paramref name="until"/> the caller may see; null when the caller must compute them.</summary>
    public Task<IReadOnlyList<KeyDate>?> BetweenAsync(DateOnly today, DateOnly until, CancellationToken cancel = default) =>
        ReadFreshAsync<IReadOnlyList<KeyDate>>(today, async db => until > Horizon(today) ? null : Ordered(await db.StoredKeyDates.AsNoTracking()
            .Where(d => d.Date >= today && d.Date <= until).ToListAsync(cancel)), cancel);

    /// <summary>The first <paramref name="howMany"/> key dates from <paramref name="today"/>; null when the stored horizon holds fewer.</summary>
    public Task<IReadOnlyList<KeyDate>?> FirstAsync(DateOnly today, int howMany, CancellationToken cancel = default) =>
        ReadFreshAsync<IReadOnlyList<KeyDate>>(today, async db =>
        {
            var dates = db.StoredKeyDates.AsNoTracking().Where(d => d.Date >= today);
            // The date of the howMany-th: every row up to it is read, so that ties on that day sort as the rules sort them.
            if (await dates.OrderBy(d => d.Date).Skip(howMany - 1).Select(d => (DateOnly?)d.Date).FirstOrDefaultAsync(cancel) is not { } last) return null;
            return (IReadOnlyList<KeyDate>)Ordered(await dates.Where(d => d.Date <= last).ToListAsync(cancel)).Take(howMany).ToList();
        }, cancel);

    /// <summary>
    /// One page of the key dates from <paramref name="today"/> to <paramref name="until"/> (page 0 first), in the order
    /// <see cref="BetweenAsync"/> gives them, with how many the window holds in all; null when the caller must compute
    /// them. The count and the page come from one snapshot, the count by COUNT and the rows by OFFSET/LIMIT over the
    /// date index, so the answer does not grow with the register. A page past the end gives the last page.
    /// </summary>
    public Task<KeyDatesPage?> PageAsync(DateOnly today, DateOnly until, int page, int pageSize, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return ReadFreshAsync<KeyDatesPage>(today, async db =>
        {
            if (until > Horizon(today)) return null;
            var window = db.StoredKeyDates.AsNoTracking().Where(d => d.Date >= today && d.Date <= until);
            var total = await window.CountAsync(cancel);
            if (total == 0) return new KeyDatesPage([], 0, 0);
            var skip = Math.Min(page, (total - 1) / pageSize) * pageSize;
            var rows = await InOrder(db, window).Skip(skip).Take(pageSize).ToListAsync(cancel);
            return new KeyDatesPage(rows.Select(d => d.ToKeyDate()).ToList(), skip, total);
        }, cancel);
    }

    /// <summary>
    /// <see cref="Ordered"/> as the database sorts: date, name ignoring case, kind in the rules' order, text, then
    /// partnership and sequence. Both databases fold only A–Z here (SQLite's upper(), and PostgreSQL's under the "C"
    /// collation, which also makes the comparison bytewise whatever the database's own collation), so a day holding two
    /// partnerships whose names differ only in the case of an accented letter may list them the other way round from
    /// the full list; every other order is the same, and paging stays stable either way.
    /// </summary>
    private static IOrderedQueryable<StoredKeyDate> InOrder(SharedServicesDbContext db, IQueryable<StoredKeyDate> rows)
    {
        var byDate = db.Database.IsNpgsql()
            ? rows.OrderBy(d => d.Date).ThenBy(d => EF.Functions.Collate(d.PartnershipName, "C").ToUpper()).ThenBy(KindOrder).ThenBy(d => EF.Functions.Collate(d.What, "C"))
            : rows.OrderBy(d => d.Date).ThenBy(d => d.PartnershipName.ToUpper()).ThenBy(KindOrder).ThenBy(d => d.What);
        return byDate.ThenBy(d => d.PartnershipId).ThenBy(d => d.Sequence);
    }

    /// <summary>The kind's place in <see cref="KeyDateKind"/>: it is stored by name, which would sort alphabetically.</summary>
    private static readonly Expression<Func<StoredKeyDate, int>> KindOrder = BuildKindOrder();

    private static Expression<Func<StoredKeyDate, int>> BuildKindOrder()
    {
        var d = Expression.Parameter(typeof(StoredKeyDate), "d");
        var kind = Expression.Property(d, nameof(StoredKeyDate.Kind));
        Expression order = Expression.Constant(Enum.GetValues<KeyDateKind>().Length);
        foreach (var value in Enum.GetValues<KeyDateKind>().Reverse())
            order = Expression.Condition(
                Expression.Equal(kind, Expression.Constant(value)),
                Expression.Constant((int)value), order);
        return Expression.Lambda<Func<StoredKeyDate, int>>(order, d);
    }

    /// <summary>
    /// Reads in one snapshot, after checking in that snapshot that every partnership the caller sees has a set for
    /// today; works out the stale ones first, and tries once more.
    /// </summary>
    private async Task<T?> ReadFreshAsync<T>(DateOnly today, Func<SharedServicesDbContext, Task<T?>> read, CancellationToken cancel) where T : class
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using (var db = await contextFactory.CreateDbContextAsync(cancel))
            {
                await using var snapshot = await SnapshotAsync(db, cancel);
                var fresh = !await db.Partnerships.AnyAsync(p => !db.KeyDateDerivations.IgnoreQueryFilters()
                    .Any(d => d.PartnershipId == p.Id && d.DerivedFor == today), cancel);
                if (fresh) return await read(db);
            }
            if (attempt == 0) await RefreshAsync(today, cancel);
        }
        return null;
    }

    /// <summary>Works out again every stale set the caller can see. Returns how many were written.</summary>
    public async Task<int> RefreshAsync(DateOnly today, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        // Copies worked out by rule, not records anyone entered: no audit entries.
        db.RecordsEachChange = false;
        // A new partnership gets its derivation row (stale) before anything is worked out, so that a change made while
        // it is being worked out has a generation to move on. Every council's, since it reveals nothing.
        if (await db.Partnerships.AnyAsync(p => !db.KeyDateDerivations.IgnoreQueryFilters().Any(d => d.PartnershipId == p.Id), cancel))
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "KeyDateDerivations" ("PartnershipId", "Generation")
                SELECT p."Id", 0 FROM "Partnerships" AS p
                WHERE NOT EXISTS (SELECT 1 FROM "KeyDateDerivations" AS d WHERE d."PartnershipId" = p."Id")
                ON CONFLICT DO NOTHING
                """, cancel);

        // Generating a new year's bank holidays marks call-ins stale, so it happens first; the calendar itself is
        // read after the generations, like the partnerships, so that an edit to it meanwhile is noticed.
        await bankHolidays.EnsureUsualYearsAsync(cancel);

        // The generations are read before the partnerships: a change committed after this read moves the generation
        // on, and the conditional update below then refuses to store what was worked out from the older data.
        var stale = await db.KeyDateDerivations.AsNoTracking()
            .Where(d => d.DerivedFor == null || d.DerivedFor < today || d.DerivedFor > today)
            .OrderBy(d => d.PartnershipId)
            .Select(d => new { d.PartnershipId, d.Generation })
            .ToListAsync(cancel);
        if (stale.Count == 0) return 0;
        var calendar = await bankHolidays.LoadCalendarAsync(cancel);
        var horizon = Horizon(today);
        var written = 0;
        foreach (var batch in stale.Chunk(Batch))
        {
            db.ChangeTracker.Clear();
            var ids = batch.Select(b => b.PartnershipId).ToList();
            var partnerships = await UpcomingDates.ForKeyDates(db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id))).ToListAsync(cancel);
            var sets = partnerships.ToDictionary(p => p.Id, p => Derive(p, today, calendar).ToList());
            if (BeforeWriting is { } pause) await pause();
            var won = 0;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                foreach (var row in batch)
                {
                    if (!sets.TryGetValue(row.PartnershipId, out var set)) continue; // deleted meanwhile
                    var generation = row.Generation;
                    // Only from the generation read before loading: a writer's change, or another reader's set, since
                    // then leaves no row to update, and theirs stands.
                    if (await db.KeyDateDerivations.Where(d => d.PartnershipId == row.PartnershipId && d.Generation == generation)
                            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Generation, generation + 1)
                                .SetProperty(d => d.DerivedFor, (DateOnly?)today).SetProperty(d => d.CoversUntil, (DateOnly?)horizon), cancel) == 0)
                        continue;
                    await db.StoredKeyDates.Where(d => d.PartnershipId == row.PartnershipId).ExecuteDeleteAsync(cancel);
                    db.StoredKeyDates.AddRange(set.Select((date, i) => new StoredKeyDate(row.PartnershipId, i, date)));
                    won++;
                }
                await db.SaveChangesAsync(cancel);
                await transaction.CommitAsync(cancel);
                written += won;
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException)
            {
                // Lost to another writer (a duplicate key, a deadlock, a busy database): the whole batch is rolled
                // back and stays stale, for the next read or the caller's own computation.
                db.ChangeTracker.Clear();
            }
        }
        return written;
    }

    /// <summary>
    /// Compares up to <paramref name="sampleSize"/> stored sets, chosen at random, with what the rules give now.
    /// Returns the codes of the partnerships that differ; if any do, every stored set is marked stale.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckSampleAsync(DateOnly today, int sampleSize, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var fresh = await db.KeyDateDerivations.Where(d => d.DerivedFor == today).Select(d => d.PartnershipId).ToListAsync(cancel);
        var sample = fresh.OrderBy(_ => Random.Shared.Next()).Take(sampleSize).ToList();
        var partnerships = await UpcomingDates.ForKeyDates(db.Partnerships.AsNoTracking().Where(p => sample.Contains(p.Id))).ToListAsync(cancel);
        var stored = (await db.StoredKeyDates.AsNoTracking().Where(d => sample.Contains(d.PartnershipId)).ToListAsync(cancel))
            .ToLookup(d => d.PartnershipId);
        var calendar = await bankHolidays.LoadCalendarAsync(cancel);
        var differing = partnerships
            .Where(p => !Derive(p, today, calendar).SequenceEqual(stored[p.Id].OrderBy(d => d.Sequence).Select(d => d.ToKeyDate())))
            .Select(p => p.Code).ToList();
        if (differing.Count > 0) await db.MarkAllKeyDatesStaleAsync(cancel);
        return differing;
    }

    /// <summary>
    /// The rules' order (KeyDateFinder.Between): date, partnership name, kind, then text; then partnership and the rules' own order.
    /// </summary>
    private static List<KeyDate> Ordered(IEnumerable<StoredKeyDate> rows) => rows
        .OrderBy(d => d.Date).ThenBy(d => d.PartnershipName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Kind)
        .ThenBy(d => d.What, StringComparer.Ordinal).ThenBy(d => d.PartnershipId).ThenBy(d => d.Sequence)
        .Select(d => d.ToKeyDate()).ToList();

    /// <summary>
    /// A read-only transaction that sees one snapshot: repeatable read on PostgreSQL; on SQLite (WAL) a deferred
    /// transaction, which takes no write lock and keeps its first read's snapshot.
    /// </summary>
    private static async Task<IAsyncDisposable> SnapshotAsync(SharedServicesDbContext db, CancellationToken cancel)
    {
        if (!db.Database.IsSqlite()) return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancel);
        await db.Database.OpenConnectionAsync(cancel);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, cancel);
        return transaction;
    }
}
