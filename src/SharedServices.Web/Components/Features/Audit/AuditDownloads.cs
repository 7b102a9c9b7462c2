using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using SharedServices.Core.Audit;
using SharedServices.Domain;
using SharedServices.Web.Components.Features.KeyDates;

namespace SharedServices.Web.Components.Features.Audit;

/// <summary>
/// The audit trail as an Excel workbook, for the same filters as the page (the link follows them). Only signed-in
/// people may download it, and each sees only the entries their organisation may (the trail's own filter); a
/// partnership they cannot see answers 404. A bad parameter is named, never echoed.
/// </summary>
public static class AuditDownloads
{
    public const string ExportPath = "/audit/export.xlsx";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The export link for <paramref name="filter"/>: only the filters set are in the address.</summary>
    public static string Link(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(filter.PartnershipCode)) query.Add("partnership", filter.PartnershipCode);
        if (!string.IsNullOrWhiteSpace(filter.Kind)) query.Add("kind", filter.Kind);
        if (filter.Action is { } action) query.Add("action", action.ToString());
        if (!string.IsNullOrWhiteSpace(filter.Who)) query.Add("who", filter.Who);
        if (filter.From is { } from) query.Add("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (filter.To is { } to) query.Add("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(filter.Text)) query.Add("text", filter.Text);
        return ExportPath + query.ToQueryString();
    }

    /// <summary>"audit-trail-2026-11-30.xlsx", or "audit-trail-iwc-hcc-buy-back-2026-11-30.xlsx" for one partnership.</summary>
    public static string FileName(string? partnershipCode, DateOnly today) =>
        $"audit-trail-{(string.IsNullOrWhiteSpace(partnershipCode) ? "" : partnershipCode.Trim() + "-")}{today:yyyy-MM-dd}.xlsx";

    /// <summary>Maps <see cref="ExportPath"/>. Program.cs calls this once, after authorisation is set up.</summary>
    public static IEndpointConventionBuilder MapAuditDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet(ExportPath, async (HttpContext http, AuditTrail trail, TimeProvider clock, CancellationToken cancel) =>
        {
            var query = http.Request.Query;
            var problems = new List<string>();
            AuditAction? action = null;
            if (!string.IsNullOrWhiteSpace(query["action"]))
            {
                if (Enum.TryParse<AuditAction>(query["action"], ignoreCase: true, out var a) && Enum.IsDefined(a) && !int.TryParse(query["action"], out _)) action = a;
                else problems.Add($"action must be one of {string.Join(", ", Enum.GetNames<AuditAction>())}.");
            }
            var from = Date(query["from"], "from", problems);
            var to = Date(query["to"], "to", problems);
            foreach (var name in new[] { "partnership", "kind", "who", "text" })
                if (query[name].ToString().Length > AuditTrail.MaxTextLength) problems.Add($"{name} must be at most {AuditTrail.MaxTextLength} characters.");
            if (problems.Count > 0) return BadRequest(problems);
            var filter = new AuditFilter(Blank(query["partnership"]), Blank(query["kind"]), Blank(query["who"]), action, from, to, Blank(query["text"]));
            if (filter.PartnershipCode is { } code && !await trail.SeesPartnershipAsync(code, cancel))
                return Results.NotFound("There is no partnership with that code.");
            // Streamed to a temporary file, then sent (see InvoiceDownloads: SpreadCheetah ends each part with a
            // synchronous write, which Kestrel refuses on the response itself).
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await trail.WriteWorkbookAsync(filter, file, cancel);
            }
            catch (DomainException ex)
            {
                await file.DisposeAsync();
                // The Core's own words ("Date to: must be on or after the date from."), which hold nothing from the link.
                return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: 400);
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
            file.Position = 0;
            return Results.File(file, ContentType, FileName(filter.PartnershipCode, DateOnly.FromDateTime(Domain.Dates.UkTime.FromUtc(clock.GetUtcNow().UtcDateTime))));
        }).RequireAuthorization();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? Date(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (KeyDateDownloads.TryDate(text, out var date)) return date;
        problems.Add($"{name} must be a date from 1900 to 2999 written like 2026-11-23.");
        return null;
    }

    private static IResult BadRequest(List<string> problems) =>
        Results.Text(string.Join(Environment.NewLine, problems), "text/plain; charset=utf-8", statusCode: 400);
}
