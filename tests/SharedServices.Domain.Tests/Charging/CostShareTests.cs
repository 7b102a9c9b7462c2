using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.Charging.ChargingTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Charging;

/// <summary>A shared director post split 50/50 (illustrative), budgeted at £120,000.00 for 2024/25 and billed monthly.</summary>
public class CostShareTests
{
    private static readonly FinancialYear Year = new(2024);

    private static ChargeCalculator Director(decimal share = 50m, string? cap = null) =>
        new(OneVersion("2024-04-01", ChargingBasis.CostShare(share, Pounds("120000"), InstalmentFrequency.Monthly), cap: cap));

    [Fact]
    public void Instalment_FiftyPercentOfEstimate_TwelveOfFiveThousand()
    {
        // Working: 50% × £120,000.00 = £60,000.00 for the year; / 12 = £5,000.00 a month, no remainder.
        var calculator = Director();

        var instalments = Enumerable.Range(1, 12).Select(n => calculator.Instalment(Year, n, Pounds("0")).Amount).ToList();

        Assert.All(instalments, amount => Assert.Equal(Pounds("5000.00"), amount));
    }

    [Theory]
    [InlineData("126500.00", "3250.00")]    // 50% × £126,500.00 = £63,250.00; less £60,000.00 billed = £3,250.00 to pay
    [InlineData("114000.00", "-3000.00")]   // 50% × £114,000.00 = £57,000.00; less £60,000.00 = £3,000.00 credit
    [InlineData("120000.00", "0.00")]       // outturn as budgeted: nothing to balance
    [InlineData("120000.01", "0.01")]       // 50% × £120,000.01 = £60,000.005 → £60,000.01: one penny
    public void CostShareTrueUp_Outturn_BalancingChargeOrCredit(string outturn, string expected)
    {
        var trueUp = Director().CostShareTrueUp(Year, Pounds(outturn), Pounds("60000"), Pounds("60000"));

        Assert.Equal(Pounds(expected), trueUp.Amount);
        Assert.Equal(ChargeLimit.None, trueUp.Limit);
    }

    [Fact]
    public void CostShareTrueUp_ShareByDriver_UsesAgreedPercentage()
    {
        // Working: split by pupil numbers, 37.5%: estimate share 37.5% × £120,000.00 = £45,000.00 billed;
        // outturn share 37.5% × £126,500.00 = £47,437.50; true-up £2,437.50.
        var trueUp = Director(37.5m).CostShareTrueUp(Year, Pounds("126500"), Pounds("45000"), Pounds("45000"));

        Assert.Equal(Pounds("2437.50"), trueUp.Amount);
    }

    [Fact]
    public void CostShareTrueUp_ChargeOverCap_LimitedButCreditNeverCapped()
    {
        // Working: cap £62,000.00 with £60,000.00 billed leaves £2,000.00 of the £3,250.00 true-up.
        var calculator = Director(cap: "62000");

        var charge = calculator.CostShareTrueUp(Year, Pounds("126500"), Pounds("60000"), Pounds("60000"));
        var credit = calculator.CostShareTrueUp(Year, Pounds("114000"), Pounds("60000"), Pounds("60000"));

        Assert.Equal(Pounds("2000.00"), charge.Amount);
        Assert.Equal(ChargeLimit.FinancialYearCap, charge.Limit);
        Assert.Equal(Pounds("-3000.00"), credit.Amount);
    }

    [Fact]
    public void CostShareTrueUp_PostSharedUntilDecember_SettlesOnLastShare()
    {
        // Working: the shared post ends on 31 December 2024; nine monthly instalments of £5,000.00 = £45,000.00 billed.
        // Outturn for the nine months £93,000.00; 50% = £46,500.00; true-up £1,500.00.
        var schedule = new ChargeSchedule(1, D("2024-04-01"), D("2024-12-31"));
        schedule.AddVersion(new RateVersion(D("2024-04-01"), D("2024-03-01"), ChargingBasis.CostShare(50m, Pounds("120000"), InstalmentFrequency.Monthly)));

        var trueUp = new ChargeCalculator(schedule).CostShareTrueUp(Year, Pounds("93000"), Pounds("45000"), Pounds("45000"));

        Assert.Equal(Pounds("1500.00"), trueUp.Amount);
    }

    [Fact]
    public void CostShareTrueUp_NotACostShare_Refuses()
    {
        var calculator = new ChargeCalculator(OneVersion("2024-04-01", ChargingBasis.FullCostRecovery(12.5m)));

        var error = Assert.Throws<DomainException>(() => calculator.CostShareTrueUp(Year, Pounds("1"), Pounds("0"), Pounds("0")));
        Assert.Equal("The service is charged by full cost recovery from 1 April 2024, not as a cost share.", error.Message);
    }
}
