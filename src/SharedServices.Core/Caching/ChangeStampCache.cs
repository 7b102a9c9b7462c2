using Microsoft.Extensions.Caching.Memory;
using SharedServices.Core.Access;
using SharedServices.Core.Persistence;

namespace SharedServices.Core.Caching;

/// <summary>
/// What a cached value is: which figures, for whom, on which day. <paramref name="Scope"/> is what the caller may
/// see (<see cref="ScopeOf"/>), so a value built for one council is never served to another; reference data that
/// everyone reads alike uses <see cref="Everyone"/>.
/// </summary>
public sealed record CacheKey(string What, string Scope, DateOnly Day = default, int Detail = 0)
{
    public const string Everyone = "everyone";

    /// <summary>
    /// Exactly what the query filters read from the caller (SharedServicesDbContext.Scope.cs): whether they see
    /// everything, and otherwise their organisation. Name and roles change nothing a query returns.
    /// </summary>
    public static string ScopeOf(Caller caller) => caller.SeesEverything ? "all organisations" : $"organisation {caller.ScopeOrganisationId}";
}

/// <summary>
/// Values read far more often than they change (the bank holidays, the organisation list, the dashboard's counts),
/// kept in memory and served while the change stamps they were built under are still current. Each use costs one
/// primary-key read of the stamps instead of the full query. The stamp is read before the value is built, so a
/// change that lands in between leaves the value stored under the older stamp and the next use builds it again.
/// Bounded: at most <see cref="MaxEntries"/> values (a few per organisation), each dropped when unused for
/// <see cref="Unused"/> (yesterday's dashboards, say).
/// </summary>
public sealed class ChangeStampCache : IDisposable
{
    public const int MaxEntries = 1_000;
    public static readonly TimeSpan Unused = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _values = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private sealed record Stamped(long Stamp, object Value);

    /// <summary>
    /// The value for <paramref name="key"/>, built with <paramref name="build"/> (over the same context, so under the
    /// same caller as the key) where there is none or the <paramref name="areas"/> have changed since it was built.
    /// The value is shared by every caller with the same key: give back only immutable values.
    /// </summary>
    public async Task<T> GetAsync<T>(SharedServicesDbContext db, CacheKey key, IReadOnlyList<string> areas, Func<Task<T>> build,
        CancellationToken cancel = default) where T : class
    {
        var stamp = await db.ReadChangeStampAsync(areas, cancel);
        if (stamp is { } current && _values.TryGetValue(key, out Stamped? cached) && cached!.Stamp == current) return (T)cached.Value;
        var value = await build();
        if (stamp is { } builtUnder)
            _values.Set(key, new Stamped(builtUnder, value), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
        return value;
    }

    public void Dispose() => _values.Dispose();
}
