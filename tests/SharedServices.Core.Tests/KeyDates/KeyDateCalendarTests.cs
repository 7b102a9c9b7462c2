using System.Text;
using Ical.Net.CalendarComponents;
using SharedServices.Core.KeyDates;
using SharedServices.Domain.KeyDates;
using IcalCalendar = Ical.Net.Calendar;

namespace SharedServices.Core.Tests.KeyDates;

public sealed class KeyDateCalendarTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 7, 1, 9, 30, 0, TimeSpan.FromHours(1));

    private static readonly KeyDate EndOfTerm = new(
        new DateOnly(2027, 1, 31), KeyDateKind.EndOfTerm, "iwc-hcc-buy-back", "Isle of Wight Council buy-back, HCC",
        "The current term ends.", "The agreement ends.");

    private static readonly KeyDate LatestNotice = new(
        new DateOnly(2026, 7, 31), KeyDateKind.LatestNoticeDate, "halton-warrington-dcs", "Halton and Warrington shared director",
        "Last day to serve 6 months' notice to leave on 31 January 2027.", "The agreement runs on to the next period end.");

    private static readonly KeyDate Review = new(
        new DateOnly(2026, 9, 1), KeyDateKind.ReviewDate, "scc-iwc-school-improvement", "Southampton; Isle of Wight, school improvement",
        "Annual review by the Joint Operational Board.\nBring the risk register.", "The review is missed; nothing ends.");

    private static IcalCalendar Parse(string text) => IcalCalendar.Load(text) ?? throw new InvalidOperationException("No calendar parsed.");

    /// <summary>Undoes RFC 5545 line folding (CRLF followed by one space).</summary>
    private static string Unfold(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal);

    private static string? CalendarName(IcalCalendar calendar) => calendar.Properties["X-WR-CALNAME"]?.Value as string;

    private static CalendarEvent EventFor(IcalCalendar calendar, KeyDate date) =>
        calendar.Events.Single(e => e.DtStart!.Date == date.Date && e.Uid!.StartsWith(date.PartnershipCode, StringComparison.Ordinal));

    [Fact]
    public void Write_ThreeDates_ThreeAllDayEventsOnTheirDates()
    {
        var calendar = Parse(KeyDateCalendar.Write([EndOfTerm, LatestNotice, Review], "Key dates", GeneratedAt));

        Assert.Equal(3, calendar.Events.Count);
        var evt = EventFor(calendar, EndOfTerm);
        Assert.True(evt.IsAllDay);
        Assert.False(evt.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2027, 1, 31), evt.DtStart.Date);
        Assert.Equal(new DateOnly(2027, 2, 1), evt.DtEnd!.Date);
        Assert.False(evt.DtEnd.HasTime);
    }

    [Fact]
    public void Write_Header_HasProductIdMethodAndCalendarName()
    {
        var text = KeyDateCalendar.Write([EndOfTerm], "Key dates – Isle of Wight", GeneratedAt);
        var calendar = Parse(text);

        Assert.Equal("-//SharedServices//Key dates//EN", calendar.ProductId);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("Key dates – Isle of Wight", CalendarName(calendar));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nPRODID:-//SharedServices//Key dates//EN\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20270131\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;VALUE=DATE:20270201\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Event_HasSummaryDescriptionCategoryStampAndTransparency()
    {
        var text = KeyDateCalendar.Write([EndOfTerm], "Key dates", GeneratedAt);
        var evt = Parse(text).Events.Single();

        Assert.Equal("End of term: Isle of Wight Council buy-back, HCC", evt.Summary);
        Assert.Equal("The current term ends.\nIf nothing is done: The agreement ends.", evt.Description);
        Assert.Equal(["End of term"], evt.Categories);
        Assert.Equal("TRANSPARENT", evt.Transparency);
        Assert.True(evt.DtStamp!.IsUtc);
        Assert.Equal(new DateTime(2026, 7, 1, 8, 30, 0, DateTimeKind.Utc), evt.DtStamp.AsUtc);
        Assert.Contains("\r\nDTSTAMP:20260701T083000Z\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Event_HasThreeDisplayAlarmsAt90_30And7DaysBefore()
    {
        var text = KeyDateCalendar.Write([EndOfTerm], "Key dates", GeneratedAt);
        var alarms = Parse(text).Events.Single().Alarms;

        Assert.Equal(3, alarms.Count);
        Assert.All(alarms, a => Assert.Equal("DISPLAY", a.Action));
        Assert.All(alarms, a => Assert.False(string.IsNullOrWhiteSpace(a.Description)));
        Assert.All(alarms, a => Assert.True(a.Trigger!.IsRelative));
        Assert.Equal(
            [TimeSpan.FromDays(-90), TimeSpan.FromDays(-30), TimeSpan.FromDays(-7)],
            alarms.Select(a => a.Trigger!.Duration!.Value.ToTimeSpanUnspecified()));
        Assert.Contains("\r\nTRIGGER:-P90D\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nTRIGGER:-P30D\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nTRIGGER:-P7D\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Uid_FollowsCodeKindDateAndCount()
    {
        var evt = Parse(KeyDateCalendar.Write([EndOfTerm], "Key dates", GeneratedAt)).Events.Single();

        Assert.Equal("iwc-hcc-buy-back-EndOfTerm-20270131-1@sharedservices", evt.Uid);
    }

    [Fact]
    public void Write_TwiceAtDifferentTimes_SameUids()
    {
        var first = Parse(KeyDateCalendar.Write([EndOfTerm, LatestNotice, Review], "Key dates", GeneratedAt));
        var second = Parse(KeyDateCalendar.Write([EndOfTerm, LatestNotice, Review], "Key dates", GeneratedAt.AddDays(3)));

        Assert.Equal(first.Events.Select(e => e.Uid).Order(), second.Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public void Write_DuplicateCodeKindAndDate_UidsNumberedInInputOrder()
    {
        var twin = EndOfTerm with { What = "The second service's term ends." };
        var calendar = Parse(KeyDateCalendar.Write([EndOfTerm, LatestNotice, twin], "Key dates", GeneratedAt));

        var uids = calendar.Events.Select(e => e.Uid).ToList();
        Assert.Equal(3, uids.Distinct().Count());
        Assert.Equal(
            "The current term ends.\nIf nothing is done: The agreement ends.",
            calendar.Events.Single(e => e.Uid == "iwc-hcc-buy-back-EndOfTerm-20270131-1@sharedservices").Description);
        Assert.Equal(
            "The second service's term ends.\nIf nothing is done: The agreement ends.",
            calendar.Events.Single(e => e.Uid == "iwc-hcc-buy-back-EndOfTerm-20270131-2@sharedservices").Description);
    }

    [Fact]
    public void Write_CommasSemicolonsBackslashesAndNewlines_EscapedAndReadBack()
    {
        var awkward = EndOfTerm with
        {
            PartnershipName = "Hampshire, Isle of Wight; and C:\\Shared",
            What = "Line one, with comma;\r\nline two",
        };

        var text = KeyDateCalendar.Write([awkward], "Key dates, IWC; HCC", GeneratedAt);
        var unfolded = Unfold(text);
        var calendar = Parse(text);
        var evt = calendar.Events.Single();

        Assert.Contains("SUMMARY:End of term: Hampshire\\, Isle of Wight\\; and C:\\\\Shared\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Line one\\, with comma\\;\\nline two\\nIf nothing is done: The agreement ends.\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Key dates\\, IWC\\; HCC\r\n", unfolded, StringComparison.Ordinal);
        Assert.Equal("End of term: Hampshire, Isle of Wight; and C:\\Shared", evt.Summary);
        Assert.Equal("Line one, with comma;\nline two\nIf nothing is done: The agreement ends.", evt.Description);
        Assert.Equal("Key dates, IWC; HCC", CalendarName(calendar));
    }

    [Fact]
    public void Write_TypedTextWithLineBreaksAndFormulas_StaysInsideItsOwnPropertyAsText()
    {
        // A calendar is never opened as a spreadsheet, so formula-like text is not prefixed: it only has to stay text.
        // The danger in a feed is a line break starting a property or event of its own; RFC 5545 writes it as \n.
        var planted = EndOfTerm with
        {
            PartnershipName = "@SUM(A1)",
            What = "=HYPERLINK(\"http://x\",\"y\")\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:planted",
            IfNothingIsDone = "+1+1\r-2+3",
        };

        var text = KeyDateCalendar.Write([planted], "Key dates", GeneratedAt);
        var unfolded = Unfold(text);

        // Worked by hand: CRLF and CR become \n, the comma becomes \, and nothing else changes.
        Assert.Contains("\r\nDESCRIPTION:=HYPERLINK(\"http://x\"\\,\"y\")\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:planted\\n" +
                        "If nothing is done: +1+1\\n-2+3\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:End of term: @SUM(A1)\r\n", unfolded, StringComparison.Ordinal);
        Assert.Single(unfolded.Split("\r\n"), line => line == "BEGIN:VEVENT");
        var evt = Parse(text).Events.Single();
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:planted\nIf nothing is done: +1+1\n-2+3", evt.Description);
    }

    [Fact]
    public void Write_LongNonAsciiText_LinesFoldedAtMost75OctetsAndReadBack()
    {
        // Accents (2 octets), a dash (3) and symbols outside the BMP (4 octets, a surrogate pair in .NET) must not be cut.
        var name = string.Concat(Enumerable.Repeat("Île de Wight — école, ", 6)) + string.Concat(Enumerable.Repeat("é€𝄞a😀", 30)) + " end";
        var longDate = EndOfTerm with { PartnershipName = name, What = new string('x', 300) };

        var text = KeyDateCalendar.Write([longDate], "Key dates", GeneratedAt);
        var bytes = Encoding.UTF8.GetBytes(text);
        var roundTripped = Encoding.UTF8.GetString(bytes);

        var lines = text.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));
        Assert.DoesNotContain('\uFFFD', roundTripped);
        var evt = Parse(roundTripped).Events.Single();
        Assert.Equal($"End of term: {name}", evt.Summary);
        Assert.Equal(new string('x', 300) + "\nIf nothing is done: The agreement ends.", evt.Description);
    }

    [Fact]
    public void Write_AnyOutput_EveryLineEndsWithCrLf()
    {
        var text = KeyDateCalendar.Write([EndOfTerm, LatestNotice, Review], "Key dates", GeneratedAt);

        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\r", text, StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                Assert.True(i > 0 && text[i - 1] == '\r', $"Bare LF at {i}");
            }
            else if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"Bare CR at {i}");
            }
        }
    }

    [Fact]
    public void Write_NoDates_ValidEmptyCalendar()
    {
        var calendar = Parse(KeyDateCalendar.Write([], "Key dates", GeneratedAt));

        Assert.Empty(calendar.Events);
        Assert.Equal("Key dates", CalendarName(calendar));
    }
}
