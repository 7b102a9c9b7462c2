using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.Charging.ChargingTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Charging;

public class InstalmentTests
{
    private static ChargeCalculator SchoolImprovement(string annual, InstalmentFrequency frequency, string? cap = null) =>
        new(OneVersion("2024-04-01", ChargingBasis.FixedAnnualSum(Pounds(annual), frequency), cap: cap));

    // Working: £100,000.00 / 12 = £8,333.333… → £8,333.33; 11 × £8,333.33 = £91,666.63;
    // the last is £100,000.00 − £91,666.63 = £8,333.37.
    [Theory]
    [InlineData(1, "8333.33")]
    [InlineData(11, "8333.33")]
    [InlineData(12, "8333.37")]
    public void Instalment_MonthlyHundredThousand_RemainderInLast(int number, string expected)
    {
        Assert.Equal(Pounds(expected), SchoolImprovement("100000", InstalmentFrequency.Monthly).Instalment(new(2024), number, Pounds("0")).Amount);
    }

    [Fact]
    public void Instalment_MonthlyHundredThousand_AddsUpToThePenny()
    {
        var calculator = SchoolImprovement("100000", InstalmentFrequency.Monthly);

        var total = Enumerable.Range(1, 12).Aggregate(Pounds("0"), (sum, n) => sum + calculator.Instalment(new(2024), n, Pounds("0")).Amount);

        Assert.Equal(Pounds("100000.00"), total);
    }

    // Termly working: £100,000.00 / 3 = £33,333.333… → £33,333.33 twice, last £33,333.34.
    // £50,000.00 / 3 = £16,666.666… → £16,666.67 twice (£33,333.34), so the last is £16,666.66: smaller, not larger.
    // Quarterly: £100,000.00 / 4 = £25,000.00 each. Monthly £1,000.06 / 12 = £83.338… → £83.34; last £1,000.06 − £916.74 = £83.32.
    [Theory]
    [InlineData("100000", InstalmentFrequency.Termly, new[] { "33333.33", "33333.33", "33333.34" })]
    [InlineData("50000", InstalmentFrequency.Termly, new[] { "16666.67", "16666.67", "16666.66" })]
    [InlineData("100000", InstalmentFrequency.Quarterly, new[] { "25000", "25000", "25000", "25000" })]
    [InlineData("100000", InstalmentFrequency.Annually, new[] { "100000" })]
    [InlineData("1000.06", InstalmentFrequency.Monthly, new[] { "83.34", "83.34", "83.34", "83.34", "83.34", "83.34", "83.34", "83.34", "83.34", "83.34", "83.34", "83.32" })]
    public void Instalment_Frequency_SplitsYearWithRemainderInLast(string annual, InstalmentFrequency frequency, string[] expected)
    {
        var calculator = SchoolImprovement(annual, frequency);

        var instalments = Enumerable.Range(1, expected.Length).Select(n => calculator.Instalment(new(2024), n, Pounds("0")).Amount);

        Assert.Equal(expected.Select(Pounds), instalments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Instalment_NumberOutsideYear_RefusesWithCount(int number)
    {
        var error = Assert.Throws<DomainException>(() => SchoolImprovement("100000", InstalmentFrequency.Termly).Instalment(new(2024), number, Pounds("0")));
        Assert.Equal($"Instalment {number} does not exist: 2024/25 is billed in 3 instalments.", error.Message);
    }

    [Fact]
    public void Instalment_CapReachedPartWay_LastInstalmentsLimited()
    {
        // Working: cap £90,000.00; after ten instalments £83,333.30 is charged, leaving £6,666.70: the eleventh is
        // limited to £6,666.70 and the twelfth to nothing.
        var calculator = SchoolImprovement("100000", InstalmentFrequency.Monthly, cap: "90000");

        Assert.Equal(Pounds("8333.33"), calculator.Instalment(new(2024), 10, Pounds("74999.97")).Amount);
        Assert.Equal(Pounds("6666.70"), calculator.Instalment(new(2024), 11, Pounds("83333.30")).Amount);
        Assert.Equal(Pounds("0.00"), calculator.Instalment(new(2024), 12, Pounds("90000.00")).Amount);
    }

    [Fact]
    public void Instalment_NewVersionFromFirstApril_NewYearUsesNewSum()
    {
        // Working: £100,000.00 in 2023/24, £120,000.00 from 1 April 2024: March 2024 is the old year's last
        // instalment (£8,333.37); April 2024 is £120,000.00 / 12 = £10,000.00.
        var schedule = OneVersion("2023-04-01", ChargingBasis.FixedAnnualSum(Pounds("100000"), InstalmentFrequency.Monthly));
        schedule.AddVersion(new RateVersion(D("2024-04-01"), D("2024-02-15"), ChargingBasis.FixedAnnualSum(Pounds("120000"), InstalmentFrequency.Monthly)));
        var calculator = new ChargeCalculator(schedule);

        Assert.Equal(Pounds("8333.37"), calculator.Instalment(new(2023), 12, Pounds("0")).Amount);
        Assert.Equal(Pounds("10000.00"), calculator.Instalment(new(2024), 1, Pounds("0")).Amount);
    }

    [Fact]
    public void Instalment_FrequencyChangesMidYear_RefusesRatherThanMisSplit()
    {
        var schedule = OneVersion("2024-04-01", ChargingBasis.FixedAnnualSum(Pounds("100000"), InstalmentFrequency.Monthly));
        schedule.AddVersion(new RateVersion(D("2024-09-01"), D("2024-08-01"), ChargingBasis.FixedAnnualSum(Pounds("100000"), InstalmentFrequency.Termly)));

        var error = Assert.Throws<DomainException>(() => new ChargeCalculator(schedule).Instalment(new(2024), 1, Pounds("0")));
        Assert.Equal("The billing frequency changes during 2024/25 (from 1 September 2024): bill each version's part of the year separately.", error.Message);
    }

    [Fact]
    public void Instalment_ServiceEndedMidYear_InstalmentAfterEndRefused()
    {
        var schedule = new ChargeSchedule(1, D("2024-04-01"), D("2024-12-31"));
        schedule.AddVersion(new RateVersion(D("2024-04-01"), D("2024-03-01"), ChargingBasis.FixedAnnualSum(Pounds("100000"), InstalmentFrequency.Quarterly)));
        var calculator = new ChargeCalculator(schedule);

        Assert.Equal(Pounds("25000.00"), calculator.Instalment(new(2024), 3, Pounds("0")).Amount);
        var error = Assert.Throws<DomainException>(() => calculator.Instalment(new(2024), 4, Pounds("0")));
        Assert.Equal("No rate applies on 1 January 2025: the service ended on 31 December 2024.", error.Message);
    }

    [Theory]
    [InlineData(InstalmentFrequency.Monthly, 2, "2024-05-01", "2024-05-31")]
    [InlineData(InstalmentFrequency.Monthly, 11, "2025-02-01", "2025-02-28")]
    [InlineData(InstalmentFrequency.Monthly, 12, "2025-03-01", "2025-03-31")]
    [InlineData(InstalmentFrequency.Quarterly, 1, "2024-04-01", "2024-06-30")]
    [InlineData(InstalmentFrequency.Quarterly, 4, "2025-01-01", "2025-03-31")]
    [InlineData(InstalmentFrequency.Termly, 1, "2024-04-01", "2024-08-31")]   // summer term
    [InlineData(InstalmentFrequency.Termly, 2, "2024-09-01", "2024-12-31")]   // autumn term
    [InlineData(InstalmentFrequency.Termly, 3, "2025-01-01", "2025-03-31")]   // spring term
    [InlineData(InstalmentFrequency.Annually, 1, "2024-04-01", "2025-03-31")]
    public void BillingPeriodsFor_Frequency_CoversFinancialYearInOrder(InstalmentFrequency frequency, int number, string start, string end)
    {
        var periods = BillingPeriods.For(new FinancialYear(2024), frequency);

        Assert.Equal(new DateRange(D(start), D(end)), periods[number - 1]);
        Assert.Equal(365, periods.Sum(p => p.Days));   // no gaps, no overlaps: 2024/25 has 365 days
    }
}
