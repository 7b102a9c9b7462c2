using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.Charging.ChargingTestData;

namespace SharedServices.Domain.Tests.Charging;

using Money = SharedServices.Domain.Money.Money;

/// <summary>A yearly sum from £1.00 to about £21 million, billed at one of the four frequencies in a year from 2000/01 to 2039/40.</summary>
public sealed record InstalmentScenario(long AnnualPence, InstalmentFrequency Frequency, int Year);

/// <summary>An hourly rate, a cap and a run of quantities charged one after another in the same financial year.</summary>
public sealed record CapScenario(long RatePence, long CapPence, decimal[] Hours);

public static class ChargingScenarios
{
    public static Arbitrary<InstalmentScenario> Instalments() => Arb.From(
        from pence in Gen.Choose(100, int.MaxValue)
        from frequency in Gen.Elements(Enum.GetValues<InstalmentFrequency>())
        from year in Gen.Choose(2000, 2039)
        select new InstalmentScenario(pence, frequency, year));

    public static Arbitrary<CapScenario> Caps() => Arb.From(
        from rate in Gen.Choose(1, 20_000)
        from cap in Gen.Choose(1, 2_000_000)
        from quarters in Gen.ArrayOf(Gen.Choose(0, 60))   // hours in quarter-hours, up to 15 hours a line
        select new CapScenario(rate, cap, quarters.Select(q => q / 4m).ToArray()));
}

[Properties(Arbitrary = [typeof(ChargingScenarios)], MaxTest = 500)]
public class ChargeCalculatorProperties
{
    [Property]
    public void Instalment_AnyAnnualSum_AddsUpToItExactly(InstalmentScenario s)
    {
        var year = new FinancialYear(s.Year);
        var annual = new Money(s.AnnualPence);
        var schedule = OneVersion($"{s.Year}-04-01", ChargingBasis.FixedAnnualSum(annual, s.Frequency));
        var calculator = new ChargeCalculator(schedule);
        var count = BillingPeriods.For(year, s.Frequency).Count;

        var instalments = Enumerable.Range(1, count).Select(n => calculator.Instalment(year, n, Money.Zero).Amount).ToList();

        Assert.Equal(annual, instalments.Aggregate(Money.Zero, (sum, amount) => sum + amount));
        Assert.All(instalments.SkipLast(1), amount => Assert.Equal(instalments[0], amount));
        // Each regular instalment is within half a penny of an exact share, so the last absorbs at most count/2 pence.
        Assert.True(Math.Abs(instalments[^1].Pence - instalments[0].Pence) <= count, $"last {instalments[^1]} strays from {instalments[0]}");
    }

    [Property]
    public void ForQuantity_RunOfChargesUnderCap_NeverPassesCapAndOnlyLimitedWhenOver(CapScenario s)
    {
        var cap = new Money(s.CapPence);
        var schedule = OneVersion("2024-04-01", ChargingBasis.HourlyRate(new Money(s.RatePence)), cap: cap.Pounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var calculator = new ChargeCalculator(schedule);
        var charged = Money.Zero;

        foreach (var hours in s.Hours)
        {
            var charge = calculator.ForQuantity(new DateOnly(2024, 10, 1), hours, charged);
            Assert.True(charge.Amount >= Money.Zero, $"a negative charge {charge.Amount}");
            Assert.Equal(charge.Limit == ChargeLimit.None, charge.Amount == charge.BeforeLimits);
            charged += charge.Amount;
        }

        Assert.True(charged <= cap, $"charged {charged}, over the cap of {cap}");
    }

    [Property]
    public void CostShareTrueUp_AfterInstalments_TotalIsShareOfOutturn(PositiveInt estimatePence, PositiveInt outturnPence, byte sharePercent)
    {
        var share = sharePercent % 100 + 1;   // 1% to 100%
        var year = new FinancialYear(2024);
        var schedule = OneVersion("2024-04-01", ChargingBasis.CostShare(share, new Money(estimatePence.Get), InstalmentFrequency.Monthly));
        var calculator = new ChargeCalculator(schedule);
        var billed = Enumerable.Range(1, 12).Aggregate(Money.Zero, (sum, n) => sum + calculator.Instalment(year, n, Money.Zero).Amount);

        var trueUp = calculator.CostShareTrueUp(year, new Money(outturnPence.Get), billed, billed);

        Assert.Equal(Money.FromPounds(new Money(outturnPence.Get).Pounds * share / 100m), billed + trueUp.Amount);
    }
}
