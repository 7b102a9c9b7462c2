using ClosedXML.Excel;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Tests.Exports;
using SharedServices.Domain.KeyDates;

namespace SharedServices.Core.Tests.KeyDates;

public sealed class KeyDateWorkbookTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    private static readonly KeyDate EndOfTerm = new(
        new DateOnly(2027, 1, 31), KeyDateKind.EndOfTerm, "iwc-hcc-buy-back", "Isle of Wight Council buy-back, HCC",
        "The current term ends.", "The agreement ends.");

    private static readonly KeyDate LatestNotice = new(
        new DateOnly(2026, 12, 20), KeyDateKind.LatestNoticeDate, "halton-warrington-dcs", "Halton and Warrington shared director",
        "Last day to serve notice.", "The agreement runs on.");

    private static readonly KeyDate Review = new(
        new DateOnly(2027, 6, 1), KeyDateKind.ReviewDate, "scc-iwc-school-improvement", "Southampton and Isle of Wight school improvement",
        "Annual review.", "Nothing ends.");

    private static readonly KeyDate Missed = new(
        new DateOnly(2026, 11, 13), KeyDateKind.CallInExpiry, "scc-iwc-school-improvement", "Southampton and Isle of Wight school improvement",
        "Decision takes effect.", "It already has.");

    /// <summary>Same date as <see cref="EndOfTerm"/>, a name that sorts first.</summary>
    private static readonly KeyDate SameDayEarlierName = new(
        new DateOnly(2027, 1, 31), KeyDateKind.BreakDate, "2012", "Hampshire and Isle of Wight",
        "=1+1", "1/2");

    private static XLWorkbook WriteAndOpen(IReadOnlyList<KeyDate> dates, int withinDays = 365)
    {
        var stream = new MemoryStream();
        KeyDateWorkbook.Write(dates, AsOf, withinDays, stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    [Fact]
    public void Write_AnyDates_TitleAndHeaderRows()
    {
        using var workbook = WriteAndOpen([EndOfTerm], withinDays: 180);
        var sheet = workbook.Worksheet("Key dates");

        Assert.Single(workbook.Worksheets);
        Assert.Equal("Key dates from 1 December 2026 to 29 May 2027 (180 days)", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Row(2).IsEmpty());
        Assert.Equal(
            ["Date", "What", "Partnership", "Partnership code", "Details", "If nothing is done", "Days away", "Urgency"],
            Enumerable.Range(1, 8).Select(c => sheet.Cell(3, c).GetString()));
        Assert.True(sheet.Cell(3, 1).Style.Font.Bold);
        Assert.Equal(3, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A3:H4", sheet.AutoFilter.Range.RangeAddress.ToString());
    }

    [Fact]
    public void Write_UnsortedDates_RowsByDateThenPartnershipName()
    {
        using var workbook = WriteAndOpen([Review, EndOfTerm, Missed, SameDayEarlierName, LatestNotice]);
        var sheet = workbook.Worksheet("Key dates");

        Assert.Equal(
            ["Call-in ends", "Latest notice date", "Break date", "End of term", "Review date"],
            Enumerable.Range(4, 5).Select(r => sheet.Cell(r, 2).GetString()));
        Assert.Equal(
            ["Hampshire and Isle of Wight", "Isle of Wight Council buy-back, HCC"],
            new[] { sheet.Cell(6, 3).GetString(), sheet.Cell(7, 3).GetString() });
        Assert.True(sheet.Row(9).IsEmpty());
    }

    [Fact]
    public void Write_Row_DateIsRealDateWithLongFormat()
    {
        using var workbook = WriteAndOpen([EndOfTerm]);
        var cell = workbook.Worksheet("Key dates").Cell(4, 1);

        Assert.Equal(XLDataType.DateTime, cell.DataType);
        Assert.Equal(new DateTime(2027, 1, 31), cell.GetDateTime());
        Assert.Equal("d mmmm yyyy", cell.Style.NumberFormat.Format);
    }

    [Fact]
    public void Write_Row_AllColumnsFilled()
    {
        using var workbook = WriteAndOpen([EndOfTerm]);
        var sheet = workbook.Worksheet("Key dates");

        Assert.Equal("End of term", sheet.Cell(4, 2).GetString());
        Assert.Equal("Isle of Wight Council buy-back, HCC", sheet.Cell(4, 3).GetString());
        Assert.Equal("iwc-hcc-buy-back", sheet.Cell(4, 4).GetString());
        Assert.Equal("The current term ends.", sheet.Cell(4, 5).GetString());
        Assert.Equal("The agreement ends.", sheet.Cell(4, 6).GetString());
        Assert.Equal("Within 90 days", sheet.Cell(4, 8).GetString());
    }

    [Fact]
    public void Write_Rows_DaysAwayNumbersFromAsOf()
    {
        using var workbook = WriteAndOpen([EndOfTerm, LatestNotice, Review, Missed]);
        var sheet = workbook.Worksheet("Key dates");

        Assert.All(Enumerable.Range(4, 4), r => Assert.Equal(XLDataType.Number, sheet.Cell(r, 7).DataType));
        Assert.Equal([-18, 19, 61, 182], Enumerable.Range(4, 4).Select(r => sheet.Cell(r, 7).GetValue<int>()));
        Assert.Equal(
            ["Past", "Within 30 days", "Within 90 days", "Later"],
            Enumerable.Range(4, 4).Select(r => sheet.Cell(r, 8).GetString()));
    }

    [Fact]
    public void Write_Rows_FilledByUrgency()
    {
        using var workbook = WriteAndOpen([EndOfTerm, LatestNotice, Review, Missed]);
        var sheet = workbook.Worksheet("Key dates");

        static string Argb(IXLCell cell) => cell.Style.Fill.BackgroundColor.Color.ToArgb().ToString("X8");

        Assert.Equal("FFFFC7CE", Argb(sheet.Cell(4, 1))); // past
        Assert.Equal("FFFFC7CE", Argb(sheet.Cell(5, 8))); // within 30 days
        Assert.Equal("FFFFEB9C", Argb(sheet.Cell(6, 3))); // within 90 days
        Assert.Equal(XLFillPatternValues.None, sheet.Cell(7, 1).Style.Fill.PatternType); // later
    }

    [Fact]
    public void Write_TextThatLooksLikeNumbersOrFormulas_StaysText()
    {
        using var workbook = WriteAndOpen([SameDayEarlierName]);
        var sheet = workbook.Worksheet("Key dates");

        Assert.Equal(XLDataType.Text, sheet.Cell(4, 4).DataType);
        Assert.Equal("2012", sheet.Cell(4, 4).GetString());
        Assert.False(sheet.Cell(4, 5).HasFormula);
        Assert.Equal("=1+1", sheet.Cell(4, 5).GetString());
        Assert.Equal(XLDataType.Text, sheet.Cell(4, 6).DataType);
        Assert.Equal("1/2", sheet.Cell(4, 6).GetString());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public void Write_InjectionPayloadInEveryTypedField_TextWithTheExactCharactersAndAQuotePrefix(string payload)
    {
        var typed = new KeyDate(new DateOnly(2027, 1, 31), KeyDateKind.EndOfTerm, payload, payload, payload, payload);
        var stream = new MemoryStream();
        KeyDateWorkbook.Write([typed], AsOf, 365, stream);

        using var workbook = new XLWorkbook(new MemoryStream(stream.ToArray()));
        var sheet = workbook.Worksheet("Key dates");
        // Columns 3 to 6 are the partnership's name and code, the details and what happens if nothing is done.
        foreach (var cell in Enumerable.Range(3, 4).Select(c => sheet.Cell(4, c)))
        {
            Assert.False(cell.HasFormula, cell.Address.ToString());
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(payload, cell.GetString());
            Assert.True(cell.Style.IncludeQuotePrefix, cell.Address.ToString());
        }
        Assert.Empty(sheet.CellsUsed(c => c.HasFormula));
        Assert.Empty(WorkbookChecks.ValidationErrors(stream.ToArray()));
    }

    [Fact]
    public void Write_AnyDates_PassesTheOpenXmlValidator()
    {
        var stream = new MemoryStream();
        KeyDateWorkbook.Write([EndOfTerm, SameDayEarlierName], AsOf, 365, stream);

        Assert.Empty(WorkbookChecks.ValidationErrors(stream.ToArray()));
    }

    [Fact]
    public void Write_Columns_ExplicitWidths()
    {
        using var workbook = WriteAndOpen([EndOfTerm]);
        var sheet = workbook.Worksheet("Key dates");

        Assert.All(Enumerable.Range(1, 8), c => Assert.True(sheet.Column(c).Width >= 10, $"column {c}"));
        Assert.True(sheet.Column(3).Width > sheet.Column(7).Width);
    }

    [Fact]
    public void Write_NoDates_SheetWithEmptyMessage()
    {
        using var workbook = WriteAndOpen([], withinDays: 90);
        var sheet = workbook.Worksheet("Key dates");

        Assert.Equal("Key dates from 1 December 2026 to 28 February 2027 (90 days)", sheet.Cell(1, 1).GetString());
        Assert.Equal("Date", sheet.Cell(3, 1).GetString());
        Assert.Equal("No key dates in this period.", sheet.Cell(4, 1).GetString());
        Assert.True(sheet.Row(5).IsEmpty());
    }
}
