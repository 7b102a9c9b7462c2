using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SharedServices.Domain.KeyDates;
using CultureInfo = System.Globalization.CultureInfo;
using IcalCalendar = Ical.Net.Calendar;

namespace SharedServices.Core.KeyDates;

/// <summary>
/// Key dates as an iCalendar (RFC 5545) feed a director can subscribe to in Outlook: one all-day event per date,
/// with reminders 90, 30 and 7 days before. UIDs are derived from the data, so a re-download updates the events
/// already in the calendar instead of duplicating them.
/// </summary>
public static class KeyDateCalendar
{
    public const string ProductId = "-//SharedServices//Key dates//EN";

    /// <summary>Reminders, in days before the date.</summary>
    public static readonly IReadOnlyList<int> ReminderDays = [90, 30, 7];

    private const int MaxLineOctets = 75;

    /// <summary>The feed as text, CRLF line endings, lines folded at 75 octets of UTF-8.</summary>
    public static string Write(IEnumerable<KeyDate> dates, string calendarName, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(calendarName);

        var calendar = new IcalCalendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", Clean(calendarName));
        // Hints for subscribing clients (Outlook reads X-PUBLISHED-TTL) on how often to refresh.
        calendar.AddProperty("X-PUBLISHED-TTL", "PT12H");

        var stamp = new CalDateTime(generatedAt.UtcDateTime, CalDateTime.UtcTzId);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var date in dates)
        {
            var key = $"{date.PartnershipCode}-{date.Kind}-{date.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
            var n = seen.TryGetValue(key, out var count) ? count + 1 : 1;
            seen[key] = n;

            var summary = Clean($"{date.KindText}: {date.PartnershipName}");
            var evt = new CalendarEvent
            {
                Uid = $"{key}-{n}@sharedservices",
                DtStamp = stamp,
                DtStart = new CalDateTime(date.Date),
                DtEnd = new CalDateTime(date.Date.AddDays(1)),
                Summary = summary,
                Description = Clean($"{date.What}\nIf nothing is done: {date.IfNothingIsDone}"),
                Transparency = "TRANSPARENT",
            };
            evt.Categories.Add(date.KindText);

            foreach (var days in ReminderDays)
            {
                evt.Alarms.Add(new Alarm
                {
                    Action = AlarmAction.Display,
                    Description = $"{summary} (in {days} days)",
                    Trigger = new Trigger(-Duration.FromDays(days)),
                });
            }

            calendar.Events.Add(evt);
        }

        var text = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net returned no text for the calendar.");

        // Ical.Net 5.2.4 folds long lines but can cut between the two halves of a surrogate pair (an emoji, say),
        // which turns into U+FFFD once written as UTF-8. Unfold and fold again on whole code points.
        return Refold(text);
    }

    /// <summary>One newline convention, and no control characters RFC 5545 forbids in TEXT values.</summary>
    private static string Clean(string value)
    {
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.Any(c => char.IsControl(c) && c is not '\n' and not '\t')
            ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray())
            : text;
    }

    private static string Refold(string text)
    {
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var result = new StringBuilder(text.Length + 64);
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (octets + size > MaxLineOctets)
                {
                    result.Append("\r\n ");
                    octets = 1;
                }

                result.Append(rune.ToString());
                octets += size;
            }

            result.Append("\r\n");
        }

        return result.ToString();
    }
}
