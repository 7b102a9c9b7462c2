using SharedServices.Domain.Vat;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Vat;

public class StandardVatRatesTests
{
    [Theory]
    [InlineData("1991-04-01", "17.5")]
    [InlineData("2008-11-30", "17.5")]
    [InlineData("2008-12-01", "15")]
    [InlineData("2009-12-31", "15")]
    [InlineData("2010-01-01", "17.5")]
    [InlineData("2011-01-03", "17.5")]
    [InlineData("2011-01-04", "20")]
    [InlineData("2026-11-30", "20")]
    public void RateOn_EitherSideOfEachChange_GivesTheRateInForce(string date, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            StandardVatRates.UnitedKingdom.RateOn(D(date)));
    }

    [Fact]
    public void Constructor_GapBetweenRates_NamesTheUncoveredDays()
    {
        var error = Assert.Throws<DomainException>(() => new StandardVatRates(
        [
            new(null, D("2008-11-30"), 17.5m),
            new(D("2008-12-03"), null, 15m),
        ]));
        Assert.Equal("VAT rates: no rate covers 1 December 2008 to 2 December 2008.", error.Message);
    }

    [Fact]
    public void Constructor_OverlappingRates_NamesTheOverlap()
    {
        var error = Assert.Throws<DomainException>(() => new StandardVatRates(
        [
            new(D("2010-01-01"), D("2011-01-04"), 17.5m),
            new(D("2011-01-04"), null, 20m),
        ]));
        Assert.Equal("VAT rates: the rates from 1 January 2010 and from 4 January 2011 overlap on 4 January 2011.", error.Message);
    }

    [Fact]
    public void Constructor_OpenEndedRateFollowedByAnother_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new StandardVatRates(
        [
            new(D("2010-01-01"), null, 17.5m),
            new(D("2011-01-04"), null, 20m),
        ]));
        Assert.Contains("has no end date but another starts on 4 January 2011", error.Message);
    }

    [Fact]
    public void Constructor_TwoRatesWithoutStart_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new StandardVatRates(
        [
            new(null, D("2010-01-01"), 17.5m),
            new(null, null, 20m),
        ]));
        Assert.Equal("VAT rates: only the earliest rate may have no start date.", error.Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100.5")]
    public void Constructor_PercentOutOfRange_IsRefused(string percent)
    {
        var error = Assert.Throws<DomainException>(() => new StandardVatRates(
            [new(null, null, decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.StartsWith("VAT rates:", error.Message);
    }

    [Fact]
    public void Constructor_EndBeforeStart_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new StandardVatRates([new(D("2011-01-04"), D("2011-01-03"), 20m)]));
        Assert.Equal("VAT rates: the rate from 4 January 2011 ends on 3 January 2011, before it starts.", error.Message);
    }

    [Fact]
    public void Constructor_NoRates_IsRefused()
    {
        Assert.Throws<DomainException>(() => new StandardVatRates([]));
    }

    [Fact]
    public void RateOn_BeforeTheFirstRecordedRate_SaysNoneIsRecorded()
    {
        var rates = new StandardVatRates([new(D("2011-01-04"), null, 20m)]);
        var error = Assert.Throws<DomainException>(() => rates.RateOn(D("2011-01-03")));
        Assert.Equal("VAT rates: no standard rate is recorded for 3 January 2011.", error.Message);
    }

    [Fact]
    public void Constructor_AdministratorAddsAFutureRate_AppliesFromItsDate()
    {
        // An administrator's edit: the open-ended 20% is closed and a new rate follows, given out of order.
        var rates = new StandardVatRates(
        [
            new(D("2030-04-01"), null, 22.5m),
            new(null, D("2030-03-31"), 20m),
        ]);
        Assert.Equal(20m, rates.RateOn(D("2030-03-31")));
        Assert.Equal(22.5m, rates.RateOn(D("2030-04-01")));
    }
}
