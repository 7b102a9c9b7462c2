using System.Globalization;

namespace SharedServices.Web.Components.Features.Partnerships;

/// <summary>A year mark on the timeline's axis; only some years carry a label when the timeline is long.</summary>
public sealed record YearTick(int Year, double X, bool Labelled);

/// <summary>A label placed on a numbered row so that it does not overlap the labels beside it.</summary>
/// <param name="X">The date's position; the text starts just after it, or ends just before it near the right edge.</param>
/// <param name="AnchorEnd">True when the text ends at <paramref name="X"/> (it would otherwise run off the drawing).</param>
public sealed record PlacedLabel(double X, string Text, int Row, bool AnchorEnd)
{
    /// <summary>Where the text itself starts or ends, a little clear of the line it labels.</summary>
    public double TextX => AnchorEnd ? X - TimelineLayout.LabelGap : X + TimelineLayout.LabelGap;
}

/// <summary>
/// The geometry of the drawn timeline, kept apart from the markup so it can be tested: which stretch of dates the
/// drawing covers, where a date falls across it, which years get a labelled tick, and how labels for nearby dates
/// are stacked so they never print over each other. Positions are in the SVG's own units (its viewBox).
/// </summary>
public sealed class TimelineLayout
{
    /// <summary>The drawing's width in viewBox units; the browser scales it to the panel.</summary>
    public const double DrawingWidth = 1000;

    /// <summary>Room on the left for the row names ("Term", "Notice").</summary>
    public const double LeftMargin = 110;

    public const double RightMargin = 20;

    /// <summary>Space between a line and its label.</summary>
    public const double LabelGap = 4;

    // A rough width for 12px sans-serif text: generous, so estimated labels do not collide when drawn.
    private const double CharacterWidth = 6.6;

    // A short timeline would otherwise stretch a few months across the whole panel and read as years.
    private const int MinimumDays = 365;

    public TimelineLayout(DateOnly from, DateOnly to)
    {
        if (to <= from) throw new ArgumentException("The timeline must end after it starts.", nameof(to));
        From = from;
        To = to;
    }

    /// <summary>The first day drawn (at the left edge of the plot).</summary>
    public DateOnly From { get; }

    /// <summary>The last day drawn (at the right edge of the plot).</summary>
    public DateOnly To { get; }

    public static double PlotLeft => LeftMargin;
    public static double PlotRight => DrawingWidth - RightMargin;

    /// <summary>
    /// A layout covering every date given, with a margin either side so that bars and markers at the ends stay
    /// clear of the edges; at least a year wide.
    /// </summary>
    public static TimelineLayout Spanning(IEnumerable<DateOnly> dates)
    {
        var list = dates.ToList();
        if (list.Count == 0) throw new ArgumentException("Give at least one date to draw.", nameof(dates));
        var first = list.Min();
        var last = list.Max();
        var days = last.DayNumber - first.DayNumber;
        if (days < MinimumDays)
        {
            var grow = (MinimumDays - days) / 2;
            first = first.AddDays(-grow);
            last = last.AddDays(MinimumDays - days - grow);
            days = MinimumDays;
        }
        var pad = Math.Max(30, days / 25);
        return new TimelineLayout(first.AddDays(-pad), last.AddDays(pad));
    }

    /// <summary>
    /// This layout, run on further to the right where needed so that each label, written after its date, fits inside
    /// the drawing: a label squeezed in ending at its date would cross the lines of the dates just before it.
    /// </summary>
    public TimelineLayout WithRoomFor(IEnumerable<(DateOnly Date, string Text)> labels)
    {
        var list = labels.ToList();
        var layout = this;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var overflow = list.Select(l => layout.X(l.Date) + TextWidth(l.Text) + 2 * LabelGap - DrawingWidth).DefaultIfEmpty(0).Max();
            if (overflow <= 0) break;
            var days = layout.To.DayNumber - layout.From.DayNumber;
            var extra = (int)Math.Ceiling(overflow / (PlotRight - PlotLeft) * days * 1.1) + 1;
            layout = new TimelineLayout(layout.From, layout.To.AddDays(extra));
        }
        return layout;
    }

    /// <summary>Where the start of <paramref name="date"/> falls, kept within the plot.</summary>
    public double X(DateOnly date)
    {
        var fraction = (double)(date.DayNumber - From.DayNumber) / (To.DayNumber - From.DayNumber);
        return PlotLeft + Math.Clamp(fraction, 0, 1) * (PlotRight - PlotLeft);
    }

    /// <summary>The width of a run of whole days, both ends included; never thinner than a hairline.</summary>
    public double Width(DateOnly start, DateOnly end) => Math.Max(1, X(end.AddDays(1)) - X(start));

    /// <summary>How many years between labelled ticks: every year, or every 2, 5 or 10 as the timeline grows.</summary>
    public int YearStep
    {
        get
        {
            var years = (To.DayNumber - From.DayNumber) / 365.25;
            return years switch { <= 12 => 1, <= 30 => 2, <= 70 => 5, _ => 10 };
        }
    }

    /// <summary>A tick at each 1 January inside the drawing; labelled every <see cref="YearStep"/> years.</summary>
    public IReadOnlyList<YearTick> YearTicks()
    {
        var step = YearStep;
        var ticks = new List<YearTick>();
        for (var year = From.Year + 1; year <= To.Year; year++)
        {
            var newYear = new DateOnly(year, 1, 1);
            ticks.Add(new YearTick(year, X(newYear), year % step == 0));
        }
        return ticks;
    }

    /// <summary>
    /// Stacks labels onto rows, left to right. Row 0 is the one farthest from the bars, and each mark's line runs
    /// from its label towards the bars, so a label goes on the first row below every row still occupied at its
    /// position: no line then crosses another label's text. A label that would run past the right edge is drawn
    /// ending at its date instead.
    /// </summary>
    public static IReadOnlyList<PlacedLabel> PlaceLabels(IEnumerable<(double X, string Text)> labels)
    {
        var rowEnds = new List<double>();
        var placed = new List<PlacedLabel>();
        foreach (var (x, text) in labels.OrderBy(l => l.X))
        {
            var width = TextWidth(text) + LabelGap;
            var anchorEnd = x + width > DrawingWidth;
            var (left, right) = anchorEnd ? (x - width, x) : (x, x + width);
            var row = rowEnds.FindLastIndex(end => end + LabelGap >= left) + 1;
            if (row == rowEnds.Count) rowEnds.Add(right);
            else rowEnds[row] = right;
            placed.Add(new PlacedLabel(x, text, row, anchorEnd));
        }
        return placed;
    }

    /// <summary>The estimated width of a 12px label.</summary>
    public static double TextWidth(string text) => text.Length * CharacterWidth;

    /// <summary>A number for an SVG attribute: invariant, one decimal place at most.</summary>
    public static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
