namespace SharedServices.Domain.Activity;

/// <summary>
/// One file of activity imported into a partnership: its name, content hash (to catch the same file imported twice),
/// how many rows it brought in, who imported it and when. An import whose rows are all unbilled can be undone,
/// which removes its rows and keeps this record, marked undone, in the history.
/// </summary>
public sealed class ActivityImport
{
    public const int MaxFileNameLength = 260;

    private ActivityImport()
    {
        FileName = null!;
        ContentHash = null!;
        ImportedBy = null!;
    }

    public ActivityImport(int partnershipId, string fileName, string contentHash, int rowCount, string importedBy, DateTimeOffset importedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(importedBy);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        PartnershipId = partnershipId;
        // The name alone, whether the path came from Windows or not: the history shows no officer's folders.
        var name = fileName.Trim().Split('/', '\\')[^1].Trim();
        if (name.Length == 0) throw new ArgumentException($"\"{fileName}\" names a folder, not a file.", nameof(fileName));
        FileName = name.Length > MaxFileNameLength ? name[..MaxFileNameLength] : name;
        ContentHash = contentHash;
        RowCount = rowCount;
        ImportedBy = importedBy.Trim();
        ImportedAtUtc = importedAt.UtcDateTime;
    }

    public int Id { get; private set; }
    public int PartnershipId { get; private set; }
    public string FileName { get; private set; }

    /// <summary>The SHA-256 of the file's bytes, in lower-case hex.</summary>
    public string ContentHash { get; private set; }
    public int RowCount { get; private set; }
    public string ImportedBy { get; private set; }
    public DateTime ImportedAtUtc { get; private set; }
    public string? UndoneBy { get; private set; }
    public DateTime? UndoneAtUtc { get; private set; }

    public bool IsUndone => UndoneAtUtc is not null;

    /// <summary>Marks the import undone; the caller removes its rows in the same save.</summary>
    public void Undo(IReadOnlyCollection<ActivityEntry> rows, string undoneBy, DateTimeOffset undoneAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(undoneBy);
        if (IsUndone)
            throw new DomainException($"The import of {FileName} has already been undone.");
        var billed = rows.Where(r => r.IsBilled).Select(r => r.BilledOnInvoice).Distinct().ToList();
        if (billed.Count > 0)
            throw new DomainException(
                $"The import of {FileName} cannot be undone: some of its rows are billed on invoice {string.Join(", ", billed)}.");
        UndoneBy = undoneBy.Trim();
        UndoneAtUtc = undoneAt.UtcDateTime;
    }
}
