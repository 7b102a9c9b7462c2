using System.Globalization;
using ClosedXML.Excel;
using SharedServices.Core.Exports;

namespace SharedServices.Core.Tests.Exports;

public sealed class SafeTextTests
{
    /// <summary>The classic CSV/formula-injection payloads, and text that ClosedXML would otherwise read as a number or date.</summary>
    public static readonly TheoryData<string> Payloads = new()
    {
        "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=1\r\n+2", "2012", "1/2", "'quoted",
    };

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+1", true)]
    [InlineData("-2+3", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\t=1", true)]
    [InlineData("\r=1", true)]
    [InlineData(" =1", false)]
    [InlineData("EP-1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void LooksLikeFormula_FirstCharacter_Decides(string? text, bool expected) =>
        Assert.Equal(expected, SafeText.LooksLikeFormula(text));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("Days in October", "Days in October")]
    [InlineData("-2", "-2")]         // a negative quantity stays a number
    [InlineData("-0.75", "-0.75")]
    [InlineData("+2", "'+2")]        // only a minus sign passes as a number: + is not how numbers are written out
    [InlineData(null, "")]
    public void ForCsv_FormulaLikeText_GetsAnApostrophe(string? text, string expected) =>
        Assert.Equal(expected, SafeText.ForCsv(text));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Write_ThenSaveAndOpen_IsTextWithTheExactCharacters(string payload)
    {
        using var workbook = new XLWorkbook();
        SafeText.Write(workbook.AddWorksheet("S").Cell(1, 1), payload);
        var file = new MemoryStream();
        WorkbookFile.Save(workbook, file);

        using var read = new XLWorkbook(new MemoryStream(file.ToArray()));
        var cell = read.Worksheet("S").Cell(1, 1);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(payload, cell.GetString());
        Assert.Equal(SafeText.LooksLikeFormula(payload), cell.Style.IncludeQuotePrefix);
        Assert.Empty(WorkbookChecks.ValidationErrors(file.ToArray()));
    }

    [Fact]
    public void Save_FormulaWithCachedValue_FileHoldsTheFormulaAndTheValue()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("S");
        // 0.10 + 0.20 in binary floating point is 0.30000000000000004; the cached value is the exact 0.30.
        sheet.Cell(1, 1).SetValue(0.10m);
        sheet.Cell(2, 1).SetValue(0.20m);
        sheet.Cell(3, 1).FormulaA1 = "SUM(A1:A2)";
        var file = new MemoryStream();
        WorkbookFile.Save(workbook, file, [new CachedFormulaValue("S", "A3", 0.30m)]);

        using var read = new XLWorkbook(new MemoryStream(file.ToArray()));
        var total = read.Worksheet("S").Cell(3, 1);
        Assert.True(total.HasFormula);
        Assert.Equal("SUM(A1:A2)", total.FormulaA1);
        Assert.Equal(0.30m, Convert.ToDecimal(total.CachedValue, CultureInfo.InvariantCulture));
        Assert.Empty(WorkbookChecks.ValidationErrors(file.ToArray()));
    }

    [Fact]
    public void Save_TextWithACarriageReturn_WorkbookInMemoryIsLeftAsItWas()
    {
        using var workbook = new XLWorkbook();
        var cell = workbook.AddWorksheet("S").Cell(1, 1);
        SafeText.Write(cell, "\r=1");

        WorkbookFile.Save(workbook, new MemoryStream());

        Assert.Equal(("\r=1", XLDataType.Text), (cell.GetString(), cell.DataType));
    }

    [Fact]
    public void Save_CachedValueForACellWithoutFormula_Refused()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("S").Cell(1, 1).SetValue(1);

        Assert.Throws<InvalidOperationException>(() => WorkbookFile.Save(workbook, new MemoryStream(), [new CachedFormulaValue("S", "A1", 1m)]));
    }
}
