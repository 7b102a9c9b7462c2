using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Audit;

namespace SharedServices.Core.Persistence;

/// <summary>
/// The audit trail, written by every save: each record created, changed or deleted through the change tracker gets an
/// entry (see <see cref="AuditRecorder"/>), saved in the same transaction as the change, so there is never a change
/// without its entry or an entry without its change. Writes that bypass the change tracker (ExecuteUpdate,
/// ExecuteDelete, raw SQL, the activity import's bulk writer) add their own entry with <see cref="AddAuditEntry"/>
/// inside their transaction.
/// </summary>
public abstract partial class SharedServicesDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// False while loading seed data or generating bank holidays by rule: thousands of rows that no person entered,
    /// recorded instead by one summary entry each (a seed file, a run of years) that the loader adds itself.
    /// </summary>
    public bool RecordsEachChange { get; set; } = true;

    /// <summary>
    /// Adds an entry, made now by this context's caller, to be saved with the next save (inside the caller's transaction).
    /// For writes the change tracker does not see.
    /// </summary>
    public AuditEntry AddAuditEntry(AuditAction action, string entityType, string entityKey, int? partnershipId, int? organisationId, string summary,
        IReadOnlyDictionary<string, string?>? before = null, IReadOnlyDictionary<string, string?>? after = null)
    {
        var entry = new AuditEntry(DateTime.UtcNow, Caller.Name, Caller.UserId, action, entityType, entityKey, partnershipId, organisationId, summary,
            AuditJson.Write(before), AuditJson.Write(after));
        AuditEntries.Add(entry);
        return entry;
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancel)
    {
        var recorder = RecordsEachChange ? AuditRecorder.Capture(this) : null;
        if (recorder is null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancel);
        // The changes and their entries in one transaction: the caller's if there is one, otherwise our own.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancel) : null;
        try
        {
            // Accepted on success whatever was asked: the entries' own save would otherwise write the changes twice.
            var saved = await base.SaveChangesAsync(true, cancel);
            AuditEntries.AddRange(await recorder.CompleteAsync(cancel));
            await base.SaveChangesAsync(true, cancel);
            if (own is not null) await own.CommitAsync(cancel);
            return saved;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private int SaveAudited(bool acceptAllChangesOnSuccess)
    {
        var recorder = RecordsEachChange ? AuditRecorder.Capture(this) : null;
        if (recorder is null) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(true);
        // The look-ups are the same queries as the asynchronous save's; nothing in the app saves synchronously.
        AuditEntries.AddRange(recorder.CompleteAsync(CancellationToken.None).GetAwaiter().GetResult());
        base.SaveChanges(true);
        own?.Commit();
        return saved;
    }
}
