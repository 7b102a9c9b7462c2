using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain;

namespace SharedServices.Core.Audit;

/// <summary>
/// What the trail is filtered by. Dates are UK calendar dates, both inclusive; text is looked for in the summary,
/// the record's key, who did it and the values before and after. Every filter is optional.
/// </summary>
public sealed record AuditFilter(
    string? PartnershipCode = null, string? Kind = null, string? Who = null, AuditAction? Action = null,
    DateOnly? From = null, DateOnly? To = null, string? Text = null);

/// <summary>One entry as the trail shows it, with its partnership's code and name where it has one the caller can see.</summary>
public sealed record AuditRow(
    long Id, DateTime AtUtc, string Who, AuditAction Action, string Kind, string Key, string? PartnershipCode, string? PartnershipName,
    string Summary, string? BeforeJson, string? AfterJson);

/// <summary>One page of the trail, newest first, and how many entries match in all.</summary>
public sealed record AuditEntriesPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The audit trail: browsed across everything the caller may see (the organisation filter on the entries does the
/// scoping) or for one partnership; events that are not changes to a record (sign-ins, refusals) recorded; and the
/// filtered trail written to Excel. Nothing here changes or deletes an entry: the trail is append-only.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<SharedServicesDbContext> contextFactory)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxTextLength = 200;

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public async Task<AuditEntriesPage> BrowseAsync(AuditFilter filter, int page = 1, int pageSize = DefaultPageSize, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var query = await FilteredAsync(db, filter, cancel);
        var total = await query.CountAsync(cancel);
        var rows = await Rows(db, query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancel);
        return new AuditEntriesPage(rows, total, page, pageSize);
    }

    /// <summary>Whether the caller may see the partnership with <paramref name="code"/> (another council's answers "not found").</summary>
    public async Task<bool> SeesPartnershipAsync(string code, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return await db.Partnerships.AnyAsync(p => p.Code == code, cancel);
    }

    /// <summary>Every matching entry, newest first, read as it is written out (for the Excel export).</summary>
    public async IAsyncEnumerable<AuditRow> AllAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var query = await FilteredAsync(db, filter, cancel);
        await foreach (var row in Rows(db, query).AsAsyncEnumerable().WithCancellation(cancel)) yield return row;
    }

    /// <summary>Writes the filtered trail as an Excel workbook to <paramref name="output"/>; returns how many entries it has.</summary>
    public Task<int> WriteWorkbookAsync(AuditFilter filter, Stream output, CancellationToken cancel = default) =>
        AuditWorkbook.WriteAsync(AllAsync(filter, cancel), output, Describe(filter), cancel);

    /// <summary>
    /// Records an event that is not a change to a record: a sign-in, a failed sign-in, a refused request, a sign-out.
    /// <paramref name="who"/> defaults to the caller (for a failed sign-in, pass the e-mail given); pass the account's
    /// <paramref name="organisationId"/> where it is known, so that the organisation's administrators see the event.
    /// </summary>
    public async Task RecordEventAsync(AuditAction action, string summary, string? who = null, string? userId = null, int? organisationId = null,
        CancellationToken cancel = default)
    {
        if (action is AuditAction.Created or AuditAction.Updated or AuditAction.Deleted)
            throw new ArgumentException("Changes to records are recorded by the save itself; this is for sign-in events.", nameof(action));
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        db.AuditEntries.Add(new AuditEntry(DateTime.UtcNow, who ?? db.Caller.Name, userId ?? db.Caller.UserId, action, AuditRecordNames.SignIn,
            userId ?? db.Caller.UserId ?? "", null, organisationId ?? db.Caller.OrganisationId, summary, null, null));
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>"Audit trail of IW-LEGAL: Invoice, 1 April 2026 to 30 April 2026" — what the export covers.</summary>
    public static string Describe(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parts = new List<string>();
        if (filter.Kind is { Length: > 0 } kind) parts.Add(kind);
        if (filter.Action is { } action) parts.Add(AuditText.Action(action));
        if (filter.Who is { Length: > 0 } who) parts.Add($"by \"{who}\"");
        if (filter.From is { } from) parts.Add($"from {Domain.Dates.DateText.Long(from)}");
        if (filter.To is { } to) parts.Add($"to {Domain.Dates.DateText.Long(to)}");
        if (filter.Text is { Length: > 0 } text) parts.Add($"containing \"{text}\"");
        var title = filter.PartnershipCode is { Length: > 0 } code ? $"Audit trail of {code}" : "Audit trail";
        return parts.Count == 0 ? title : $"{title}: {string.Join(", ", parts)}";
    }

    /// <summary>The entries matching <paramref name="filter"/>, newest first. A partnership the caller cannot see is "not found".</summary>
    private static async Task<IQueryable<AuditEntry>> FilteredAsync(SharedServicesDbContext db, AuditFilter filter, CancellationToken cancel)
    {
        if (filter.From is { } f && filter.To is { } t && f > t) throw new DomainException("Date to: must be on or after the date from.");
        if (filter.Text?.Length > MaxTextLength || filter.Who?.Length > MaxTextLength) throw new DomainException($"Search text: keep it to {MaxTextLength} characters.");
        IQueryable<AuditEntry> query = db.AuditEntries.AsNoTracking();
        if (filter.PartnershipCode is { Length: > 0 } code)
        {
            var id = await db.Partnerships.Where(p => p.Code == code).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancel)
                     ?? throw new DomainException($"No partnership has the code \"{code}\".");
            query = query.Where(a => a.PartnershipId == id);
        }
        if (filter.Kind is { Length: > 0 } kind) query = query.Where(a => a.EntityType == kind);
        if (filter.Action is { } action) query = query.Where(a => a.Action == action);
        if (filter.Who?.Trim() is { Length: > 0 } who)
        {
            var lower = who.ToLowerInvariant();
            query = query.Where(a => a.Who.ToLower().Contains(lower));
        }
        if (filter.From is { } from)
        {
            var start = StartOfUkDay(from);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = StartOfUkDay(to.AddDays(1));
            query = query.Where(a => a.AtUtc < end);
        }
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(a => a.Summary.ToLower().Contains(lower) || a.EntityKey.ToLower().Contains(lower) || a.Who.ToLower().Contains(lower)
                                     || (a.BeforeJson != null && a.BeforeJson.ToLower().Contains(lower)) || (a.AfterJson != null && a.AfterJson.ToLower().Contains(lower)));
        }
        return query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id);
    }

    private static IQueryable<AuditRow> Rows(SharedServicesDbContext db, IQueryable<AuditEntry> query) =>
        query.Select(a => new AuditRow(a.Id, a.AtUtc, a.Who, a.Action, a.EntityType, a.EntityKey,
            db.Partnerships.Where(p => p.Id == a.PartnershipId).Select(p => p.Code).FirstOrDefault(),
            db.Partnerships.Where(p => p.Id == a.PartnershipId).Select(p => p.Name).FirstOrDefault(),
            a.Summary, a.BeforeJson, a.AfterJson));

    /// <summary>Midnight at the start of a UK calendar day, in UTC (an hour earlier in summer time).</summary>
    public static DateTime StartOfUkDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), London);
}

/// <summary>How actions and values read on the pages and in the workbook.</summary>
public static class AuditText
{
    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Created => "Created",
        AuditAction.Updated => "Changed",
        AuditAction.Deleted => "Deleted",
        AuditAction.SignedIn => "Signed in",
        AuditAction.SignInFailed => "Sign-in failed",
        AuditAction.AccessRefused => "Access refused",
        AuditAction.SignedOut => "Signed out",
        _ => action.ToString(),
    };

    /// <summary>"Name: Old name; Term.EndDate: 31 March 2027" — a before or after as one line.</summary>
    public static string Values(string? json) =>
        string.Join("; ", AuditJson.Read(json).Select(v => $"{v.Key}: {v.Value ?? "(blank)"}"));
}
