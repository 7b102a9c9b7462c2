using SharedServices.Domain.Dates;
using SharedServices.Domain.Recharging;

namespace SharedServices.Domain.Tests.Recharging;

public class RechargePeriodTests
{
    [Theory]
    [InlineData("2013-10", "October 2013", "2013-10-01", "2013-10-31", "2013-10")]
    [InlineData("October 2013", "October 2013", "2013-10-01", "2013-10-31", "2013-10")]
    [InlineData(" oct   2013 ", "October 2013", "2013-10-01", "2013-10-31", "2013-10")]
    [InlineData("2014-02", "February 2014", "2014-02-01", "2014-02-28", "2014-02")]
    [InlineData("2012-02", "February 2012", "2012-02-01", "2012-02-29", "2012-02")]
    [InlineData("2013/14-Q1", "Quarter 1 of 2013/14 (April to June 2013)", "2013-04-01", "2013-06-30", "2013/14-Q1")]
    [InlineData("Q3 2013/14", "Quarter 3 of 2013/14 (October to December 2013)", "2013-10-01", "2013-12-31", "2013/14-Q3")]
    [InlineData("2013/14 q4", "Quarter 4 of 2013/14 (January to March 2014)", "2014-01-01", "2014-03-31", "2013/14-Q4")]
    [InlineData("summer 2013", "Summer term 2013", "2013-04-01", "2013-08-31", "2013/14-summer")]
    [InlineData("Autumn term 2013", "Autumn term 2013", "2013-09-01", "2013-12-31", "2013/14-autumn")]
    [InlineData("spring 2014", "Spring term 2014", "2014-01-01", "2014-03-31", "2013/14-spring")]
    [InlineData("2013/14-spring", "Spring term 2014", "2014-01-01", "2014-03-31", "2013/14-spring")]
    [InlineData("2013/14", "2013/14", "2013-04-01", "2014-03-31", "2013/14")]
    public void Parse_ReadsEveryWayOfWritingAPeriod(string text, string label, string start, string end, string code)
    {
        var period = RechargePeriod.Parse(text);

        Assert.Equal(label, period.Label);
        Assert.Equal(new DateRange(DateOnly.Parse(start), DateOnly.Parse(end)), period.Dates);
        Assert.Equal(code, period.Code);
        Assert.Equal(period, RechargePeriod.Parse(period.Code));
    }

    [Theory]
    [InlineData("2014-01", 2013)]
    [InlineData("2014-04", 2014)]
    [InlineData("spring 2014", 2013)]
    public void FinancialYear_IsTheOneThePeriodFallsIn(string text, int startYear) =>
        Assert.Equal(new FinancialYear(startYear), RechargePeriod.Parse(text).FinancialYear);

    [Theory]
    [InlineData("")]
    [InlineData("2013-13")]
    [InlineData("2013/15")]
    [InlineData("2013/14-Q5")]
    [InlineData("winter 2013")]
    [InlineData("13/10/2013")]
    public void Parse_RefusesWhatIsNotAPeriod(string text)
    {
        var refused = Assert.Throws<DomainException>(() => RechargePeriod.Parse(text));
        Assert.NotEmpty(refused.Message);
    }

    [Fact]
    public void Parse_Nonsense_SaysHowToWriteAPeriod() =>
        Assert.Equal("Period: \"winter 2013\" is not a period. Write a month (2013-10 or October 2013), a quarter (2013/14-Q3), " +
                     "a school term (autumn 2013) or a financial year (2013/14).",
            Assert.Throws<DomainException>(() => RechargePeriod.Parse("winter 2013")).Message);
}
