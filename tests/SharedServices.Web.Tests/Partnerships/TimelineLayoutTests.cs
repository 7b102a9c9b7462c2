using SharedServices.Web.Components.Features.Partnerships;

namespace SharedServices.Web.Tests.Partnerships;

public sealed class TimelineLayoutTests
{
    private static readonly DateOnly From = new(2020, 1, 1);
    private static readonly DateOnly To = new(2030, 1, 1);

    [Fact]
    public void X_FirstAndLastDay_FallOnThePlotEdges()
    {
        var layout = new TimelineLayout(From, To);

        Assert.Equal(TimelineLayout.PlotLeft, layout.X(From));
        Assert.Equal(TimelineLayout.PlotRight, layout.X(To));
    }

    [Fact]
    public void X_DateOutsideTheDrawing_IsKeptAtTheEdge()
    {
        var layout = new TimelineLayout(From, To);

        Assert.Equal(TimelineLayout.PlotLeft, layout.X(From.AddYears(-5)));
        Assert.Equal(TimelineLayout.PlotRight, layout.X(To.AddYears(5)));
    }

    [Fact]
    public void X_LaterDate_IsFurtherRight()
    {
        var layout = new TimelineLayout(From, To);

        Assert.True(layout.X(new DateOnly(2024, 6, 1)) < layout.X(new DateOnly(2024, 6, 2)));
    }

    [Fact]
    public void Width_WholeYearsBothEndsIncluded_MatchesTheDistanceBetweenNewYears()
    {
        var layout = new TimelineLayout(From, To);

        var width = layout.Width(new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31));

        Assert.Equal(layout.X(new DateOnly(2023, 1, 1)) - layout.X(new DateOnly(2021, 1, 1)), width, 6);
    }

    [Fact]
    public void Width_OneDay_IsNeverThinnerThanAHairline()
    {
        var layout = new TimelineLayout(From, To);

        Assert.True(layout.Width(new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 31)) >= 1);
    }

    [Fact]
    public void Constructor_EndNotAfterStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TimelineLayout(From, From));
    }

    [Fact]
    public void Spanning_Dates_CoversThemWithAMarginEitherSide()
    {
        var first = new DateOnly(2013, 7, 1);
        var last = new DateOnly(2026, 11, 23);

        var layout = TimelineLayout.Spanning([last, first, new DateOnly(2018, 6, 30)]);

        Assert.True(layout.From < first);
        Assert.True(layout.To > last);
        Assert.True(layout.X(first) > TimelineLayout.PlotLeft);
        Assert.True(layout.X(last) < TimelineLayout.PlotRight);
    }

    [Fact]
    public void Spanning_FewMonths_DrawsAtLeastAYear()
    {
        var layout = TimelineLayout.Spanning([new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1)]);

        Assert.True(layout.To.DayNumber - layout.From.DayNumber >= 365);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(12, 1)]
    [InlineData(20, 2)]
    [InlineData(50, 5)]
    [InlineData(100, 10)]
    public void YearStep_LongerTimeline_LabelsFewerYears(int years, int step)
    {
        var layout = new TimelineLayout(From, From.AddYears(years));

        Assert.Equal(step, layout.YearStep);
    }

    [Fact]
    public void YearTicks_TenYears_OneTickEachNewYearAllLabelled()
    {
        var layout = new TimelineLayout(new DateOnly(2013, 5, 1), new DateOnly(2022, 8, 1));

        var ticks = layout.YearTicks();

        Assert.Equal(Enumerable.Range(2014, 9), ticks.Select(t => t.Year));
        Assert.All(ticks, t => Assert.True(t.Labelled));
        Assert.Equal(layout.X(new DateOnly(2014, 1, 1)), ticks[0].X);
    }

    [Fact]
    public void YearTicks_TwentyYears_LabelsEverySecondYear()
    {
        var layout = new TimelineLayout(new DateOnly(2000, 6, 1), new DateOnly(2020, 6, 1));

        var labelled = layout.YearTicks().Where(t => t.Labelled).Select(t => t.Year).ToList();

        Assert.Equal([2002, 2004, 2006, 2008, 2010, 2012, 2014, 2016, 2018, 2020], labelled);
        Assert.Equal(20, layout.YearTicks().Count);
    }

    [Fact]
    public void WithRoomFor_LabelNearTheRightEdge_RunsTheDrawingOnUntilItFits()
    {
        var layout = new TimelineLayout(From, To);
        const string text = "Exit after notice";

        var roomy = layout.WithRoomFor([(new DateOnly(2029, 10, 1), text)]);

        Assert.Equal(From, roomy.From);
        Assert.True(roomy.To > To);
        Assert.True(roomy.X(new DateOnly(2029, 10, 1)) + TimelineLayout.TextWidth(text) + TimelineLayout.LabelGap <= TimelineLayout.DrawingWidth);
        Assert.False(Assert.Single(TimelineLayout.PlaceLabels([(roomy.X(new DateOnly(2029, 10, 1)), text)])).AnchorEnd);
    }

    [Fact]
    public void WithRoomFor_LabelsThatFit_LeavesTheLayoutAlone()
    {
        var layout = new TimelineLayout(From, To);

        var same = layout.WithRoomFor([(new DateOnly(2022, 1, 1), "Today")]);

        Assert.Equal(To, same.To);
    }

    [Fact]
    public void PlaceLabels_FarApart_ShareTheFirstRow()
    {
        var placed = TimelineLayout.PlaceLabels([(200, "Today"), (600, "Terminated")]);

        Assert.All(placed, l => Assert.Equal(0, l.Row));
        Assert.All(placed, l => Assert.False(l.AnchorEnd));
    }

    [Fact]
    public void PlaceLabels_Overlapping_GoOnSeparateRowsLeftToRight()
    {
        var placed = TimelineLayout.PlaceLabels([(410, "Notice served"), (400, "Today")]);

        Assert.Equal(["Today", "Notice served"], placed.Select(l => l.Text));
        Assert.Equal([0, 1], placed.Select(l => l.Row));
    }

    [Fact]
    public void PlaceLabels_LineWouldCrossALabelBelow_GoesBelowItInstead()
    {
        // "Today" ends around x=137; "A much longer label" on row 1 runs past x=160, so the third label, whose line
        // runs down through row 1, must go below row 1 even though row 0 is free at its position.
        var placed = TimelineLayout.PlaceLabels([(100, "Today"), (120, "A much longer label"), (160, "Exit")]);

        Assert.Equal([0, 1, 2], placed.Select(l => l.Row));
    }

    [Fact]
    public void PlaceLabels_AllClearAgain_ReturnsToTheFirstRow()
    {
        var placed = TimelineLayout.PlaceLabels([(100, "Today"), (110, "Exit"), (500, "Terminated")]);

        Assert.Equal([0, 1, 0], placed.Select(l => l.Row));
    }

    [Fact]
    public void PlaceLabels_NearTheRightEdge_EndsAtItsDate()
    {
        var label = Assert.Single(TimelineLayout.PlaceLabels([(TimelineLayout.PlotRight - 5, "Minimum term ends")]));

        Assert.True(label.AnchorEnd);
        Assert.True(label.TextX < label.X);
    }

    [Fact]
    public void Svg_Number_IsInvariantWithOneDecimalPlace()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("123.5", TimelineLayout.Svg(123.456));
            Assert.Equal("40", TimelineLayout.Svg(40));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
