using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SharedServices.Core.Caching;
using SharedServices.Core.Persistence;

namespace SharedServices.Core.KeyDates;

/// <summary>The key-date downloads: the calendar (signed in or by the personal feed) and the workbook.</summary>
public enum KeyDateFileKind
{
    Calendar,
    Workbook,
}

/// <summary>
/// A key-date download as asked for. <paramref name="Version"/> names everything its content was built from (see
/// <see cref="KeyDateFiles"/>); null when the change stamps could not be read, and then the file is built afresh and
/// sent without one. <paramref name="Content"/> is null when the asker already holds this version.
/// </summary>
public sealed record KeyDateFile(string? Version, byte[]? Content);

/// <summary>
/// The calendar and the workbook of key dates, built once and served again while nothing they show can have changed.
/// Building them is the cost (at 10,000 partnerships the calendar is 6 MB and took seconds a request), not reading
/// the dates, and Outlook polls the calendar. What decides a file's content, and so its key, is: which file, what the
/// caller may see (<see cref="CacheKey.ScopeOf"/>: exactly what the query filters read, so one council is never sent
/// another's file, and a feed is answered for its owner's organisation), the window asked for, today (the stored
/// dates and the urgency colours move with the day) and the change stamps of the partnerships, the organisations
/// (short codes in the texts, call-in periods in the sums) and the bank holidays (call-in expiries count working
/// days). The stamps are read first, by primary key, so another instance's change is seen, and a change landing while
/// a file is built leaves it under the older stamps, where the next request does not find it and builds again.
/// </summary>
/// <remarks>
/// Held in memory up to <see cref="MaxBytes"/> in all. A council's files are small (a council is party to tens of
/// partnerships, so its calendar is tens of kilobytes); the largest measured, the year's calendar of 10,000
/// partnerships for someone who sees them all, is 6.1 MB, so the bound holds ten of those beside thousands of
/// councils' files, a modest share of one server. A file over <see cref="MaxBytesEach"/> (years of a national
/// register) is sent but not kept, so that one such request cannot push every council's files out. Files unused for
/// <see cref="Unused"/> are dropped (yesterday's, or another window's), and the least recently used go first when the
/// bound is reached.
/// </remarks>
public sealed class KeyDateFiles(IDbContextFactory<SharedServicesDbContext> contextFactory, UpcomingDates upcoming, TimeProvider clock) : IDisposable
{
    public const long MaxBytes = 64L * 1024 * 1024;
    public const long MaxBytesEach = MaxBytes / 4;
    public static readonly TimeSpan Unused = TimeSpan.FromMinutes(30);

    /// <summary>The calendar's name in the subscriber's calendar program.</summary>
    public const string CalendarName = "SharedServices key dates";

    /// <summary>
    /// This build of the code: a version sent by an older build (a different layout of the file) is not taken as
    /// current. The module's id changes whenever the assembly does, and is the same on every instance of one release.
    /// </summary>
    private static readonly string Build = typeof(KeyDateFiles).Module.ModuleVersionId.ToString("N");

    // Compacting a quarter at a time makes room for a large file in one go rather than in several 5% steps.
    private readonly MemoryCache _files = new(new MemoryCacheOptions { SizeLimit = MaxBytes, CompactionPercentage = 0.25 });

    /// <summary>Files being built, so that clients asking at once for the same file wait for one build rather than each making their own.</summary>
    private readonly ConcurrentDictionary<Key, Lazy<Task<byte[]>>> _building = new();

    private sealed record Key(KeyDateFileKind Kind, string Scope, DateOnly AsOf, int WithinDays, DateOnly Today, long Stamp);

    /// <summary>
    /// The file for the current caller, or only its version when <paramref name="held"/> says the asker holds that
    /// version already: then nothing but the change stamps is read.
    /// </summary>
    public async Task<KeyDateFile> GetAsync(KeyDateFileKind kind, DateOnly asOf, int withinDays, Func<string, bool> held,
        CancellationToken cancel = default)
    {
        long? stamp;
        string scope;
        await using (var db = await contextFactory.CreateDbContextAsync(cancel))
        {
            scope = CacheKey.ScopeOf(db.Caller);
            stamp = await db.ReadChangeStampAsync(ChangeArea.All, cancel);
        }
        if (stamp is not { } builtUnder) return new KeyDateFile(null, await BuildAsync(kind, asOf, withinDays, cancel));

        var key = new Key(kind, scope, asOf, withinDays, clock.Today(), builtUnder);
        var version = VersionOf(key);
        if (held(version)) return new KeyDateFile(version, null);
        if (_files.TryGetValue(key, out byte[]? kept)) return new KeyDateFile(version, kept);
        // The build runs as the first asker (the caller flows into it), who has this key's scope, as has everyone waiting on it.
        // It is not cancelled when that asker goes away: the others may still want it, and it is kept for the next.
        var build = _building.GetOrAdd(key, k => new Lazy<Task<byte[]>>(() => BuildAndKeepAsync(k)));
        return new KeyDateFile(version, await build.Value.WaitAsync(cancel));
    }

    private async Task<byte[]> BuildAndKeepAsync(Key key)
    {
        try
        {
            if (_files.TryGetValue(key, out byte[]? kept)) return kept!; // finished between the asker's look and now
            var content = await BuildAsync(key.Kind, key.AsOf, key.WithinDays, CancellationToken.None);
            if (content.Length <= MaxBytesEach)
                _files.Set(key, content, new MemoryCacheEntryOptions { Size = content.Length, SlidingExpiration = Unused });
            return content;
        }
        finally
        {
            _building.TryRemove(key, out _);
        }
    }

    private async Task<byte[]> BuildAsync(KeyDateFileKind kind, DateOnly asOf, int withinDays, CancellationToken cancel)
    {
        var dates = (await upcoming.LoadAsync(asOf, withinDays, cancel)).Dates;
        if (kind == KeyDateFileKind.Calendar)
            return Encoding.UTF8.GetBytes(KeyDateCalendar.Write(dates, CalendarName, clock.GetUtcNow()));
        using var stream = new MemoryStream();
        KeyDateWorkbook.Write(dates, asOf, withinDays, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// The key as an opaque version: a digest, so that a version sent to a browser does not spell out an organisation's
    /// id or how often the register has changed.
    /// </summary>
    private static string VersionOf(Key key)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{key.Kind}|{key.Scope}|{key.AsOf:yyyy-MM-dd}|{key.WithinDays}|{key.Today:yyyy-MM-dd}|{key.Stamp}|{Build}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    public void Dispose() => _files.Dispose();
}
