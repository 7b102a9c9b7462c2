using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Caching;

namespace SharedServices.Core.Persistence;

/// <summary>
/// Change stamps (see <see cref="ChangeStamp"/>): every save that adds, changes or removes a partnership, an
/// organisation or a bank holiday moves that area's version on inside the save's transaction, so a cached value built
/// before the change is never served after it, by this app instance or any other using the database. Writes that
/// bypass the change tracker (ExecuteUpdate, ExecuteDelete, raw SQL) call <see cref="MarkChangedAsync"/> themselves,
/// inside their transaction.
/// </summary>
public abstract partial class SharedServicesDbContext
{
    public DbSet<ChangeStamp> ChangeStamps => Set<ChangeStamp>();

    /// <summary>Moves the areas' versions on. Call inside the transaction of a write the change tracker does not see.</summary>
    public async Task MarkChangedAsync(IEnumerable<string> areas, CancellationToken cancel = default)
    {
        // One area at a time in a set order: two saves stamping the same areas then lock the rows in the same order
        // and one waits for the other rather than deadlocking.
        foreach (var area in areas.Distinct().Order(StringComparer.Ordinal))
            await ChangeStamps.Where(s => s.Area == area).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version + 1), cancel);
    }

    public Task MarkChangedAsync(string area, CancellationToken cancel = default) => MarkChangedAsync([area], cancel);

    private void MarkChanged(IEnumerable<string> areas)
    {
        foreach (var area in areas.Distinct().Order(StringComparer.Ordinal))
            ChangeStamps.Where(s => s.Area == area).ExecuteUpdate(u => u.SetProperty(s => s.Version, s => s.Version + 1));
    }

    /// <summary>
    /// The version of the areas taken together, read by primary key: it moves on whenever any of them changes (each
    /// version only ever grows, so their sum does too). Null when an area has no row, so the caller builds afresh.
    /// </summary>
    public async Task<long?> ReadChangeStampAsync(IReadOnlyList<string> areas, CancellationToken cancel = default)
    {
        var stamps = areas.Count switch
        {
            1 => ChangeStamps.Where(s => s.Area == areas[0]),
            2 => ChangeStamps.Where(s => s.Area == areas[0] || s.Area == areas[1]),
            3 => ChangeStamps.Where(s => s.Area == areas[0] || s.Area == areas[1] || s.Area == areas[2]),
            _ => throw new ArgumentOutOfRangeException(nameof(areas), "A cached value depends on one, two or three areas."),
        };
        var found = await stamps.AsNoTracking().Select(s => s.Version).ToListAsync(cancel);
        return found.Count == areas.Count ? found.Sum() : null;
    }

    /// <summary>The areas the tracked changes touch, before the save accepts them.</summary>
    private List<string> AreasChanged() => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Select(e => ChangeArea.Of(e.Metadata.ClrType)).OfType<string>().Distinct().ToList();

    /// <summary>Runs the save and stamps the areas it changed, in one transaction: the caller's if there is one, otherwise our own.</summary>
    private async Task<int> SaveStampedAsync(Func<Task<int>> save, CancellationToken cancel)
    {
        var areas = AreasChanged();
        if (areas.Count == 0) return await save();
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancel) : null;
        try
        {
            var saved = await save();
            await MarkChangedAsync(areas, cancel);
            if (own is not null) await own.CommitAsync(cancel);
            return saved;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private int SaveStamped(Func<int> save)
    {
        var areas = AreasChanged();
        if (areas.Count == 0) return save();
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = save();
        MarkChanged(areas);
        own?.Commit();
        return saved;
    }
}
