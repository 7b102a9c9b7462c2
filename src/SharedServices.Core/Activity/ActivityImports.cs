using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Audit;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Activity;

namespace SharedServices.Core.Activity;

/// <summary>
/// A partnership's import history (newest first), and undoing an import: its rows are removed and the import stays
/// in the history, marked undone, so the same file may be imported again. An import any of whose rows has been
/// billed cannot be undone.
/// </summary>
public sealed class ActivityImports(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ActivityImportEntry>> HistoryAsync(string partnershipCode, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var partnershipId = await db.Partnerships.Where(p => p.Code == partnershipCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancel)
                            ?? throw new DomainException($"No partnership has the code \"{partnershipCode}\".");
        var imports = await db.ActivityImports.AsNoTracking().Where(i => i.PartnershipId == partnershipId)
            .OrderByDescending(i => i.ImportedAtUtc).ThenByDescending(i => i.Id)
            .Select(i => new { Import = i, Billed = db.ActivityEntries.Count(e => e.ImportId == i.Id && e.BilledOnInvoice != null) })
            .ToListAsync(cancel);
        return imports.Select(i => new ActivityImportEntry(i.Import, i.Billed)).ToList();
    }

    public async Task UndoAsync(int importId, string undoneBy, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var import = await db.ActivityImports.SingleOrDefaultAsync(i => i.Id == importId, cancel)
                     ?? throw new DomainException("That import no longer exists.");
        var rows = await db.ActivityEntries.Where(e => e.ImportId == importId).ToListAsync(cancel);
        import.Undo(rows, undoneBy, clock.GetUtcNow());
        // Only unbilled rows are deleted. A row billed, or the import undone by someone else, since the rows were
        // read changes the count, and then nothing is undone.
        var deleted = await db.ActivityEntries.Where(e => e.ImportId == importId && e.BilledOnInvoice == null).ExecuteDeleteAsync(cancel);
        if (deleted != rows.Count)
            throw new DomainException($"The import of {import.FileName} changed while it was being undone. Nothing was undone; try again.");
        // A bulk delete the change tracker does not see: its own entry (the import's "undone" is recorded by the save).
        db.AddAuditEntry(AuditAction.Deleted, AuditRecordNames.Activity, $"import {import.Id}", import.PartnershipId, null,
            $"{deleted:N0} activity record{(deleted == 1 ? "" : "s")} imported from {import.FileName} removed: the import was undone",
            new Dictionary<string, string?> { ["File"] = import.FileName, ["Rows"] = deleted.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) });
        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
    }
}

/// <summary>One import in the history, with how many of its rows have been billed (which stops it being undone).</summary>
public sealed record ActivityImportEntry(ActivityImport Import, int BilledRows)
{
    public bool CanUndo => !Import.IsUndone && BilledRows == 0;
}
