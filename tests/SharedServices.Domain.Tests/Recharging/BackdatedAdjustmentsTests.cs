using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Recharging;

namespace SharedServices.Domain.Tests.Recharging;

using SharedServices.Domain.Money;

/// <summary>A pay award agreed on 20 November 2013 and backdated to 1 April 2013, after April to July were invoiced.</summary>
public class BackdatedAdjustmentsTests
{
    private static readonly DateOnly April2012 = new(2012, 4, 1);
    private static readonly DateOnly April2013 = new(2013, 4, 1);
    private static readonly DateOnly AgreedOn = new(2013, 11, 20);

    private static ChargeSchedule DayRates(long before, long after, DateOnly? from = null)
    {
        var schedule = new ChargeSchedule(1, April2012);
        schedule.AddVersion(new RateVersion(April2012, April2012, ChargingBasis.DayRate(new Money(before))));
        schedule.AddVersion(new RateVersion(from ?? April2013, AgreedOn, ChargingBasis.DayRate(new Money(after))));
        return schedule;
    }

    private static BilledLine Month(int lineId, string invoice, int month, decimal days, long billedPence, long correctedPence = 0)
    {
        var start = new DateOnly(2013, month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        return new BilledLine(lineId, invoice, end.AddDays(1), RechargeLineKind.Quantity, new DateRange(start, end), null, new Money(billedPence),
            new Money(correctedPence), [new BillableActivity(lineId * 10, start.AddDays(4), start.AddDays(4), days, "days", null)]);
    }

    [Fact]
    public void PayAward_OverFourIssuedMonths_OneSupplementaryLineNamingTheInvoices()
    {
        // April 10, May 9, June 11 and July 8 days were billed at £450.00: £4,500.00, £4,050.00, £4,950.00 and £3,600.00.
        // At £462.00 each day costs £12.00 more: 38 days × £12.00 = £456.00.
        BilledLine[] billed =
        [
            Month(1, "SCC-2013/14-0003", 4, 10m, 4_500_00), Month(2, "SCC-2013/14-0004", 5, 9m, 4_050_00),
            Month(3, "SCC-2013/14-0005", 6, 11m, 4_950_00), Month(4, "SCC-2013/14-0006", 7, 8m, 3_600_00),
        ];

        var adjustment = Assert.Single(new BackdatedAdjustments(DayRates(450_00, 462_00)).For(billed));

        Assert.Equal(new Money(456_00), adjustment.Line.Net);
        Assert.Equal(RechargeLineKind.BackdatedAdjustment, adjustment.Line.Kind);
        Assert.Equal("Rate backdated to 1 April 2013 (entered 20 November 2013): 38 days × £12.00 difference, invoices SCC-2013/14-0003 to SCC-2013/14-0006",
            adjustment.Line.Explanation);
        Assert.Equal(38m, adjustment.Line.Quantity);
        Assert.Equal(new Money(12_00), adjustment.Line.Rate);
        Assert.Equal(new DateRange(April2013, new DateOnly(2013, 7, 31)), adjustment.Line.Covers);
        // 10 × £12.00 = £120.00, 9 × = £108.00, 11 × = £132.00, 8 × = £96.00.
        Assert.Equal([(1, new Money(120_00)), (2, new Money(108_00)), (3, new Money(132_00)), (4, new Money(96_00))],
            adjustment.Corrects.Select(c => (c.LineId, c.Difference)));
    }

    [Fact]
    public void RateFell_TheDifferenceIsACredit()
    {
        // 10 days at £450.00 billed (£4,500.00); at £445.50 they cost £4,455.00: −£45.00.
        var adjustment = Assert.Single(new BackdatedAdjustments(DayRates(450_00, 445_50)).For([Month(1, "SCC-2013/14-0003", 4, 10m, 4_500_00)]));

        Assert.Equal(new Money(-45_00), adjustment.Line.Net);
        Assert.Equal("Rate backdated to 1 April 2013 (entered 20 November 2013): 10 days × -£4.50 difference, invoice SCC-2013/14-0003", adjustment.Line.Explanation);
    }

    [Fact]
    public void AlreadyCorrected_NothingMoreToBill()
    {
        // April billed £4,500.00 and then corrected by £120.00: £4,620.00 is 10 days at £462.00.
        Assert.Empty(new BackdatedAdjustments(DayRates(450_00, 462_00)).For([Month(1, "SCC-2013/14-0003", 4, 10m, 4_500_00, correctedPence: 120_00)]));
    }

    [Fact]
    public void LineReducedByTheCap_IsNotMistakenForAnOldRate()
    {
        var schedule = new ChargeSchedule(1, April2012);
        schedule.AddVersion(new RateVersion(April2012, April2012, ChargingBasis.DayRate(new Money(450_00)), capPerFinancialYear: new Money(3_000_00)));
        // 10 days × £450.00 = £4,500.00 was capped to £3,000.00 when billed; nothing about the rate has changed since.
        Assert.Empty(new BackdatedAdjustments(schedule).For([Month(1, "SCC-2013/14-0003", 4, 10m, 3_000_00)]));
    }

    [Fact]
    public void VersionEnteredBeforeTheInvoice_IsNotACorrection()
    {
        // The £462.00 rate from 1 April 2013 was entered on 20 November 2013, before this line was issued (1 December 2013).
        var line = new BilledLine(1, "SCC-2013/14-0009", new DateOnly(2013, 12, 1), RechargeLineKind.Quantity,
            new DateRange(new DateOnly(2013, 11, 1), new DateOnly(2013, 11, 30)), null, new Money(4_620_00), Money.Zero,
            [new BillableActivity(1, new DateOnly(2013, 11, 5), new DateOnly(2013, 11, 5), 10m, "days", null)]);

        Assert.Empty(new BackdatedAdjustments(DayRates(450_00, 462_00)).For([line]));
    }

    [Fact]
    public void AwardFromMidMonth_OnlyTheDaysFromItChange()
    {
        var start = new DateOnly(2013, 4, 1);
        // 3 days on 5 April stay at £450.00; 2 days on 20 April move to £462.00: 2 × £12.00 = £24.00.
        var line = new BilledLine(1, "SCC-2013/14-0003", new DateOnly(2013, 5, 1), RechargeLineKind.Quantity, new DateRange(start, new DateOnly(2013, 4, 30)), null,
            new Money(2_250_00), Money.Zero,
            [new BillableActivity(1, new DateOnly(2013, 4, 5), new DateOnly(2013, 4, 5), 3m, "days", null),
             new BillableActivity(2, new DateOnly(2013, 4, 20), new DateOnly(2013, 4, 20), 2m, "days", null)]);

        var adjustment = Assert.Single(new BackdatedAdjustments(DayRates(450_00, 462_00, from: new DateOnly(2013, 4, 15))).For([line]));

        Assert.Equal((new Money(24_00), 2m), (adjustment.Line.Net, adjustment.Line.Quantity));
        Assert.Equal("Rate backdated to 15 April 2013 (entered 20 November 2013): 2 days × £12.00 difference, invoice SCC-2013/14-0003", adjustment.Line.Explanation);
    }

    [Fact]
    public void FixedSum_BackdatedIncrease_CorrectsEachInstalmentBilled()
    {
        var schedule = new ChargeSchedule(1, April2012);
        schedule.AddVersion(new RateVersion(April2012, April2012, ChargingBasis.FixedAnnualSum(new Money(60_000_00), InstalmentFrequency.Monthly)));
        schedule.AddVersion(new RateVersion(April2013, AgreedOn, ChargingBasis.FixedAnnualSum(new Money(61_200_00), InstalmentFrequency.Monthly)));
        // Instalments 1–7 of 2013/14 were billed at £60,000.00 / 12 = £5,000.00; now £61,200.00 / 12 = £5,100.00: 7 × £100.00 = £700.00.
        var billed = Enumerable.Range(1, 7).Select(n =>
        {
            var start = April2013.AddMonths(n - 1);
            return new BilledLine(n, $"HBC-2013/14-{n:0000}", start.AddMonths(1), RechargeLineKind.Instalment, new DateRange(start, start.AddMonths(1).AddDays(-1)), n,
                new Money(5_000_00), Money.Zero, []);
        }).ToList();

        var adjustment = Assert.Single(new BackdatedAdjustments(schedule).For(billed));

        Assert.Equal(new Money(700_00), adjustment.Line.Net);
        Assert.Equal("Rate backdated to 1 April 2013 (entered 20 November 2013): instalments 1 to 7, £700.00 difference, invoices HBC-2013/14-0001 to HBC-2013/14-0007",
            adjustment.Line.Explanation);
        Assert.All(adjustment.Corrects, c => Assert.Equal(new Money(100_00), c.Difference));
    }

    [Fact]
    public void TrueUps_AreNotReworked()
    {
        var line = new BilledLine(1, "HBC-2013/14-0012", new DateOnly(2014, 4, 30), RechargeLineKind.TrueUp, new FinancialYear(2013).Dates, null, new Money(-875_00), Money.Zero, []);

        Assert.Empty(new BackdatedAdjustments(DayRates(450_00, 462_00)).For([line]));
    }
    private static ChargeSchedule CappedDayRates(long before, long after, long capPence)
    {
        var schedule = new ChargeSchedule(1, April2012);
        schedule.AddVersion(new RateVersion(April2012, April2012, ChargingBasis.DayRate(new Money(before)), capPerFinancialYear: new Money(capPence)));
        schedule.AddVersion(new RateVersion(April2013, AgreedOn, ChargingBasis.DayRate(new Money(after)), capPerFinancialYear: new Money(capPence)));
        return schedule;
    }

    [Fact]
    public void RiseThatWouldCrossTheCap_IsCutToTheCap()
    {
        // April 10 days (£4,500.00) and May 9 days (£4,050.00) at £450.00: £8,550.00 billed against a cap of £8,600.00.
        // At £462.00 the rate's difference is 19 days × £12.00 = £228.00, but only £8,600.00 − £8,550.00 = £50.00 fits.
        // The cap bites at the end of the year, so May's £108.00 is held back whole and April's £120.00 cut to £50.00.
        BilledLine[] billed = [Month(1, "SCC-2013/14-0003", 4, 10m, 4_500_00), Month(2, "SCC-2013/14-0004", 5, 9m, 4_050_00)];

        var adjustment = Assert.Single(new BackdatedAdjustments(CappedDayRates(450_00, 462_00, 8_600_00)).For(billed));

        Assert.Equal(new Money(50_00), adjustment.Line.Net);
        Assert.Equal(ChargeLimit.FinancialYearCap, adjustment.Line.Limit);
        Assert.Null(adjustment.Line.Rate);
        Assert.Equal("Rate backdated to 1 April 2013 (entered 20 November 2013): 19 days × £12.00 difference, invoices SCC-2013/14-0003 and SCC-2013/14-0004; "
            + "limited to £50.00 by the cap of £8,600.00 a year", adjustment.Line.Explanation);
        Assert.Equal([(1, new Money(50_00))], adjustment.Corrects.Select(c => (c.LineId, c.Difference)));
    }

    [Fact]
    public void RiseInTheSameRunAsThePeriodsOwnLines_SharesTheCapWithThem()
    {
        // April billed £4,500.00 against a £4,700.00 cap; this run drafts £150.00 more for the same year, leaving
        // £4,700.00 − £4,500.00 − £150.00 = £50.00 of the £120.00 rise (10 days × £12.00).
        var drafted = new Dictionary<FinancialYear, Money> { [new FinancialYear(2013)] = new Money(150_00), [new FinancialYear(2014)] = new Money(9_999_00) };

        var adjustment = Assert.Single(new BackdatedAdjustments(CappedDayRates(450_00, 462_00, 4_700_00)).For([Month(1, "SCC-2013/14-0003", 4, 10m, 4_500_00)], drafted));

        Assert.Equal(new Money(50_00), adjustment.Line.Net);
    }

    [Fact]
    public void RiseAfterATrueUp_TheTrueUpCountsTowardsTheCap()
    {
        // April £4,500.00 and a £400.00 true-up billed in 2013/14 against a £5,000.00 cap: £100.00 of the £120.00 rise fits.
        var trueUp = new BilledLine(2, "SCC-2013/14-0012", new DateOnly(2014, 4, 30), RechargeLineKind.TrueUp, new FinancialYear(2013).Dates, null,
            new Money(400_00), Money.Zero, []);

        var adjustment = Assert.Single(new BackdatedAdjustments(CappedDayRates(450_00, 462_00, 5_000_00)).For([Month(1, "SCC-2013/14-0003", 4, 10m, 4_500_00), trueUp]));

        Assert.Equal(new Money(100_00), adjustment.Line.Net);
        Assert.Equal([(1, new Money(100_00))], adjustment.Corrects.Select(c => (c.LineId, c.Difference)));
    }

    [Fact]
    public void RiseOnAYearAlreadyAtTheCap_GivesNothing()
    {
        // April billed £4,400.00 and already corrected by £100.00: £4,500.00, the year's cap. The £120.00 rise less the £100.00 already made leaves £20.00, and no room for it.
        Assert.Empty(new BackdatedAdjustments(CappedDayRates(450_00, 462_00, 4_500_00)).For([Month(1, "SCC-2013/14-0003", 4, 10m, 4_400_00, correctedPence: 100_00)]));
        // Billed exactly at the cap: £4,500.00 of a £4,500.00 cap.
        Assert.Empty(new BackdatedAdjustments(CappedDayRates(450_00, 462_00, 4_500_00)).For([Month(1, "SCC-2013/14-0003", 4, 10m, 4_500_00)]));
    }

    [Fact]
    public void FallOnACappedYear_CreditsOnlyDownToTheNewTotal()
    {
        // 10 days × £450.00 = £4,500.00 was capped to £4,000.00. The rate falls to £350.00: 10 × £350.00 = £3,500.00.
        // The rate's difference is 10 × −£100.00 = −£1,000.00, but only £500.00 was over-billed: £4,000.00 − £3,500.00.
        var adjustment = Assert.Single(new BackdatedAdjustments(CappedDayRates(450_00, 350_00, 4_000_00)).For([Month(1, "SCC-2013/14-0003", 4, 10m, 4_000_00)]));

        Assert.Equal(new Money(-500_00), adjustment.Line.Net);
        Assert.Equal("Rate backdated to 1 April 2013 (entered 20 November 2013): 10 days × -£100.00 difference, invoice SCC-2013/14-0003; "
            + "limited to -£500.00 by the cap of £4,000.00 a year", adjustment.Line.Explanation);
        Assert.Equal([(1, new Money(-500_00))], adjustment.Corrects.Select(c => (c.LineId, c.Difference)));
    }

    [Fact]
    public void FallThatLeavesTheYearAboveTheCap_CreditsNothing()
    {
        // 10 days × £450.00 = £4,500.00 was capped to £4,000.00; at £420.00 they come to £4,200.00, still above the cap, so nothing was over-billed.
        Assert.Empty(new BackdatedAdjustments(CappedDayRates(450_00, 420_00, 4_000_00)).For([Month(1, "SCC-2013/14-0003", 4, 10m, 4_000_00)]));
    }

    [Fact]
    public void FallOnAnUncappedLineOfACappedYear_IsCreditedInFull()
    {
        // 10 days × £450.00 = £4,500.00 billed under a £10,000.00 cap it never reached; at £445.50 they cost £4,455.00: −£45.00, not limited.
        var adjustment = Assert.Single(new BackdatedAdjustments(CappedDayRates(450_00, 445_50, 10_000_00)).For([Month(1, "SCC-2013/14-0003", 4, 10m, 4_500_00)]));

        Assert.Equal(new Money(-45_00), adjustment.Line.Net);
        Assert.Equal(ChargeLimit.None, adjustment.Line.Limit);
        Assert.DoesNotContain("cap", adjustment.Line.Explanation, StringComparison.Ordinal);
    }
}
