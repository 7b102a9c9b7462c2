using System.Globalization;

namespace SharedServices.Domain.Tests.Money;

using SharedServices.Domain.Money;

public class PoundsTextTests
{
    [Theory]
    [InlineData("1,000.00", "1000.00")]      // one group of three after the first comma
    [InlineData("1000.00", "1000.00")]       // no grouping at all
    [InlineData("£12,345.67", "12345.67")]   // £ sign and a group
    [InlineData("£1,234,567.89", "1234567.89")] // two groups
    [InlineData("999,999", "999999")]
    [InlineData("100", "100")]
    [InlineData(" £5.5 ", "5.5")]            // spaces round the outside are trimmed
    [InlineData(".75", "0.75")]
    [InlineData("-12.50", "-12.50")]         // read; the caller says a minus is not allowed where it is not
    [InlineData("£-12.50", "-12.50")]
    [InlineData("1234.5", "1234.5")]         // as the .xlsx reader writes a number
    public void TryRead_CorrectShapes_AreRead(string text, string expected)
    {
        Assert.True(PoundsText.TryRead(text, out var pounds));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), pounds);
    }

    [Theory]
    [InlineData("1,00.00")]     // a group of two: a slip, not £100.00
    [InlineData("10,00")]       // a group of two
    [InlineData("1,0000.00")]   // a group of four
    [InlineData(",100")]        // nothing before the comma
    [InlineData("1000,000")]    // four digits before the first comma
    [InlineData("1,000,00")]    // a short last group
    [InlineData("12.34.5")]
    [InlineData("1 000")]
    [InlineData("£")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("-£-5")]
    [InlineData("ten pounds")]
    [InlineData("1e3")]
    public void TryRead_BadShapes_AreRefused(string text)
    {
        Assert.False(PoundsText.TryRead(text, out _));
    }
}
