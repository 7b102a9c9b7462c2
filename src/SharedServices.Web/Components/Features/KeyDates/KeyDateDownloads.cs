using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using SharedServices.Core;
using SharedServices.Core.Access;
using SharedServices.Core.KeyDates;
using SharedServices.Domain;

namespace SharedServices.Web.Components.Features.KeyDates;

/// <summary>
/// The key dates as files: an iCalendar file for a signed-in person, the same as a personal feed that Outlook or
/// Google can subscribe to without signing in, and an Excel register. All take the same <c>asOf</c> (yyyy-mm-dd,
/// default today) and <c>within</c> (days, default 365) as the page.
/// </summary>
public static class KeyDateDownloads
{
    public const string CalendarPath = "/key-dates/calendar.ics";
    public const string WorkbookPath = "/key-dates/workbook.xlsx";

    /// <summary>A person's secret feed address, for calendar programs that fetch it unattended and so cannot sign in.</summary>
    public const string FeedPathTemplate = "/key-dates/feed/{token}.ics";

    public static string FeedPath(string token) => $"/key-dates/feed/{token}.ics";

    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The signed-in downloads: the signed-in person's browser may keep a copy, no shared cache may (they are one
    /// council's data), and the copy is checked with the server before each use (it changes with any edit), which
    /// costs a 304 and no building while it is current.
    /// </summary>
    public const string SignedInCacheControl = "private, no-cache";

    public static void MapKeyDateDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(CalendarPath, (string? asOf, string? within, KeyDateFiles files, TimeProvider clock, HttpContext context, CancellationToken cancel) =>
        {
            context.Response.Headers.CacheControl = SignedInCacheControl;
            return SendAsync(KeyDateFileKind.Calendar, asOf, within, files, clock, context, cancel);
        });
        // Open to anyone holding the address: the token stands in for signing in, and the feed then works for its
        // owner alone, so it shows only their organisation's partnerships, as the signed-in download would.
        app.MapGet(FeedPathTemplate, async (string token, string? asOf, string? within, UserAccounts accounts, KeyDateFiles files,
            TimeProvider clock, ILoggerFactory logs, HttpContext context, CancellationToken cancel) =>
        {
            // The address is a secret: no one keeps a copy of what it answers, and search engines leave it alone.
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["X-Robots-Tag"] = "noindex";
            if (await accounts.CallerForCalendarFeedAsync(token, cancel) is not { } caller)
            {
                // Never the token itself in the log: a log reader must not be able to read the feed.
                logs.CreateLogger(typeof(KeyDateDownloads)).LogWarning(
                    "Calendar feed refused to {Client}: unknown, revoked or malformed address, or a disabled account", context.Connection.RemoteIpAddress);
                // An empty 404, not the not-found page: the same answer whatever was wrong, with nothing to learn from.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                return Results.NotFound();
            }
            // Built, kept and versioned as its owner's organisation sees the key dates, whoever fetches it.
            using (CallerContext.Use(caller))
                return await SendAsync(KeyDateFileKind.Calendar, asOf, within, files, clock, context, cancel);
        }).AllowAnonymous();
        app.MapGet(WorkbookPath, (string? asOf, string? within, KeyDateFiles files, TimeProvider clock, HttpContext context, CancellationToken cancel) =>
        {
            context.Response.Headers.CacheControl = SignedInCacheControl;
            return SendAsync(KeyDateFileKind.Workbook, asOf, within, files, clock, context, cancel);
        });
    }

    /// <summary>
    /// The file, or 304 when the asker's copy (If-None-Match) is the current version: then nothing is built and
    /// nothing but the change stamps is read. The version goes out as the ETag. It is weak (W/) because two builds of
    /// one version differ in when they were made (the calendar's DTSTAMP, the workbook's zip times) though not in
    /// anything they show; If-None-Match compares weakly, so the 304 works the same, and no byte ranges are served.
    /// </summary>
    private static async Task<IResult> SendAsync(KeyDateFileKind kind, string? asOf, string? within, KeyDateFiles files, TimeProvider clock,
        HttpContext context, CancellationToken cancel)
    {
        if (Read(asOf, within, clock) is not ({ } from, { } days)) return BadRequest(asOf, within);
        var held = context.Request.GetTypedHeaders().IfNoneMatch;
        var file = await files.GetAsync(kind, from, days, version => Holds(held, version), cancel);
        if (file.Version is { } version) context.Response.Headers.ETag = TagOf(version).ToString();
        if (file.Content is not { } content) return Results.StatusCode(StatusCodes.Status304NotModified);
        return kind == KeyDateFileKind.Calendar
            ? Results.Bytes(content, "text/calendar; charset=utf-8")
            : Results.File(content, WorkbookContentType, $"key-dates-{from:yyyy-MM-dd}-{days}-days.xlsx");
    }

    private static EntityTagHeaderValue TagOf(string version) => new($"\"{version}\"", isWeak: true);

    /// <summary>Whether the If-None-Match list names this version (or is "*", any version).</summary>
    private static bool Holds(IList<EntityTagHeaderValue> held, string version) =>
        held.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(TagOf(version), useStrongComparison: false));

    /// <summary>The address of a download for the page's current choices.</summary>
    public static string Link(string path, DateOnly asOf, int within) =>
        $"{path}?asOf={asOf:yyyy-MM-dd}&within={within}";

    private static (DateOnly?, int?) Read(string? asOf, string? within, TimeProvider clock)
    {
        DateOnly? from = string.IsNullOrWhiteSpace(asOf) ? clock.Today()
            : TryDate(asOf, out var d) ? d : null;
        int? days = string.IsNullOrWhiteSpace(within) ? 365
            : TryDays(within, out var n) ? n : null;
        return (from, days);
    }

    private static bool TryDays(string text, out int days) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= UpcomingDates.MaxDays;

    /// <summary>An ISO date in a plausible year: the page and both downloads accept the same.</summary>
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 1900 and <= 2999;

    // Names the parameter and never echoes its value: the value comes from whoever wrote the link, and echoing it
    // would let a crafted link put their text (or markup, if something sniffed the type) in front of the user.
    private static IResult BadRequest(string? asOf, string? within)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(asOf) && !TryDate(asOf, out _))
            problems.Add("asOf must be a date from 1900 to 2999 written like 2026-11-23.");
        if (!string.IsNullOrWhiteSpace(within) && !TryDays(within, out _))
            problems.Add($"within must be a whole number of days from 1 to {UpcomingDates.MaxDays:N0}.");
        return Results.Text(string.Join(Environment.NewLine, problems), "text/plain; charset=utf-8", statusCode: 400);
    }
}
