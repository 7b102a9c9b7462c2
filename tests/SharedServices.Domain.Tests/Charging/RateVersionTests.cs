using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.Charging.ChargingTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Charging;

public class RateVersionTests
{
    private static readonly ChargingBasis Daily = ChargingBasis.DayRate(Pounds("450"));

    [Fact]
    public void Constructor_NoTermsGiven_DefaultsToStatutoryThirtyDaysInArrears()
    {
        var version = new RateVersion(D("2024-04-01"), D("2024-03-01"), Daily);

        Assert.Equal(30, version.PaymentTermsDays);
        Assert.Equal(BillingTiming.InArrears, version.Timing);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]   // longer than the statutory 30 days for public bodies
    [InlineData(60)]
    public void Constructor_PaymentTermsOutsideOneToThirty_Refuses(int days)
    {
        var error = Assert.Throws<DomainException>(() => new RateVersion(D("2024-04-01"), D("2024-03-01"), Daily, paymentTermsDays: days));
        Assert.Contains("Procurement Act 2023 s68", error.Message);
        Assert.Contains($"{days} days was given", error.Message);
    }

    [Theory]
    [InlineData(BillingTiming.InArrears, "2024-04-30", "2024-05-30")]   // April billed on 30 April, due 30 days later
    [InlineData(BillingTiming.InAdvance, "2024-04-01", "2024-05-01")]
    public void InvoiceDateFor_Timing_GivesInvoiceAndDueDate(BillingTiming timing, string invoiceDate, string due)
    {
        var version = new RateVersion(D("2024-04-01"), D("2024-03-01"), Daily, timing: timing);
        var april = new DateRange(D("2024-04-01"), D("2024-04-30"));

        Assert.Equal(D(invoiceDate), version.InvoiceDateFor(april));
        Assert.Equal(D(due), version.DueDateFor(version.InvoiceDateFor(april)));
    }

    [Fact]
    public void Constructor_IndexedCostShare_Refuses()
    {
        Assert.Throws<DomainException>(() => new RateVersion(D("2024-04-01"), D("2024-03-01"),
            ChargingBasis.CostShare(50m, Pounds("120000"), InstalmentFrequency.Monthly), new Indexation(2m, IndexationDay.FirstApril)));
    }

    [Fact]
    public void Constructor_MinimumAboveCap_RefusesNamingBoth()
    {
        var error = Assert.Throws<DomainException>(() => new RateVersion(D("2024-04-01"), D("2024-03-01"), Daily,
            capPerFinancialYear: Pounds("100"), minimumCharge: Pounds("120")));
        Assert.Equal("The minimum charge (£120.00) is more than the cap per financial year (£100.00).", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Constructor_CapNotPositive_Refuses(string cap)
    {
        Assert.Throws<DomainException>(() => new RateVersion(D("2024-04-01"), D("2024-03-01"), Daily, capPerFinancialYear: Pounds(cap)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void PerUnit_UnitNotNamed_Refuses(string unit)
    {
        var error = Assert.Throws<DomainException>(() => ChargingBasis.PerUnit(Pounds("35"), unit));
        Assert.Equal("A per-unit rate needs the unit named, such as pupil, assessment or case.", error.Message);
    }

    [Fact]
    public void PerUnit_Named_CountsInThatUnit()
    {
        Assert.Equal("assessment", ChargingBasis.PerUnit(Pounds("35"), " assessment ").QuantityUnit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100.01")]
    public void CostShare_ShareOutsideRange_Refuses(string share)
    {
        Assert.Throws<DomainException>(() => ChargingBasis.CostShare(Dec(share), Pounds("120000"), InstalmentFrequency.Monthly));
    }

    [Fact]
    public void DayRate_Zero_RefusesNamingRate()
    {
        var error = Assert.Throws<DomainException>(() => ChargingBasis.DayRate(Pounds("0")));
        Assert.Equal("The day rate must be more than £0.00 (it was £0.00).", error.Message);
    }
}
