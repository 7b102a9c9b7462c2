using SharedServices.Domain.Partnerships;

namespace SharedServices.Domain.Tests.Partnerships;

public class NoticePeriodTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(120)]
    public void Constructor_MonthsInRange_IsKept(int months)
    {
        var notice = new NoticePeriod(1, months, false, null);

        Assert.Equal(months, notice.Months);
        Assert.Equal(1, notice.OrganisationId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(121)]
    public void Constructor_MonthsOutOfRange_Throws(int months)
    {
        var ex = Assert.Throws<DomainException>(() => new NoticePeriod(1, months, false, null));

        Assert.Equal("A notice period is between 1 and 120 months.", ex.Message);
    }

    [Fact]
    public void Constructor_MonthsNotStated_IsKeptAsNull()
    {
        var notice = new NoticePeriod(2, null, false, new SourceReference("hcc-iwc-agreement.md", "para 12"));

        Assert.Null(notice.Months);
        Assert.False(notice.IsIllustrative);
        Assert.Equal("hcc-iwc-agreement.md, para 12", notice.Source?.ToString());
    }

    [Fact]
    public void Constructor_IllustrativeWithMonths_IsFlagged()
    {
        Assert.True(new NoticePeriod(1, 3, true, null).IsIllustrative);
    }

    [Fact]
    public void Constructor_IllustrativeWithoutMonths_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => new NoticePeriod(1, null, true, null));

        Assert.Equal("Only a stated figure can be illustrative.", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_NoOrganisation_Throws(int organisationId)
    {
        var ex = Assert.Throws<DomainException>(() => new NoticePeriod(organisationId, 3, false, null));

        Assert.Equal("Choose which party the notice period applies to.", ex.Message);
    }

    [Theory]
    [InlineData(1, "1 month")]
    [InlineData(3, "3 months")]
    [InlineData(12, "12 months")]   // notice is stated in months, not converted to years
    [InlineData(null, "not stated in source")]
    public void Describe_Months_ReadsAsAgreementWould(int? months, string expected)
    {
        Assert.Equal(expected, new NoticePeriod(1, months, false, null).Describe());
    }
}
