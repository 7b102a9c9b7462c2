using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SharedServices.Core.KeyDates;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Persistence;

/// <summary>
/// Stored key dates go stale in the same transaction as the change that makes them wrong: a partnership or any of
/// its parts (term, parties, notice periods, decisions, history, milestones), an organisation (its short code is in
/// the texts, its call-in working days in the sums) or a bank holiday (call-in expiries count working days). The
/// next read works them out again (see <see cref="StoredKeyDates"/>). Writes that bypass the change tracker call
/// <see cref="MarkKeyDatesStaleAsync"/> or <see cref="MarkCallInKeyDatesStaleAsync"/> themselves, inside their transaction.
/// </summary>
public abstract partial class SharedServicesDbContext
{
    public DbSet<StoredKeyDate> StoredKeyDates => Set<StoredKeyDate>();
    public DbSet<KeyDateDerivation> KeyDateDerivations => Set<KeyDateDerivation>();

    /// <summary>Marks what the pending changes affect as stale, then saves, all in one transaction.</summary>
    private async Task<int> SaveMarkingKeyDatesAsync(Func<Task<int>> save, CancellationToken cancel)
    {
        var affected = KeyDateChanges.Read(ChangeTracker.Entries());
        if (affected.IsEmpty) return await save();
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancel) : null;
        try
        {
            await MarkAsync(affected, cancel);
            var saved = await save();
            if (own is not null) await own.CommitAsync(cancel);
            return saved;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private int SaveMarkingKeyDates(Func<int> save)
    {
        var affected = KeyDateChanges.Read(ChangeTracker.Entries());
        if (affected.IsEmpty) return save();
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        // Nothing in the app saves synchronously; the marks are the asynchronous ones, run to completion.
        MarkAsync(affected, CancellationToken.None).GetAwaiter().GetResult();
        var saved = save();
        own?.Commit();
        return saved;
    }

    private async Task MarkAsync(KeyDateChanges affected, CancellationToken cancel)
    {
        if (affected.BankHolidays) await MarkCallInKeyDatesStaleAsync(cancel);
        if (affected.Partnerships.Count > 0) await MarkKeyDatesStaleAsync(affected.Partnerships, cancel);
        if (affected.Organisations.Count > 0)
        {
            var organisations = affected.Organisations.ToList();
            // Every council's partnerships with that organisation, whoever is saving: marking stale reveals nothing.
            var partnerships = Partnerships.IgnoreQueryFilters()
                .Where(p => p.Parties.Any(x => organisations.Contains(x.OrganisationId)) || p.Decisions.Any(d => organisations.Contains(d.OrganisationId)))
                .Select(p => p.Id);
            await Stale(KeyDateDerivations.IgnoreQueryFilters().Where(d => partnerships.Contains(d.PartnershipId)), cancel);
        }
    }

    /// <summary>Marks these partnerships' stored key dates stale (for writes the change tracker does not see).</summary>
    public Task MarkKeyDatesStaleAsync(IReadOnlyCollection<int> partnershipIds, CancellationToken cancel = default)
    {
        var ids = partnershipIds.ToList();
        return Stale(KeyDateDerivations.IgnoreQueryFilters().Where(d => ids.Contains(d.PartnershipId)), cancel);
    }

    /// <summary>
    /// Marks stale every partnership with a decision: the bank holidays changed, and call-in expiries are the only
    /// key dates counted in working days.
    /// </summary>
    public Task MarkCallInKeyDatesStaleAsync(CancellationToken cancel = default)
    {
        var withDecisions = DecisionRecords.IgnoreQueryFilters().Select(d => EF.Property<int>(d, "PartnershipId"));
        return Stale(KeyDateDerivations.IgnoreQueryFilters().Where(d => withDecisions.Contains(d.PartnershipId)), cancel);
    }

    /// <summary>Marks every stored set stale: the start-up check found one that differs from the rules.</summary>
    public Task MarkAllKeyDatesStaleAsync(CancellationToken cancel = default) => Stale(KeyDateDerivations.IgnoreQueryFilters(), cancel);

    // The generation moves on too, so that a reader part-way through deriving from the old data cannot store its result as fresh.
    private static Task<int> Stale(IQueryable<KeyDateDerivation> rows, CancellationToken cancel) =>
        rows.ExecuteUpdateAsync(s => s.SetProperty(d => d.Generation, d => d.Generation + 1).SetProperty(d => d.DerivedFor, (DateOnly?)null), cancel);
}

/// <summary>What a save is about to change that key dates depend on.</summary>
internal sealed class KeyDateChanges
{
    /// <summary>The parts of a partnership that the key-date rules read, besides the partnership's own row.</summary>
    private static readonly HashSet<Type> Parts =
        [typeof(DecisionRecord), typeof(PartnershipEvent), typeof(Milestone), typeof(PartnershipParty), typeof(NoticePeriod), typeof(Term)];

    public HashSet<int> Partnerships { get; } = [];
    public HashSet<int> Organisations { get; } = [];
    public bool BankHolidays { get; private set; }

    public bool IsEmpty => Partnerships.Count == 0 && Organisations.Count == 0 && !BankHolidays;

    public static KeyDateChanges Read(IEnumerable<EntityEntry> entries)
    {
        var changes = new KeyDateChanges();
        foreach (var entry in entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var type = entry.Metadata.ClrType;
            if (type == typeof(BankHoliday)) changes.BankHolidays = true;
            // A new organisation is in no partnership yet; a new partnership has no stored dates yet (so it is stale).
            else if (type == typeof(Organisation) && entry.State != EntityState.Added) changes.Add(changes.Organisations, entry, "Id");
            else if (type == typeof(Partnership) && entry.State != EntityState.Added) changes.Add(changes.Partnerships, entry, "Id");
            else if (Parts.Contains(type)) changes.Add(changes.Partnerships, entry, "PartnershipId");
        }
        return changes;
    }

    private void Add(HashSet<int> into, EntityEntry entry, string property)
    {
        if (entry.Metadata.FindProperty(property) is null) return;
        var value = entry.Property(property);
        // A key the database has not given yet belongs to a new partnership: nothing stored to mark.
        if (value.IsTemporary) return;
        if (value.OriginalValue is int before) into.Add(before);
        if (value.CurrentValue is int after) into.Add(after);
    }
}
