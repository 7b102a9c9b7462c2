using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Dates;

public class DateTextTests
{
    [Theory]
    [InlineData("2012-11-13", "13 November 2012")]
    [InlineData("2013-07-01", "1 July 2013")]      // no leading zero on the day
    [InlineData("2024-02-29", "29 February 2024")]
    [InlineData("2025-03-31", "31 March 2025")]
    [InlineData("2000-09-05", "5 September 2000")]
    public void Long_Date_WritesDayMonthNameYear(string date, string expected)
    {
        Assert.Equal(expected, DateText.Long(D(date)));
    }

    [Fact]
    public void Long_MissingDate_WritesFallbackText()
    {
        Assert.Equal("not stated in source", DateText.Long(null, "not stated in source"));
    }

    [Fact]
    public void Long_PresentOptionalDate_WritesDate()
    {
        Assert.Equal("13 November 2012", DateText.Long(OptionalD("2012-11-13"), "not stated in source"));
    }
}
