using System.Text;
using SharedServices.Core.Exports;

namespace SharedServices.Core.Tests.Exports;

/// <summary>The bytes of a CSV file as written, for every classic formula-injection payload and for plain numbers.</summary>
public sealed class CsvFileTests
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private static string Written(params string?[] fields)
    {
        var bytes = CsvFile.Bytes([fields]);
        Assert.Equal(ByteOrderMark, bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    // Each expected line is worked by hand: an apostrophe before a formula-like value, then RFC 4180 quotes (quotes
    // doubled) when the value holds a comma, quote, tab or line break, then ",", then CRLF at the end of the line.
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n")]
    [InlineData("+1+1", "'+1+1\r\n")]
    [InlineData("-2+3", "'-2+3\r\n")]
    [InlineData("@SUM(A1)", "'@SUM(A1)\r\n")]
    [InlineData("\t=1", "\"'\t=1\"\r\n")]
    [InlineData("\r=1", "\"'\r=1\"\r\n")]
    [InlineData("=1+2;cmd|' /C calc'!A0", "'=1+2;cmd|' /C calc'!A0\r\n")]
    public void Bytes_FormulaLikeText_StartsWithAnApostropheSoItIsShownNotRun(string payload, string line) =>
        Assert.Equal(line, Written(payload));

    [Theory]
    [InlineData("-2", "-2\r\n")]          // a negative quantity
    [InlineData("-2.5", "-2.5\r\n")]
    [InlineData("-1234.56", "-1234.56\r\n")] // a credit in pounds
    [InlineData("0.5", "0.5\r\n")]
    public void Bytes_PlainNumbers_AreWrittenAsTheyAre(string number, string line) =>
        Assert.Equal(line, Written(number));

    [Theory]
    [InlineData("-2.", "'-2.\r\n")]   // not a plain number: no digits after the point
    [InlineData("-.5", "'-.5\r\n")]
    [InlineData("-1E5", "'-1E5\r\n")] // a spreadsheet would read an exponent; only plain numbers pass
    [InlineData("-2\n", "\"'-2\n\"\r\n")]
    public void Bytes_AlmostNumbers_AreTreatedAsFormulaLikeText(string text, string line) =>
        Assert.Equal(line, Written(text));

    [Fact]
    public void Bytes_SeveralFieldsAndLines_CommasQuotedNullsEmpty()
    {
        var bytes = CsvFile.Bytes([["Service", "Description"], ["Visits, two schools", null], ["@risk", "said \"no\""]]);

        Assert.Equal("Service,Description\r\n\"Visits, two schools\",\r\n'@risk,\"said \"\"no\"\"\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
