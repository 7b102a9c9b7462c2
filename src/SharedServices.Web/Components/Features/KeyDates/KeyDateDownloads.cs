using System.Globalization;
using SharedServices.Core;
using SharedServices.Core.KeyDates;
using SharedServices.Domain;

namespace SharedServices.Web.Components.Features.KeyDates;

/// <summary>
/// The key dates as files: an iCalendar feed Outlook can subscribe to, and an Excel register. Both take the same
/// <c>asOf</c> (yyyy-mm-dd, default today) and <c>within</c> (days, default 365) as the page.
/// </summary>
public static class KeyDateDownloads
{
    public const string CalendarPath = "/key-dates/calendar.ics";
    public const string WorkbookPath = "/key-dates/workbook.xlsx";

    public static void MapKeyDateDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(CalendarPath, async (string? asOf, string? within, UpcomingDates upcoming, TimeProvider clock, CancellationToken cancel) =>
        {
            if (Read(asOf, within, clock) is not ({ } from, { } days)) return BadRequest(asOf, within);
            var result = await upcoming.LoadAsync(from, days, cancel);
            var text = KeyDateCalendar.Write(result.Dates, "SharedServices key dates", clock.GetUtcNow());
            return Results.Text(text, "text/calendar; charset=utf-8");
        });
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
