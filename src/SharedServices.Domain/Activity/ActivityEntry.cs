using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Activity;

/// <summary>
/// One record of work delivered under a traded service, entered by hand or imported from a file. Once an invoice
/// has billed it, it is locked: it shows that invoice and can be neither corrected nor deleted, because the
/// invoice that charged for it never changes either. A mistake in billed activity is put right by a credit note.
/// </summary>
public sealed class ActivityEntry
{
    private ActivityEntry()
    {
        EnteredBy = null!;
        Details = null!;
    }

    public ActivityEntry(int tradedServiceId, ActivityDetails details, string enteredBy, DateTimeOffset enteredAt,
        int? importId = null, bool isIllustrative = false, int? importRow = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(enteredBy);
        TradedServiceId = tradedServiceId;
        Details = details;
        EnteredBy = enteredBy.Trim();
        EnteredAtUtc = enteredAt.UtcDateTime;
        ImportId = importId;
        ImportRow = importId is null ? null : importRow;
        IsIllustrative = isIllustrative;
    }

    public int Id { get; private set; }
    public int TradedServiceId { get; private set; }
    public ActivityDetails Details { get; private set; }

    /// <summary>Who entered or imported it (or last corrected it), and when, in UTC: shown in UK time.</summary>
    public string EnteredBy { get; private set; }
    public DateTime EnteredAtUtc { get; private set; }

    /// <summary>The import that brought it in, or null when it was entered by hand.</summary>
    public int? ImportId { get; private set; }

    /// <summary>The row of the import's file it came from, numbered as the spreadsheet numbers it (the header is row 1).</summary>
    public int? ImportRow { get; private set; }

    /// <summary>Made up for the seed partnerships to show the product working; no council recorded it.</summary>
    public bool IsIllustrative { get; private set; }

    /// <summary>The number of the invoice that billed it; null while it is unbilled.</summary>
    public string? BilledOnInvoice { get; private set; }

    /// <summary>The issued invoice line that billed it; null while it is unbilled.</summary>
    public int? BilledOnLineId { get; private set; }

    public bool IsBilled => BilledOnInvoice is not null;

    /// <summary>What makes two records the same work recorded twice: the service, dates, quantity or cost, and reference.</summary>
    public ActivityDuplicateKey DuplicateKey => ActivityDuplicateKey.For(TradedServiceId, Details);

    public void Correct(ActivityDetails details, string correctedBy, DateTimeOffset correctedAt)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(correctedBy);
        EnsureUnbilled("corrected");
        Details = details;
        EnteredBy = correctedBy.Trim();
        EnteredAtUtc = correctedAt.UtcDateTime;
    }

    /// <summary>Refuses when the entry has been billed; call before deleting it.</summary>
    public void EnsureCanDelete() => EnsureUnbilled("deleted");

    /// <summary>Locks the entry to the invoice (and line) that billed it.</summary>
    public void MarkBilled(string invoiceNumber, int? lineId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceNumber);
        EnsureUnbilled("billed again");
        BilledOnInvoice = invoiceNumber;
        BilledOnLineId = lineId;
    }

    private void EnsureUnbilled(string action)
    {
        if (BilledOnInvoice is { } invoice)
            throw new DomainException(
                $"The activity of {DateText.Long(Details.From)} was billed on invoice {invoice}, so it cannot be {action}. Correct it with a credit note.");
    }
}

/// <summary>
/// The fields that identify the same work recorded twice: service, dates, quantity (or actual cost) and reference.
/// The reference is compared ignoring case and surrounding spaces, as an officer would read it.
/// </summary>
public readonly record struct ActivityDuplicateKey(int TradedServiceId, DateOnly From, DateOnly To, decimal? Quantity, long? CostPence, string Reference)
{
    public static ActivityDuplicateKey For(int tradedServiceId, ActivityDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        // 2.50 and 2.5 days are the same quantity; decimal keeps the trailing zero, so normalise it.
        var quantity = details.Quantity is { } q ? q / 1.000000000000000000000000000000000m : (decimal?)null;
        return new(tradedServiceId, details.From, details.To, quantity, details.ActualCost?.Pence,
            (details.Reference ?? "").Trim().ToUpperInvariant());
    }
}
