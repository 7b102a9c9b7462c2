using SharedServices.Domain.Charging;
using static SharedServices.Domain.Tests.Charging.ChargingTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Charging;

/// <summary>A £400.00 day rate indexed by 2.5% a year; one day charged on the given date.</summary>
public class IndexationTests
{
    // Working: 400 × 1.025 = 410.00; 400 × 1.025² = 400 × 1.050625 = 420.25;
    // 400 × 1.025³ = 400 × 1.076890625 = 430.75625 → £430.76; 400 × 1.025⁴ = 400 × 1.103812890625 = 441.525… → £441.53.
    [Theory]
    [InlineData("2020-09-01", "2020-09-01", "400.00")]   // the start: as entered
    [InlineData("2020-09-01", "2021-08-31", "400.00")]   // the day before the first anniversary
    [InlineData("2020-09-01", "2021-09-01", "410.00")]   // the first anniversary
    [InlineData("2020-09-01", "2022-08-31", "410.00")]
    [InlineData("2020-09-01", "2022-09-01", "420.25")]   // compounded on the second
    [InlineData("2024-02-29", "2025-02-28", "400.00")]   // leap-day start: a year from 29 February ends 28 February
    [InlineData("2024-02-29", "2025-03-01", "410.00")]   // so it first rises on 1 March
    [InlineData("2024-02-29", "2028-02-28", "430.76")]   // three rises (1 March 2025, 2026, 2027)
    [InlineData("2024-02-29", "2028-02-29", "441.53")]   // the fourth on 29 February 2028, a leap year again
    public void ForQuantity_IndexedOnAnniversary_RisesFromEachAnniversary(string start, string date, string expected)
    {
        var schedule = OneVersion(start, ChargingBasis.DayRate(Pounds("400")), new Indexation(2.5m, IndexationDay.Anniversary));

        Assert.Equal(Pounds(expected), new ChargeCalculator(schedule).ForQuantity(D(date), 1m, Pounds("0")).Amount);
    }

    [Theory]
    [InlineData("2020-09-01", "2021-03-31", "400.00")]   // the day before the first 1 April after the start
    [InlineData("2020-09-01", "2021-04-01", "410.00")]   // 1 April: after only seven months
    [InlineData("2020-09-01", "2022-04-01", "420.25")]
    [InlineData("2020-04-01", "2020-04-01", "400.00")]   // a version starting on 1 April does not rise on its own start
    [InlineData("2020-04-01", "2021-03-31", "400.00")]
    [InlineData("2020-04-01", "2021-04-01", "410.00")]
    [InlineData("2024-02-29", "2024-03-31", "400.00")]   // leap-day start
    [InlineData("2024-02-29", "2024-04-01", "410.00")]   // rises a month later, on 1 April 2024
    [InlineData("2024-02-29", "2025-04-01", "420.25")]
    public void ForQuantity_IndexedOnFirstApril_RisesEachFinancialYear(string start, string date, string expected)
    {
        var schedule = OneVersion(start, ChargingBasis.DayRate(Pounds("400")), new Indexation(2.5m, IndexationDay.FirstApril));

        Assert.Equal(Pounds(expected), new ChargeCalculator(schedule).ForQuantity(D(date), 1m, Pounds("0")).Amount);
    }

    [Fact]
    public void ForQuantity_IndexedRateHasFractionOfPenny_RoundsOnceAtLine()
    {
        // Working: £55.55 × 1.03 = £57.2165 an hour from 1 April 2021; shown as £57.22.
        // 3 hours: 3 × 57.2165 = 171.6495 → £171.65 (rounding the rate first would give 3 × 57.22 = £171.66).
        var schedule = OneVersion("2020-04-01", ChargingBasis.HourlyRate(Pounds("55.55")), new Indexation(3m, IndexationDay.FirstApril));

        Assert.Equal(Pounds("57.22"), schedule.VersionOn(D("2021-04-01"))!.RateOn(D("2021-04-01")));
        Assert.Equal(Pounds("171.65"), new ChargeCalculator(schedule).ForQuantity(D("2021-04-01"), 3m, Pounds("0")).Amount);
    }

    [Fact]
    public void Instalment_FixedSumIndexedOnFirstApril_UsesIndexedSum()
    {
        // Working: £100,000 from 1 April 2023, +2% on 1 April: £102,000 for 2024/25; / 12 = £8,500.00 a month.
        var schedule = OneVersion("2023-04-01", ChargingBasis.FixedAnnualSum(Pounds("100000"), InstalmentFrequency.Monthly),
            new Indexation(2m, IndexationDay.FirstApril));
        var calculator = new ChargeCalculator(schedule);

        Assert.Equal(Pounds("8333.33"), calculator.Instalment(new(2023), 1, Pounds("0")).Amount);
        Assert.Equal(Pounds("8500.00"), calculator.Instalment(new(2024), 1, Pounds("0")).Amount);
    }

    [Fact]
    public void Constructor_IndexationOutOfRange_Refuses()
    {
        var error = Assert.Throws<DomainException>(() => new Indexation(150m, IndexationDay.Anniversary));
        Assert.Equal("The indexation must be more than -100% and at most 100% (it was 150%).", error.Message);
    }
}
