using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Recharging;

namespace SharedServices.Domain.Tests.Recharging;

using SharedServices.Domain.Money;

/// <summary>Each expectation is worked by hand in the comment above it.</summary>
public class ServiceRechargeTests
{
    private static readonly DateOnly April2013 = new(2013, 4, 1);
    private static readonly RechargePeriod October2013 = RechargePeriod.Month(2013, 10);

    private static ChargeSchedule Schedule(DateOnly? start, DateOnly? end, params RateVersion[] versions)
    {
        var schedule = new ChargeSchedule(1, start, end);
        foreach (var v in versions) schedule.AddVersion(v);
        return schedule;
    }

    private static RateVersion Version(DateOnly from, ChargingBasis basis, Money? cap = null, BillingTiming timing = BillingTiming.InArrears) =>
        new(from, from, basis, capPerFinancialYear: cap, timing: timing);

    private static BillableActivity Days(int id, int month, int day, decimal days, int year = 2013) =>
        new(id, new DateOnly(year, month, day), new DateOnly(year, month, day), days, "days", null);

    private static BillableActivity Cost(int id, DateOnly on, long pence) => new(id, on, on, null, null, new Money(pence));

    [Fact]
    public void DayRate_AcrossARateChange_OneLinePerRate()
    {
        var schedule = Schedule(April2013, null,
            Version(April2013, ChargingBasis.DayRate(new Money(440_00))),
            Version(new DateOnly(2013, 10, 15), ChargingBasis.DayRate(new Money(450_00))));
        // 2 + 1.5 = 3.5 days before 15 October at £440.00 = £1,540.00; 3 + 0.5 = 3.5 days from it at £450.00 = £1,575.00.
        var lines = new ServiceRecharge(schedule, April2013, null).Lines(October2013,
            [Days(1, 10, 3, 2m), Days(2, 10, 10, 1.5m), Days(3, 10, 20, 3m), Days(4, 10, 28, 0.5m), Days(5, 11, 1, 4m)], YearToDate.Nothing);

        Assert.Equal(["3.5 days × £440.00 (rate from 1 April 2013)", "3.5 days × £450.00 (rate from 15 October 2013)"], lines.Select(l => l.Explanation));
        Assert.Equal([new Money(1_540_00), new Money(1_575_00)], lines.Select(l => l.Net));
        Assert.Equal([[1, 2], [3, 4]], lines.Select(l => l.ActivityIds));
        Assert.Equal([new DateRange(new(2013, 10, 3), new(2013, 10, 10)), new DateRange(new(2013, 10, 20), new(2013, 10, 28))], lines.Select(l => l.Covers));
    }

    [Fact]
    public void ActivityAfterTheServiceEnded_IsNotBilled_AndIsNamed()
    {
        var ended = new DateOnly(2013, 10, 15);
        var schedule = Schedule(April2013, ended, Version(April2013, ChargingBasis.DayRate(new Money(450_00))));
        var recharge = new ServiceRecharge(schedule, April2013, ended);
        BillableActivity[] activity = [Days(1, 10, 3, 2m), Days(2, 10, 15, 1m), Days(3, 10, 16, 4m)];

        // 3 and 15 October are within the service (its last day counts): 2 + 1 = 3 days × £450.00 = £1,350.00; 16 October is not.
        var line = Assert.Single(recharge.Lines(October2013, activity, YearToDate.Nothing));

        Assert.Equal(new Money(1_350_00), line.Net);
        Assert.Equal([1, 2], line.ActivityIds);
        Assert.Equal([3], recharge.OutsideTheService(activity).Select(a => a.Id));
    }

    [Fact]
    public void CapReachedMidYear_ReducesTheLineToWhatIsLeft()
    {
        var schedule = Schedule(April2013, null, Version(April2013, ChargingBasis.DayRate(new Money(450_00)), cap: new Money(10_000_00)));
        // 2 days × £450.00 = £900.00, but only £10,000.00 − £9,500.00 = £500.00 of the year's cap is left.
        var line = Assert.Single(new ServiceRecharge(schedule, April2013, null).Lines(October2013, [Days(1, 10, 7, 2m)],
            new YearToDate(new Money(9_500_00), Money.Zero)));

        Assert.Equal(new Money(500_00), line.Net);
        Assert.Equal(ChargeLimit.FinancialYearCap, line.Limit);
        Assert.Equal("2 days × £450.00 (rate from 1 April 2013); reduced from £900.00 by the cap of £10,000.00 a year", line.Explanation);
    }

    [Fact]
    public void CapRunsOnThroughTheLinesOfOnePeriod()
    {
        var schedule = Schedule(April2013, null,
            Version(April2013, ChargingBasis.DayRate(new Money(400_00)), cap: new Money(10_000_00)),
            Version(new DateOnly(2013, 10, 15), ChargingBasis.DayRate(new Money(500_00)), cap: new Money(10_000_00)));
        // £9,000.00 so far; 2 days × £400.00 = £800.00 (now £9,800.00); 1 day × £500.00 = £500.00 but only £200.00 is left.
        var lines = new ServiceRecharge(schedule, April2013, null).Lines(October2013, [Days(1, 10, 1, 2m), Days(2, 10, 20, 1m)],
            new YearToDate(new Money(9_000_00), Money.Zero));

        Assert.Equal([new Money(800_00), new Money(200_00)], lines.Select(l => l.Net));
    }

    [Fact]
    public void FixedSum_ServiceStartingMidMonth_IsProratedByDays()
    {
        var start = new DateOnly(2013, 10, 16);
        var schedule = Schedule(start, null, Version(start, ChargingBasis.FixedAnnualSum(new Money(54_000_00), InstalmentFrequency.Monthly)));
        // £54,000.00 / 12 = £4,500.00 for October; the service ran 16 of its 31 days: £4,500.00 × 16 / 31 = £2,322.5806… = £2,322.58.
        var line = Assert.Single(new ServiceRecharge(schedule, start, null).Lines(October2013, [], YearToDate.Nothing));

        Assert.Equal(new Money(2_322_58), line.Net);
        Assert.Equal(7, line.InstalmentNumber);
        Assert.Equal(new DateRange(start, new DateOnly(2013, 10, 31)), line.Covers);
        Assert.Equal("Instalment 7 of 12: £54,000.00 a year (rate from 16 October 2013), October 2013, 16 of 31 days (16 October 2013 to 31 October 2013)", line.Explanation);
    }

    [Fact]
    public void FixedSum_ServiceEndingMidQuarter_IsProratedByDays()
    {
        var end = new DateOnly(2013, 11, 15);
        var schedule = Schedule(April2013, end, Version(April2013, ChargingBasis.FixedAnnualSum(new Money(40_000_00), InstalmentFrequency.Quarterly)));
        // Quarter 3 (1 October to 31 December, 92 days) is £40,000.00 / 4 = £10,000.00; the service ran 1 October to
        // 15 November, 31 + 15 = 46 days: £10,000.00 × 46 / 92 = £5,000.00. In arrears, it falls due on 31 December.
        var recharge = new ServiceRecharge(schedule, April2013, end);

        Assert.Empty(recharge.Lines(October2013, [], YearToDate.Nothing));
        var line = Assert.Single(recharge.Lines(RechargePeriod.Month(2013, 12), [], YearToDate.Nothing));
        Assert.Equal(new Money(5_000_00), line.Net);
    }

    [Fact]
    public void FixedSum_TheLastInstalmentCarriesTheLeftoverPennies()
    {
        var schedule = Schedule(April2013, null, Version(April2013, ChargingBasis.FixedAnnualSum(new Money(100_000_00), InstalmentFrequency.Monthly)));
        var recharge = new ServiceRecharge(schedule, April2013, null);
        // £100,000.00 / 12 = £8,333.333…: eleven of £8,333.33 (£91,666.63) and a last of £100,000.00 − £91,666.63 = £8,333.37.
        var march = Assert.Single(recharge.Lines(RechargePeriod.Month(2014, 3), [], YearToDate.Nothing));
        var year = recharge.Lines(RechargePeriod.Year(new FinancialYear(2013)), [], YearToDate.Nothing);

        Assert.Equal(new Money(8_333_37), march.Net);
        Assert.Equal(12, year.Count);
        Assert.All(year.Take(11), l => Assert.Equal(new Money(8_333_33), l.Net));
        Assert.Equal(new Money(100_000_00), year.Aggregate(Money.Zero, (sum, l) => sum + l.Net));
    }

    [Fact]
    public void FixedSum_RateChangeInsideAnInstalment_SplitsItByDays()
    {
        var change = new DateOnly(2013, 10, 15);
        var schedule = Schedule(April2013, null,
            Version(April2013, ChargingBasis.FixedAnnualSum(new Money(60_000_00), InstalmentFrequency.Monthly)),
            Version(change, ChargingBasis.FixedAnnualSum(new Money(72_000_00), InstalmentFrequency.Monthly)));
        // 1–14 October at £60,000.00 a year: £5,000.00 × 14 / 31 = £2,258.0645… = £2,258.06.
        // 15–31 October at £72,000.00 a year: £6,000.00 × 17 / 31 = £3,290.3225… = £3,290.32.
        var lines = new ServiceRecharge(schedule, April2013, null).Lines(October2013, [], YearToDate.Nothing);

        Assert.Equal([new Money(2_258_06), new Money(3_290_32)], lines.Select(l => l.Net));
        Assert.Equal([
            "Instalment 7 of 12: £60,000.00 a year (rate from 1 April 2013), October 2013, 14 of 31 days (1 October 2013 to 14 October 2013)",
            "Instalment 7 of 12: £72,000.00 a year (rate from 15 October 2013), October 2013, 17 of 31 days (15 October 2013 to 31 October 2013)",
        ], lines.Select(l => l.Explanation));
    }

    [Fact]
    public void FixedSum_InAdvance_FallsDueOnTheFirstDayOfItsPeriod()
    {
        var schedule = Schedule(April2013, null,
            Version(April2013, ChargingBasis.FixedAnnualSum(new Money(40_000_00), InstalmentFrequency.Quarterly), timing: BillingTiming.InAdvance));
        var recharge = new ServiceRecharge(schedule, April2013, null);

        // Quarter 3 (£40,000.00 / 4 = £10,000.00) is invoiced on 1 October, so October bills it and November nothing.
        Assert.Equal(new Money(10_000_00), Assert.Single(recharge.Lines(October2013, [], YearToDate.Nothing)).Net);
        Assert.Empty(recharge.Lines(RechargePeriod.Month(2013, 11), [], YearToDate.Nothing));
    }

    [Fact]
    public void CostShare_BillsTheEstimate_ThenTrueUpToTheOutturnAtYearEnd()
    {
        var schedule = Schedule(April2013, null, Version(April2013, ChargingBasis.CostShare(50m, new Money(120_000_00), InstalmentFrequency.Quarterly)));
        var recharge = new ServiceRecharge(schedule, April2013, null);
        // The outturn is £118,250.00 in all, recorded as two actual costs.
        BillableActivity[] outturn = [Cost(1, new DateOnly(2013, 9, 30), 58_000_00), Cost(2, new DateOnly(2014, 3, 31), 60_250_00)];

        // Quarter 3 falls due in arrears on 31 December: 50% of £120,000.00 = £60,000.00 a year, £15,000.00 a quarter; no true-up before the year ends.
        Assert.Empty(recharge.Lines(October2013, outturn, YearToDate.Nothing));
        var december = Assert.Single(recharge.Lines(RechargePeriod.Month(2013, 12), outturn, YearToDate.Nothing));
        Assert.Equal((RechargeLineKind.Instalment, new Money(15_000_00)), (december.Kind, december.Net));
        // Quarter 4 (in arrears, March): £15,000.00; the true-up is 50% of £118,250.00 = £59,125.00, less the
        // £45,000.00 billed for quarters 1–3 and the £15,000.00 of quarter 4: £59,125.00 − £60,000.00 = −£875.00, a credit.
        var march = recharge.Lines(RechargePeriod.Month(2014, 3), outturn, new YearToDate(new Money(45_000_00), new Money(45_000_00)));

        Assert.Equal([RechargeLineKind.Instalment, RechargeLineKind.TrueUp], march.Select(l => l.Kind));
        Assert.Equal([new Money(15_000_00), new Money(-875_00)], march.Select(l => l.Net));
        Assert.Equal("Instalment 4 of 4: 50% of a £120,000.00 budgeted estimate (rate from 1 April 2013), January 2014 to March 2014", march[0].Explanation);
        Assert.Equal("Year-end true-up for 2013/14: 50% of £118,250.00 actual cost is £59,125.00, less £60,000.00 billed on the estimate", march[1].Explanation);
        Assert.Equal([1, 2], march[1].ActivityIds);
    }

    [Fact]
    public void Instalments_AlreadyBilled_AreNotBilledAgain()
    {
        var schedule = Schedule(April2013, null, Version(April2013, ChargingBasis.FixedAnnualSum(new Money(100_000_00), InstalmentFrequency.Monthly)));
        var soFar = new YearToDate(new Money(50_000_00), Money.Zero) { BilledInstalments = new HashSet<int> { 1, 2, 3, 4, 5, 6 } };

        // A year's run after April to September were billed bills only instalments 7 to 12.
        var lines = new ServiceRecharge(schedule, April2013, null).Lines(RechargePeriod.Year(new FinancialYear(2013)), [], soFar);

        Assert.Equal([7, 8, 9, 10, 11, 12], lines.Select(l => l.InstalmentNumber!.Value));
    }

    [Fact]
    public void CostShare_OutturnRecordedAfterTheTrueUp_IsSettledByAFurtherOne()
    {
        var schedule = Schedule(April2013, null, Version(April2013, ChargingBasis.CostShare(50m, new Money(120_000_00), InstalmentFrequency.Quarterly)));
        // The first true-up settled £118,250.00 (all four quarters, £60,000.00, and −£875.00: £59,125.00 billed).
        // £1,750.00 more cost arrives: 50% of £120,000.00 = £60,000.00, less £59,125.00 = £875.00.
        var soFar = new YearToDate(new Money(59_125_00), new Money(59_125_00))
        {
            BilledInstalments = new HashSet<int> { 1, 2, 3, 4 },
            OutturnAlreadyTrued = new Money(118_250_00),
        };

        var line = Assert.Single(new ServiceRecharge(schedule, April2013, null).Lines(RechargePeriod.Month(2014, 3),
            [Cost(9, new DateOnly(2014, 3, 31), 1_750_00)], soFar));

        Assert.Equal((RechargeLineKind.TrueUp, new Money(875_00)), (line.Kind, line.Net));
        Assert.Equal("Year-end true-up for 2013/14: 50% of £120,000.00 actual cost is £60,000.00, less £59,125.00 billed on the estimate and earlier true-ups", line.Explanation);
    }

    [Fact]
    public void CostShare_NoOutturnRecorded_NoTrueUpYet()
    {
        var schedule = Schedule(April2013, null, Version(April2013, ChargingBasis.CostShare(50m, new Money(120_000_00), InstalmentFrequency.Quarterly)));

        var march = new ServiceRecharge(schedule, April2013, null).Lines(RechargePeriod.Month(2014, 3), [], YearToDate.Nothing);

        Assert.Equal([RechargeLineKind.Instalment], march.Select(l => l.Kind));
    }

    [Fact]
    public void FullCost_AddsTheOverheadToTheActualCosts()
    {
        var schedule = Schedule(April2013, null, Version(April2013, ChargingBasis.FullCostRecovery(12.5m)));
        // (£9,412.50 + £1,000.00) × 1.125 = £10,412.50 × 1.125 = £11,714.0625 = £11,714.06.
        var line = Assert.Single(new ServiceRecharge(schedule, April2013, null).Lines(October2013,
            [Cost(1, new DateOnly(2013, 10, 31), 9_412_50), Cost(2, new DateOnly(2013, 10, 15), 1_000_00), Cost(3, new DateOnly(2013, 11, 30), 5_000_00)],
            YearToDate.Nothing));

        Assert.Equal(new Money(11_714_06), line.Net);
        Assert.Equal([2, 1], line.ActivityIds);
        Assert.Equal("£10,412.50 actual cost plus 12.5% overhead (15 October 2013 to 31 October 2013)", line.Explanation);
    }

    [Fact]
    public void ActivityBeforeTheFirstRate_IsRefusedNamingTheDate()
    {
        var schedule = Schedule(April2013, null, Version(new DateOnly(2013, 10, 15), ChargingBasis.DayRate(new Money(450_00))));

        var refused = Assert.Throws<DomainException>(() =>
            new ServiceRecharge(schedule, April2013, null).Lines(October2013, [Days(1, 10, 3, 1m)], YearToDate.Nothing));

        Assert.Equal("No rate applies on 3 October 2013: the schedule of charges starts on 15 October 2013.", refused.Message);
    }
}
