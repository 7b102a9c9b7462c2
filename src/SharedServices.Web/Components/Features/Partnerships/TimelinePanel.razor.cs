using Microsoft.AspNetCore.Components;
using SharedServices.Web.Components.Shared;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Web.Components.Features.Partnerships;

public partial class TimelinePanel
{
    private const double RowHeight = 16;
    private const double LaneHeight = 30;
    private const double BarHeight = 20;
    private const double MarkerTop = 2;
    private const int MaxRenewalsDrawn = 40;

    /// <summary>The partnership, with its timeline worked out when it was loaded (see <see cref="DrawingFor"/>).</summary>
    [Parameter, EditorRequired] public PartnershipView Partnership { get; set; } = default!;

    private Drawing? Drawn => Partnership.Drawing;

    [Inject] private IServiceProvider Services { get; set; } = default!;

    private PartnershipView? _drawnFor;
    private MarkupString _drawing;

    // Drawn again only for a different (or reloaded) partnership.
    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_drawnFor, Partnership)) return;
        _drawnFor = Partnership;
        _drawing = Drawn is { } d ? await StaticMarkup.RenderAsync(Services, Svg(d)) : default;
    }

    /// <summary>
    /// The drawing of a partnership loaded with its history, milestones, notice periods, predecessor and successor, with
    /// the "Today" line and the notice window for the current term worked out from <paramref name="today"/>; none when
    /// the start of the term is not stated. Worked out once as the page loads, so the live page keeps only the drawing.
    /// </summary>
    public static Drawing? DrawingFor(Partnership partnership, DateOnly today) =>
        partnership.StartedOn is { } start ? Draw(partnership, start, today) : null;

    public enum BarKind { Initial, Extension, Varied, Renewal, RanOn, Open }

    /// <summary>A stretch of the term; <see cref="End"/> is null when it runs on past the drawing (open-ended or not stated).</summary>
    public sealed record Bar(BarKind Kind, DateOnly Start, DateOnly? End, int Lane, string Name)
    {
        public string Fact => End is { } end ? $"{Name}: {DateText.Long(Start)} to {DateText.Long(end)}" : $"{Name}: from {DateText.Long(Start)}";
    }

    /// <summary>The notice window: serve by <see cref="Start"/> to leave at <see cref="End"/>.</summary>
    public sealed record Band(DateOnly Start, DateOnly End, int Lane, string Parties)
    {
        public string Fact => $"Notice window for {Parties}: serve notice by {DateText.Long(Start)} to end the agreement on {DateText.Long(End)}";
    }

    /// <summary>A dated line across the drawing (today, notice, exit, termination) or a tick (break, review, minimum term).</summary>
    public sealed record Mark(string Name, DateOnly Date, string Line, string TextColour, bool Wide)
    {
        public string Fact => $"{Name}: {DateText.Long(Date)}";
    }

    /// <summary>A dated line or tick with its label placed clear of the others.</summary>
    public sealed record PlacedMark(Mark Mark, PlacedLabel Label);

    public sealed record Lane(string Name, double Y);

    public sealed record Drawing(TimelineLayout Layout, IReadOnlyList<Lane> Lanes, IReadOnlyList<Bar> Bars, IReadOnlyList<Band> Bands,
        IReadOnlyList<PlacedMark> Lines, IReadOnlyList<PlacedMark> Ticks,
        int TickRows, double LanesTop, double LanesBottom, double AxisY, double Height, string Summary)
    {
        public double LaneY(int lane) => Lanes[lane].Y;

        // Label rows count outwards from the bars' far side: row 0 of the lines is the top of the drawing, row 0 of
        // the ticks the bottom of the tick area, so each line runs from its label to the bars through clear rows.
        public static double LineLabelY(PlacedLabel label) => MarkerTop + (label.Row + 1) * RowHeight - 4;
        public static double LineTop(PlacedLabel label) => MarkerTop + label.Row * RowHeight + 2;
        public double TickLabelY(PlacedLabel label) => LanesBottom + 2 + (TickRows - label.Row) * RowHeight - 4;
        public double TickBottom(PlacedLabel label) => LanesBottom + 2 + (TickRows - label.Row) * RowHeight - 10;
        public IEnumerable<string> Facts =>
            Bars.Select(b => (b.Start, b.Fact)).Concat(Bands.Select(b => (b.Start, b.Fact)))
                .Concat(Lines.Concat(Ticks).Select(m => (m.Mark.Date, m.Mark.Fact)))
                .OrderBy(f => f.Item1).Select(f => f.Item2);
    }

    private static Drawing Draw(Partnership p, DateOnly start, DateOnly today)
    {
        var schedule = p.Schedule;
        var bars = TermBars(p, schedule, start, today);
        var hasVaried = bars.Any(b => b.Kind == BarKind.Varied);
        var bandLane = hasVaried ? 2 : 1;
        var bands = NoticeWindows(p, today).Select((w, i) => w with { Lane = bandLane + i }).ToList();

        var lines = new List<Mark> { new("Today", today, "#c62828", "#b71c1c", true) };
        if (p.NoticeServedOn is { } served) lines.Add(new("Notice served", served, "#e65100", "#8a3a00", true));
        if (p.NoticeExitOn is { } exit) lines.Add(new("Exit after notice", exit, "#5d4037", "#4e342e", true));
        if (p.TerminatedOn is { } terminated) lines.Add(new("Terminated", terminated, "#212121", "#212121", true));
        var ticks = new List<Mark>();
        if (p.MinimumTermEnd is { } minimum) ticks.Add(new("Minimum term ends", minimum, "#455a64", "#37474f", false));
        ticks.AddRange(p.Milestones.OrderBy(m => m.Date).Select(m =>
            new Mark(m.Kind == MilestoneKind.Break ? "Break date" : "Review date", m.Date, "#455a64", "#37474f", false)));

        var dates = new List<DateOnly> { start, today };
        dates.AddRange(bars.Select(b => b.End ?? b.Start));
        dates.AddRange(bands.Select(b => b.End));
        dates.AddRange(lines.Concat(ticks).Select(m => m.Date));
        // An agreement that runs on with no end needs room past today to show that it does.
        if (bars.Any(b => b.End is null)) dates.Add(today.AddYears(1));
        var layout = TimelineLayout.Spanning(dates).WithRoomFor(lines.Concat(ticks).Select(m => (m.Date, m.Name)));

        var lineLabels = Place(layout, lines);
        var tickLabels = Place(layout, ticks);
        var lanesTop = MarkerTop + Rows(lineLabels.Select(l => l.Label)) * RowHeight + 6;
        var laneNames = new List<string> { "Term" };
        if (hasVaried) laneNames.Add("As varied");
        laneNames.AddRange(bands.Select(b => bands.Count == 1 ? "Notice" : $"Notice {b.Parties}"));
        var lanes = laneNames.Select((name, i) => new Lane(name, lanesTop + i * LaneHeight)).ToList();
        var lanesBottom = lanesTop + lanes.Count * LaneHeight;
        var tickRows = Rows(tickLabels.Select(t => t.Label));
        var axisY = lanesBottom + 2 + tickRows * RowHeight + 8;
        return new Drawing(layout, lanes, bars, bands, lineLabels, tickLabels, tickRows, lanesTop, lanesBottom, axisY, axisY + 22,
            Summary(p, schedule, start, today));
    }

    private static List<Bar> TermBars(Partnership p, TermSchedule schedule, DateOnly start, DateOnly today)
    {
        var bars = schedule.Periods.Select(period => period.Kind switch
        {
            TermPeriodKind.Initial => new Bar(BarKind.Initial, period.Dates.Start, period.Dates.End, 0, "Initial term"),
            TermPeriodKind.Extension => new Bar(BarKind.Extension, period.Dates.Start, period.Dates.End, 0, "Extension"),
            _ => new Bar(BarKind.Varied, period.Dates.Start, period.Dates.End, 1, "Term as varied"),
        }).ToList();
        if (schedule.CurrentEnd is not { } end)
        {
            // No end to draw to: open-ended, or not stated. Run it to its recorded end, or on past the drawing.
            var name = p.Term.EndKind == TermEndKind.OpenEnded ? "Term, open-ended" : "Term, end not stated";
            bars.Add(new Bar(BarKind.Open, start, p.EndsOn, 0, name));
            return bars;
        }
        if (schedule.RenewalMonths is { } months)
        {
            var firstRenewal = end.AddDays(1);
            // Renewals up to the recorded end, or the period running today and a couple more.
            var runningToday = today > end ? schedule.PeriodEndOnOrAfter(today)!.Value : end;
            var limit = p.EndsOn ?? runningToday.AddDays(1).AddMonths(2 * months).AddDays(-1);
            for (var k = 0; k < MaxRenewalsDrawn; k++)
            {
                // The same period ends the rules use (corresponding-date rule), so bars and key dates agree.
                var from = k == 0 ? firstRenewal : DateRange.EndOfMonths(firstRenewal, k * months).AddDays(1);
                if (from > limit) break;
                var to = DateRange.EndOfMonths(firstRenewal, (k + 1) * months);
                bars.Add(new Bar(BarKind.Renewal, from, to > limit ? limit : to, 0, "Renewal period"));
            }
        }
        else if (p.EndsOn is { } ends && ends > end)
        {
            // It ran past its term (the sources may not say how): show the stretch rather than leave a gap.
            bars.Add(new Bar(BarKind.RanOn, end.AddDays(1), ends, 0, "Ran on past the term"));
        }
        return bars;
    }

    // The notice each party must give to leave at the end of the current term (or renewal period), one band for parties alike.
    private static IEnumerable<Band> NoticeWindows(Partnership p, DateOnly today)
    {
        if (p.NoticeServedOn is not null || p.StatusOn(today) is PartnershipStatus.Ended or PartnershipStatus.Terminated) return [];
        var rules = p.ExitRules;
        return p.Parties
            .Select(party => (Party: PartyName(party), Notice: p.NoticeFor(party.OrganisationId)))
            .Where(x => x.Notice is not null)
            .Select(x => (x.Party, Deadline: NoticeCalculator.LatestNoticeForCurrentTerm(rules, x.Notice!.Value, today)))
            .Where(x => x.Deadline is { LatestServiceDate: not null, ExitDate: not null })
            .GroupBy(x => (x.Deadline.LatestServiceDate!.Value, x.Deadline.ExitDate!.Value))
            .Select(g => new Band(g.Key.Item1, g.Key.Item2, 0, string.Join(" and ", g.Select(x => x.Party))))
            .ToList();
    }

    private static string PartyName(PartnershipParty party) => party.Organisation?.ShortCode ?? $"Party {party.OrganisationId}";

    private static string Summary(Partnership p, TermSchedule schedule, DateOnly start, DateOnly today)
    {
        var initialEnd = schedule.Periods.FirstOrDefault(x => x.Kind == TermPeriodKind.Initial)?.Dates.End;
        var parts = new List<string>
        {
            (initialEnd, schedule.CurrentEnd) switch
            {
                ({ } first, { } current) when first != current =>
                    $"Term from {DateText.Long(start)} to {DateText.Long(first)}, now running to {DateText.Long(current)}",
                (_, { } current) => $"Term from {DateText.Long(start)} to {DateText.Long(current)}",
                _ when p.Term.EndKind == TermEndKind.OpenEnded => $"Term from {DateText.Long(start)}, open-ended",
                _ => $"Term from {DateText.Long(start)}, end not stated",
            },
        };
        if (schedule.Renews) parts.Add(p.Term.DescribeRenewal());
        if (p.NoticeServedOn is { } served)
            parts.Add($"notice served {DateText.Long(served)}" + (p.NoticeExitOn is { } exit ? $", exit {DateText.Long(exit)}" : ""));
        if (p.TerminatedOn is { } terminated) parts.Add($"terminated {DateText.Long(terminated)}");
        parts.Add($"today {DateText.Long(today)}");
        return string.Join("; ", parts);
    }

    private static List<PlacedMark> Place(TimelineLayout layout, IReadOnlyList<Mark> marks)
    {
        var labels = TimelineLayout.PlaceLabels(marks.Select(m => (layout.X(m.Date), m.Name)));
        // PlaceLabels orders by position; pair each label back with its mark by position and text.
        var pending = marks.ToList();
        return labels.Select(label =>
        {
            var mark = pending.First(m => m.Name == label.Text && layout.X(m.Date) == label.X);
            pending.Remove(mark);
            return new PlacedMark(mark, label);
        }).ToList();
    }

    private static int Rows(IEnumerable<PlacedLabel> labels) => labels.Select(l => l.Row + 1).DefaultIfEmpty(0).Max();

    private static (string Fill, string Stroke, string Text, string? Dash) Style(BarKind kind) => kind switch
    {
        BarKind.Initial => ("#1565c0", "#0d47a1", "#ffffff", null),
        BarKind.Extension => ("#2e7d32", "#1b5e20", "#ffffff", null),
        BarKind.Varied => ("#6a1b9a", "#4a148c", "#ffffff", null),
        BarKind.Renewal => ("#bbdefb", "#1565c0", "#0d47a1", "5 3"),
        BarKind.RanOn => ("#e0e0e0", "#616161", "#212121", "2 2"),
        _ => ("url(#timeline-open-fade)", "#0d47a1", "#ffffff", null),
    };

    private static string Label(BarKind kind) => kind switch
    {
        BarKind.Initial => "Initial term",
        BarKind.Extension => "Extension",
        BarKind.Varied => "As varied",
        BarKind.Renewal => "Renewal",
        BarKind.RanOn => "Ran on",
        _ => "Term",
    };

    private static string N(double value) => TimelineLayout.Svg(value);
}
