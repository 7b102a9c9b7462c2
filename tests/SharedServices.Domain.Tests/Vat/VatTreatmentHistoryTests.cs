using SharedServices.Domain.Vat;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Vat;

public class VatTreatmentHistoryTests
{
    private static readonly VatTreatmentHistory Service = new(
    [
        new(D("2012-04-01"), VatTreatment.StandardRated),
        new(D("2010-04-01"), VatTreatment.OutsideTheScope),   // given out of order on purpose
    ]);

    [Theory]
    [InlineData("2010-04-01", VatTreatment.OutsideTheScope)]
    [InlineData("2012-03-31", VatTreatment.OutsideTheScope)]
    [InlineData("2012-04-01", VatTreatment.StandardRated)]
    [InlineData("2030-01-01", VatTreatment.StandardRated)]
    public void TreatmentOn_EitherSideOfAChange_GivesTheTreatmentInForce(string date, VatTreatment expected)
    {
        Assert.Equal(expected, Service.TreatmentOn(D(date)));
    }

    [Fact]
    public void TreatmentOn_BeforeTheFirstChange_SaysNoneIsRecorded()
    {
        var error = Assert.Throws<DomainException>(() => Service.TreatmentOn(D("2010-03-31")));
        Assert.Equal("VAT treatment: none is recorded for 31 March 2010; the first starts on 1 April 2010.", error.Message);
    }

    [Fact]
    public void Constructor_TwoChangesOnOneDay_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new VatTreatmentHistory(
        [
            new(D("2012-04-01"), VatTreatment.Exempt),
            new(D("2012-04-01"), VatTreatment.ZeroRated),
        ]));
        Assert.Equal("VAT treatment: two treatments start on 1 April 2012; keep one.", error.Message);
    }

    [Fact]
    public void Constructor_NoChanges_IsRefused()
    {
        Assert.Throws<DomainException>(() => new VatTreatmentHistory([]));
    }

    [Fact]
    public void Guidance_ForTheField_NamesSection101AndSecondments()
    {
        Assert.Contains("s101 of the Local Government Act 1972 is usually outside the scope", VatTreatmentText.Guidance);
        Assert.Contains("seconded on commercial terms are usually standard-rated", VatTreatmentText.Guidance);
        Assert.Contains("s101", VatTreatment.OutsideTheScope.Hint());
        Assert.Equal("Outside the scope (non-business)", VatTreatment.OutsideTheScope.DisplayName());
    }
}
