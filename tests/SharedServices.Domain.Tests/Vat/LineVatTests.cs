using SharedServices.Domain.Vat;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Vat;

using Money = SharedServices.Domain.Money.Money;

public class LineVatTests
{
    // £12.34 net: 17.5% = 215.95p → £2.16; 15% = 185.1p → £1.85; 20% = 246.8p → £2.47 (worked by hand).
    [Theory]
    [InlineData("2008-11-30", 1234, "17.5", 216, 1450)]
    [InlineData("2008-12-01", 1234, "15", 185, 1419)]
    [InlineData("2009-12-31", 1234, "15", 185, 1419)]
    [InlineData("2010-01-01", 1234, "17.5", 216, 1450)]
    [InlineData("2011-01-03", 1234, "17.5", 216, 1450)]
    [InlineData("2011-01-04", 1234, "20", 247, 1481)]
    // Half pennies round away from zero: 60p × 17.5% = 10.5p → 11p (banker's rounding would give 10p);
    // 10p × 15% = 1.5p → 2p, and a credit of 10p → -2p.
    [InlineData("2008-11-30", 60, "17.5", 11, 71)]
    [InlineData("2009-06-30", 10, "15", 2, 12)]
    [InlineData("2009-06-30", -10, "15", -2, -12)]
    [InlineData("2011-01-04", 100_000, "20", 20_000, 120_000)]
    public void For_StandardRated_UsesTheRateOnTheTaxPointRoundedAtLineLevel(
        string taxPoint, long netPence, string percent, long vatPence, long grossPence)
    {
        var line = LineVat.For(new Money(netPence), VatTreatment.StandardRated, D(taxPoint), StandardVatRates.UnitedKingdom);

        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), line.RatePercent);
        Assert.Equal(new Money(vatPence), line.Vat);
        Assert.Equal(new Money(grossPence), line.Gross);
    }

    [Theory]
    [InlineData(VatTreatment.OutsideTheScope)]
    [InlineData(VatTreatment.Exempt)]
    [InlineData(VatTreatment.ZeroRated)]
    public void For_NotStandardRated_ChargesNoVat(VatTreatment treatment)
    {
        var line = LineVat.For(new Money(123_456), treatment, D("2011-01-04"), StandardVatRates.UnitedKingdom);

        Assert.Equal(0m, line.RatePercent);
        Assert.Equal(Money.Zero, line.Vat);
        Assert.Equal(new Money(123_456), line.Gross);
    }

    [Fact]
    public void For_ServiceChangesTreatment_UsesTheTreatmentOnTheTaxPoint()
    {
        // A s101 function until 31 March 2011, then staff seconded on commercial terms.
        var service = new VatTreatmentHistory(
        [
            new(D("2010-04-01"), VatTreatment.OutsideTheScope),
            new(D("2011-04-01"), VatTreatment.StandardRated),
        ]);

        Assert.Equal(Money.Zero, LineVat.For(new Money(50_000), service, D("2011-03-31"), StandardVatRates.UnitedKingdom).Vat);
        Assert.Equal(new Money(10_000), LineVat.For(new Money(50_000), service, D("2011-04-01"), StandardVatRates.UnitedKingdom).Vat);
    }

    [Fact]
    public void For_UnknownTreatment_IsRefused()
    {
        Assert.Throws<DomainException>(() =>
            LineVat.For(new Money(100), (VatTreatment)99, D("2011-01-04"), StandardVatRates.UnitedKingdom));
    }
}
