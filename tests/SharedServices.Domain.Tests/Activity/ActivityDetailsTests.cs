using SharedServices.Domain.Activity;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Activity;

using Money = SharedServices.Domain.Money.Money;

public class ActivityDetailsTests
{
    [Fact]
    public void New_PeriodEndingBeforeItStarts_IsRefusedWithBothDates()
    {
        var error = Assert.Throws<DomainException>(() => new ActivityDetails(D("2013-04-01"), D("2013-03-31"), 2m, "day", null));

        Assert.Equal("The period ends (31 March 2013) before it starts (1 April 2013).", error.Message);
    }

    [Fact]
    public void New_OneDay_IsAPeriodOfThatDay()
    {
        var details = new ActivityDetails(D("2013-04-15"), D("2013-04-15"), 1m, "day", null);

        Assert.Equal((D("2013-04-15"), D("2013-04-15")), (details.From, details.To));
    }

    [Fact]
    public void New_QuantityAndActualCost_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            new ActivityDetails(D("2013-04-01"), D("2013-04-30"), 2m, "day", new Money(500_00)));

        Assert.Equal("Give a quantity and unit, or an actual cost, not both.", error.Message);
    }

    [Fact]
    public void New_NeitherQuantityNorActualCost_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new ActivityDetails(D("2013-04-01"), D("2013-04-30"), null, null, null));

        Assert.Equal("Give a quantity and unit, or an actual cost, not both.", error.Message);
    }

    [Fact]
    public void New_NegativeQuantity_IsRefusedSayingWhatItWas()
    {
        var error = Assert.Throws<DomainException>(() => new ActivityDetails(D("2013-04-01"), D("2013-04-30"), -0.5m, "day", null));

        Assert.Equal("The quantity must be zero or more (it was -0.5).", error.Message);
    }

    [Fact]
    public void New_NegativeActualCost_IsRefusedInPounds()
    {
        var error = Assert.Throws<DomainException>(() => new ActivityDetails(D("2013-04-01"), D("2013-04-30"), null, null, new Money(-1_234_56)));

        Assert.Equal("The actual cost must be zero or more (it was -£1,234.56).", error.Message);
    }

    [Fact]
    public void New_ZeroQuantityAndZeroCost_AreAllowed()
    {
        Assert.Equal(0m, new ActivityDetails(D("2013-04-01"), D("2013-04-30"), 0m, "day", null).Quantity);
        Assert.Equal(Money.Zero, new ActivityDetails(D("2013-04-01"), D("2013-04-30"), null, null, Money.Zero).ActualCost);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void New_QuantityWithoutUnit_IsRefused(string? unit)
    {
        var error = Assert.Throws<DomainException>(() => new ActivityDetails(D("2013-04-01"), D("2013-04-30"), 3m, unit, null));

        Assert.Equal("Say what the quantity counts (days, hours, pupils…).", error.Message);
    }

    [Fact]
    public void New_TextIsTrimmedAndBlankTextIsNull()
    {
        var details = new ActivityDetails(D("2013-04-01"), D("2013-04-30"), 3m, "  day ", null, "   ", "  SCC-EP-2013-04 ");

        Assert.Equal(("day", null, "SCC-EP-2013-04"), (details.Unit, details.Description, details.Reference));
    }

    [Fact]
    public void New_ActualCostWithAUnit_KeepsNoUnit()
    {
        Assert.Null(new ActivityDetails(D("2013-04-01"), D("2013-04-30"), null, "day", new Money(100_00)).Unit);
    }

    [Fact]
    public void New_OverLongText_IsRefusedSayingTheLimitAndLength()
    {
        var unit = Assert.Throws<DomainException>(() => new ActivityDetails(D("2013-04-01"), D("2013-04-30"), 1m, new string('u', 101), null));
        var description = Assert.Throws<DomainException>(() =>
            new ActivityDetails(D("2013-04-01"), D("2013-04-30"), 1m, "day", null, description: new string('d', 501)));
        var reference = Assert.Throws<DomainException>(() =>
            new ActivityDetails(D("2013-04-01"), D("2013-04-30"), 1m, "day", null, reference: new string('r', 101)));

        Assert.Equal("Keep the unit to 100 characters (it has 101).", unit.Message);
        Assert.Equal("Keep the description to 500 characters (it has 501).", description.Message);
        Assert.Equal("Keep the reference to 100 characters (it has 101).", reference.Message);
        // At the limit, after trimming, each is kept.
        Assert.Equal(500, new ActivityDetails(D("2013-04-01"), D("2013-04-30"), 1m, "day", null, " " + new string('d', 500) + " ").Description!.Length);
    }
}
