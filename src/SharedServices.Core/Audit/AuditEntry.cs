namespace SharedServices.Core.Audit;

/// <summary>What happened: a record created, changed or deleted, or a sign-in event.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    SignedIn,
    SignInFailed,
    AccessRefused,
    SignedOut,
}

/// <summary>
/// One line of the audit trail: who did what to which record, when, and the values before and after. Written in the
/// same transaction as the change it describes (see <c>SharedServicesDbContext.Audit.cs</c>), never changed or
/// deleted afterwards: the database refuses both (see <c>AuditTriggers</c>).
/// </summary>
public sealed class AuditEntry
{
    public const int MaxWhoLength = 300;
    public const int MaxEntityTypeLength = 60;
    public const int MaxEntityKeyLength = 200;
    public const int MaxSummaryLength = 2000;

    /// <summary>Entity types whose entries everyone may read: reference data shared by every organisation.</summary>
    public static readonly string[] ReferenceDataTypes = [AuditRecordNames.BankHoliday, AuditRecordNames.VatRate, AuditRecordNames.Role, AuditRecordNames.SeedData];

    public AuditEntry(DateTime atUtc, string who, string? userId, AuditAction action, string entityType, string entityKey,
        int? partnershipId, int? organisationId, string summary, string? beforeJson, string? afterJson)
    {
        AtUtc = atUtc;
        Who = Clip(who, MaxWhoLength);
        UserId = userId;
        Action = action;
        EntityType = Clip(entityType, MaxEntityTypeLength);
        EntityKey = Clip(entityKey, MaxEntityKeyLength);
        PartnershipId = partnershipId;
        OrganisationId = organisationId;
        Summary = Clip(summary, MaxSummaryLength);
        BeforeJson = beforeJson;
        AfterJson = afterJson;
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The caller's name as it was then ("Jane Smith (jane@iow.gov.uk)", "Command line (jsmith)").</summary>
    public string Who { get; private set; }

    public string? UserId { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The kind of record, as a finance officer names it ("Partnership", "Invoice", "Payment"); see <see cref="AuditRecordNames"/>.</summary>
    public string EntityType { get; private set; }

    /// <summary>The record's key (its id, or a bank holiday's date), so all entries of one record can be found.</summary>
    public string EntityKey { get; private set; }

    /// <summary>The partnership the record belongs to, so the trail can be browsed per partnership; null for reference data.</summary>
    public int? PartnershipId { get; private set; }

    /// <summary>The organisation the record belongs to where it is not a partnership's (a user, an organisation, a recharge run).</summary>
    public int? OrganisationId { get; private set; }

    /// <summary>One line in plain words ("Updated partnership IW-LEGAL: Name, Term end date").</summary>
    public string Summary { get; private set; }

    /// <summary>The changed values before, as a JSON object of field name to shown value; null for a creation or an event.</summary>
    public string? BeforeJson { get; private set; }

    /// <summary>The changed values after, as <see cref="BeforeJson"/>; null for a deletion or an event.</summary>
    public string? AfterJson { get; private set; }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
