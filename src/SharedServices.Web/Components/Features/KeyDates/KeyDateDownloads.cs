using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
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

    public static void MapKeyDateDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(CalendarPath, (string? asOf, string? within, UpcomingDates upcoming, TimeProvider clock, CancellationToken cancel) =>
            CalendarAsync(asOf, within, upcoming, clock, cancel));
        // Open to anyone holding the address: the token stands in for signing in, and the feed then works for its
        // owner alone, so it shows only their organisation's partnerships, as the signed-in download would.
        app.MapGet(FeedPathTemplate, async (string token, string? asOf, string? within, UserAccounts accounts, UpcomingDates upcoming,
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
            using (CallerContext.Use(caller))
                return await CalendarAsync(asOf, within, upcoming, clock, cancel);
        }).AllowAnonymous();
        app.MapGet(WorkbookPath, async (string? asOf, string? within, UpcomingDates upcoming, TimeProvider clock, CancellationToken cancel) =>
        {
            if (Read(asOf, within, clock) is not ({ } from, { } days)) return BadRequest(asOf, within);
            var result = await upcoming.LoadAsync(from, days, cancel);
            var stream = new MemoryStream();
            KeyDateWorkbook.Write(result.Dates, from, days, stream);
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"key-dates-{from:yyyy-MM-dd}-{days}-days.xlsx");
        });
    }

    private static async Task<IResult> CalendarAsync(string? asOf, string? within, UpcomingDates upcoming, TimeProvider clock, CancellationToken cancel)
    {
        if (Read(asOf, within, clock) is not ({ } from, { } days)) return BadRequest(asOf, within);
        var result = await upcoming.LoadAsync(from, days, cancel);
        var text = KeyDateCalendar.Write(result.Dates, "SharedServices key dates", clock.GetUtcNow());
        return Results.Text(text, "text/calendar; charset=utf-8");
    }

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
