using SharedServices.Domain.Charging;
using static SharedServices.Domain.Tests.Charging.ChargingTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Charging;

public class ChargeCalculatorTests
{
    // Working: 2 days × £450.00 = £900.00 under the 2012 rate; 2 days × £463.50 = £927.00 under the pay award;
    // 2.5 days × £463.50 = £1,158.75.
    [Theory]
    [InlineData("2013-03-31", "2", "900.00")]    // the day before the backdated pay award
    [InlineData("2013-04-01", "2", "927.00")]    // the day it takes effect, though entered on 13 November 2013
    [InlineData("2013-04-01", "2.5", "1158.75")]
    [InlineData("2013-04-01", "0", "0.00")]
    public void ForQuantity_DaysAroundBackdatedPayAward_UsesVersionInForceThatDay(string date, string days, string expected)
    {
        var charge = new ChargeCalculator(EducationalPsychology()).ForQuantity(D(date), Dec(days), Pounds("0"));

        Assert.Equal(Pounds(expected), charge.Amount);
        Assert.Equal(ChargeLimit.None, charge.Limit);
    }

    [Fact]
    public void ForQuantity_BackdatedVersion_ChargeNamesTheBackdatedVersion()
    {
        var charge = new ChargeCalculator(EducationalPsychology()).ForQuantity(D("2013-06-10"), 1m, Pounds("0"));

        Assert.True(charge.Version.IsBackdated);
        Assert.Equal(D("2013-11-13"), charge.Version.EnteredOn);
    }

    [Fact]
    public void ForQuantity_PerUnit_MultipliesByUnitRate()
    {
        // Working: 7 assessments × £35.50 = £248.50.
        var schedule = OneVersion("2024-04-01", ChargingBasis.PerUnit(Pounds("35.50"), "assessment"));

        Assert.Equal(Pounds("248.50"), new ChargeCalculator(schedule).ForQuantity(D("2024-05-01"), 7m, Pounds("0")).Amount);
    }

    [Theory]
    [InlineData("0", "180.00", ChargeLimit.None)]                 // £180.00 of £5,000 room
    [InlineData("4700.00", "180.00", ChargeLimit.None)]           // £300.00 of room left: fits
    [InlineData("4820.00", "180.00", ChargeLimit.None)]           // exactly reaches the cap
    [InlineData("4820.01", "179.99", ChargeLimit.FinancialYearCap)]  // a penny short of room: £179.99
    [InlineData("4900.00", "100.00", ChargeLimit.FinancialYearCap)]  // cap reached part-way: only £100.00 of room
    [InlineData("5000.00", "0.00", ChargeLimit.FinancialYearCap)]    // cap already reached
    [InlineData("5100.00", "0.00", ChargeLimit.FinancialYearCap)]    // already over (cap added late): nothing more, never a credit
    public void ForQuantity_CapPerFinancialYear_LimitsToRoomLeft(string chargedSoFar, string expected, ChargeLimit limit)
    {
        // Working: 3 hours × £60.00 = £180.00; cap £5,000.00 a financial year.
        var schedule = OneVersion("2024-04-01", ChargingBasis.HourlyRate(Pounds("60")), cap: "5000");

        var charge = new ChargeCalculator(schedule).ForQuantity(D("2025-03-31"), 3m, Pounds(chargedSoFar));

        Assert.Equal(Pounds(expected), charge.Amount);
        Assert.Equal(Pounds("180.00"), charge.BeforeLimits);
        Assert.Equal(limit, charge.Limit);
    }

    [Theory]
    [InlineData("0.5", "120.00", ChargeLimit.MinimumCharge)]   // £30.00 raised to the £120.00 minimum
    [InlineData("1", "120.00", ChargeLimit.MinimumCharge)]     // £60.00 raised
    [InlineData("1.99", "120.00", ChargeLimit.MinimumCharge)]  // £119.40 raised
    [InlineData("2", "120.00", ChargeLimit.None)]              // exactly the minimum
    [InlineData("3", "180.00", ChargeLimit.None)]
    [InlineData("0", "0.00", ChargeLimit.None)]                // nothing delivered, nothing charged
    public void ForQuantity_MinimumCharge_RaisesSmallCharges(string hours, string expected, ChargeLimit limit)
    {
        var schedule = OneVersion("2024-04-01", ChargingBasis.HourlyRate(Pounds("60")), minimum: "120");

        var charge = new ChargeCalculator(schedule).ForQuantity(D("2024-06-03"), Dec(hours), Pounds("0"));

        Assert.Equal(Pounds(expected), charge.Amount);
        Assert.Equal(limit, charge.Limit);
    }

    [Fact]
    public void ForQuantity_MinimumThenCap_CapWins()
    {
        // Working: 1 hour = £60.00, raised to the £120.00 minimum, but only £50.00 of the £5,000.00 cap is left.
        var schedule = OneVersion("2024-04-01", ChargingBasis.HourlyRate(Pounds("60")), cap: "5000", minimum: "120");

        var charge = new ChargeCalculator(schedule).ForQuantity(D("2024-06-03"), 1m, Pounds("4950"));

        Assert.Equal(Pounds("50.00"), charge.Amount);
        Assert.Equal(ChargeLimit.FinancialYearCap, charge.Limit);
    }

    [Fact]
    public void ForQuantity_NegativeQuantity_RefusesNamingUnit()
    {
        var error = Assert.Throws<DomainException>(() => new ChargeCalculator(EducationalPsychology()).ForQuantity(D("2013-05-01"), -1m, Pounds("0")));
        Assert.Equal("The quantity of days cannot be negative (it was -1).", error.Message);
    }

    [Fact]
    public void ForQuantity_FixedAnnualSum_RefusesNamingBasis()
    {
        var schedule = OneVersion("2024-04-01", ChargingBasis.FixedAnnualSum(Pounds("100000"), InstalmentFrequency.Monthly));

        var error = Assert.Throws<DomainException>(() => new ChargeCalculator(schedule).ForQuantity(D("2024-05-01"), 1m, Pounds("0")));
        Assert.Equal("The service is charged by fixed annual sum from 1 April 2024, not by the day, hour or unit.", error.Message);
    }

    [Theory]
    [InlineData("10000.00", "12.5", "11250.00")]  // £10,000 + 12.5% (£1,250.00) = £11,250.00
    [InlineData("1234.57", "12.5", "1388.89")]    // 1,234.57 × 1.125 = 1,388.89125 → £1,388.89
    [InlineData("1234.60", "12.5", "1388.93")]    // 1,234.60 × 1.125 = 1,388.925 → £1,388.93 (half away from zero)
    [InlineData("10000.00", "0", "10000.00")]     // no overhead: the cost alone
    public void FullCost_CostPlusOverhead_RoundsAtLine(string cost, string overhead, string expected)
    {
        var schedule = OneVersion("2024-04-01", ChargingBasis.FullCostRecovery(Dec(overhead)));

        Assert.Equal(Pounds(expected), new ChargeCalculator(schedule).FullCost(D("2024-09-30"), Pounds(cost), Pounds("0")).Amount);
    }

    [Fact]
    public void FullCost_Capped_LimitsToRoomLeft()
    {
        // Working: £10,000 + 12.5% = £11,250.00; cap £50,000.00, £45,000.00 already charged: £5,000.00 of room.
        var schedule = OneVersion("2024-04-01", ChargingBasis.FullCostRecovery(12.5m), cap: "50000");

        var charge = new ChargeCalculator(schedule).FullCost(D("2024-09-30"), Pounds("10000"), Pounds("45000"));

        Assert.Equal(Pounds("5000.00"), charge.Amount);
        Assert.Equal(Pounds("11250.00"), charge.BeforeLimits);
    }
}
