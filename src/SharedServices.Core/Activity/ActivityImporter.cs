using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Audit;
using SharedServices.Core.Activity.Import;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Activity;

/// <summary>
/// Imports a file of activity into a partnership, all or nothing. Every row is checked (its own content, its
/// service's dates and unit) and every problem reported by row and column; rows are written as they are read inside
/// one transaction, which is committed only when the whole file is good, so a bad row, a refused file, a cancel or a
/// crash leaves nothing saved. The same file imported twice, and the same work recorded twice (within the file or
/// already in the partnership), are reported and never counted twice.
/// </summary>
public sealed class ActivityImporter(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock, ImportLimits? limits = null)
{
    private readonly ActivityFileReader _reader = new(limits);

    public ImportLimits Limits => _reader.Limits;

    public async Task<ActivityImportOutcome> ImportAsync(string partnershipCode, Stream file, string fileName, string importedBy,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(importedBy);
        if (!file.CanSeek)
        {
            try
            {
                await using var copy = await _reader.CopyToTemporaryFileAsync(file, fileName, cancel);
                return await ImportAsync(partnershipCode, copy, fileName, importedBy, progress, cancel);
            }
            catch (ActivityFileRefusedException refused)
            {
                return ActivityImportOutcome.Refused(fileName, refused.Message);
            }
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var services = await ActivityServices.LoadAsync(db, partnershipCode, cancel);
        string hash;
        try
        {
            hash = await _reader.HashAsync(file, fileName, cancel);
        }
        catch (ActivityFileRefusedException refused)
        {
            return ActivityImportOutcome.Refused(fileName, refused.Message);
        }
        if (await PreviousImportAsync(db, services.PartnershipId, hash, cancel) is { } previous)
            return ActivityImportOutcome.Refused(fileName, AlreadyImported(previous));

        var seen = await RecordedAsync(db, services, cancel);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var import = new ActivityImport(services.PartnershipId, fileName, hash, 0, importedBy, clock.GetUtcNow());
        db.ActivityImports.Add(import);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same file, imported by someone else in the moment since the check above.
            return ActivityImportOutcome.Refused(fileName, $"\"{fileName}\" has just been imported by someone else. Nothing was saved.");
        }

        var validator = new ActivityRowValidator(services);
        var problems = new List<ActivityImportProblem>();
        var notListed = 0;
        ActivityFileReport report;
        var writtenRows = 0;
        await using (var writer = await ActivityBulkWriter.StartAsync(db, cancel))
        {
            try
            {
                var summary = await _reader.ReadAsync(file, fileName, hash, async (row, token) =>
                {
                    var found = validator.Problems(row);
                    if (found.Count == 0)
                    {
                        var (entry, key) = ToEntry(row, services, import, importedBy);
                        if (seen.Check(key, row.RowNumber) is { } duplicate)
                            found = [new ActivityImportProblem(row.RowNumber, ActivityColumns.Reference, duplicate)];
                        else if (problems.Count == 0 && notListed == 0)
                            // Once any row is bad nothing will be saved, so the rest are only checked.
                            await writer.WriteAsync(entry, token);
                    }
                    if (found.Count == 0) return;
                    var room = Math.Max(0, ActivityFileCheck.MaxListed - problems.Count);
                    problems.AddRange(found.Take(room));
                    notListed += Math.Max(0, found.Count - room);
                }, progress, cancel);
                report = new ActivityFileReport(summary, problems, notListed);
            }
            catch (ActivityFileRefusedException refused)
            {
                return ActivityImportOutcome.Refused(fileName, refused.Message);
            }
            if (!report.IsValid) return new ActivityImportOutcome(fileName, report, null, null);
            if (report.Summary.RowCount == 0)
                return ActivityImportOutcome.Refused(fileName, $"\"{fileName}\" has a header row but no activity rows. Nothing was saved.");
            await writer.CompleteAsync(cancel);
            writtenRows = writer.Written;
        }

        // The import's row count is what was written, set now that every row is in.
        await db.ActivityImports.Where(i => i.Id == import.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RowCount, report.Summary.RowCount), cancel);
        // The rows went in by the bulk writer and the count by a bulk update, neither seen by the change tracker
        // (the import itself was, when it was added): one entry for the file's rows, in the same transaction.
        db.AddAuditEntry(AuditAction.Created, AuditRecordNames.Activity, $"import {import.Id}", services.PartnershipId, null,
            $"{writtenRows:N0} activity record{(writtenRows == 1 ? "" : "s")} imported from {fileName}",
            after: new Dictionary<string, string?> { ["File"] = fileName, ["Rows"] = writtenRows.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), ["ImportedBy"] = importedBy });
        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
        db.Entry(import).Reload();
        return new ActivityImportOutcome(fileName, report, import, null);
    }

    private static async Task<ActivityImport?> PreviousImportAsync(SharedServicesDbContext db, int partnershipId, string hash, CancellationToken cancel) =>
        await db.ActivityImports.AsNoTracking()
            .FirstOrDefaultAsync(i => i.PartnershipId == partnershipId && i.ContentHash == hash && i.UndoneAtUtc == null, cancel);

    private static string AlreadyImported(ActivityImport previous) =>
        $"This file was already imported on {DateText.Long(DateOnly.FromDateTime(previous.ImportedAtUtc))} by {previous.ImportedBy} " +
        $"({previous.RowCount:N0} rows, as \"{previous.FileName}\"). Nothing was saved. To import it again, undo that import first.";

    /// <summary>A row that passed validation, as the entry it will be saved as, with its duplicate key.</summary>
    private static (ActivityEntry Entry, ActivityDuplicateKey Key) ToEntry(ActivityImportRow row, ActivityServices services, ActivityImport import, string by)
    {
        var service = services.FindService(row.Service)!;
        ImportValues.TryDate(row.Date, out var date);
        decimal? quantity = ImportValues.TryNumber(row.Quantity, out var q) ? q : null;
        Money? cost = ImportValues.TryPounds(row.ActualCost, out var pounds) ? Money.FromPounds(pounds) : null;
        var details = new ActivityDetails(date, date, quantity, quantity is null ? null : row.Unit, cost, row.Description, row.Reference);
        var entry = new ActivityEntry(service.Id, details, by, import.ImportedAtUtc, import.Id, importRow: row.RowNumber);
        return (entry, entry.DuplicateKey);
    }

    private static async Task<SeenActivity> RecordedAsync(SharedServicesDbContext db, ActivityServices services, CancellationToken cancel)
    {
        var ids = services.Services.Select(s => s.Id).ToList();
        var seen = new SeenActivity(services);
        // Only what makes two records the same work, not whole entries.
        var recorded = db.ActivityEntries.AsNoTracking().Where(e => ids.Contains(e.TradedServiceId)).Select(e => new { e.TradedServiceId, e.Details });
        await foreach (var entry in recorded.AsAsyncEnumerable().WithCancellation(cancel))
            seen.AddRecorded(ActivityDuplicateKey.For(entry.TradedServiceId, entry.Details));
        return seen;
    }

    /// <summary>
    /// The work already seen, by a 128-bit digest of each duplicate key, so that 200,000 rows cost a few megabytes.
    /// Each digest maps to the file row that first had it, or 0 for work recorded before this import.
    /// </summary>
    private sealed class SeenActivity(ActivityServices services)
    {
        private readonly Dictionary<UInt128, int> _rows = [];

        public void AddRecorded(ActivityDuplicateKey key) => _rows.TryAdd(Digest(key), 0);

        /// <summary>Null when the work is new (and now seen); otherwise why it is a duplicate.</summary>
        public string? Check(ActivityDuplicateKey key, int row)
        {
            var digest = Digest(key);
            if (!_rows.TryGetValue(digest, out var first))
            {
                _rows.Add(digest, row);
                return null;
            }
            var what = $"{services.FindService(key.TradedServiceId)?.Name} on {DateText.Long(key.From)}";
            return first == 0
                ? $"Reference: the same work ({what}, same quantity and reference) is already recorded for this partnership, so it would be counted twice."
                : $"Reference: the same work ({what}, same quantity and reference) as row {first:N0}, so it would be counted twice.";
        }

        private static UInt128 Digest(ActivityDuplicateKey key)
        {
            var text = $"{key.TradedServiceId}|{key.From:yyyy-MM-dd}|{key.To:yyyy-MM-dd}|{key.Quantity}|{key.CostPence}|{key.Reference}";
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
            return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
        }
    }
}

/// <summary>
/// What an import did: the file's report (every problem by row and column), the import saved (null when nothing was),
/// or why the whole file was refused.
/// </summary>
public sealed record ActivityImportOutcome(string FileName, ActivityFileReport? Report, ActivityImport? Import, string? Refusal)
{
    public bool Saved => Import is not null;

    public static ActivityImportOutcome Refused(string fileName, string reason) => new(fileName, null, null, reason);
}
