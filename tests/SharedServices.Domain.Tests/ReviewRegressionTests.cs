using SharedServices.Domain.Dates;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Tests.Partnerships;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests;

/// <summary>Edge cases found in review of the first domain slice; each failed before its fix.</summary>
public sealed class ReviewRegressionTests
{
    [Fact]
    public void DescribeMinimumTerm_OneMonth_IsSingular() =>
        Assert.Equal("1 month (to 31 January 2024)", new Term(D("2024-01-01"), TermEndKind.NotStated, minimumTermMonths: 1).DescribeMinimumTerm());

    [Theory]
    [InlineData("scc-iwc\n")]
    [InlineData("scc-iwc\r\n")]
    public void IsValidCode_TrailingLineBreak_IsRejected(string code)
    {
        Assert.False(Partnership.IsValidCode(code));
        Assert.Throws<DomainException>(() => new Partnership(code, "Name", PartnershipKind.TradedServices, TestPartnerships.Parties(1, 2)));
    }

    [Fact]
    public void OrganisationChecks_TrailingLineBreak_AreRejected()
    {
        Assert.False(Organisation.IsValidGssCode("E06000046\n"));
        Assert.False(Organisation.IsValidShortCode("IWC\n"));
    }

    [Theory]
    [InlineData("٢٠٢٤/٢٥")] // Arabic-Indic digits match \d but are not a year anyone writes
    [InlineData(null)]
    public void FinancialYearParse_NotAYear_ThrowsReadableDomainException(string? text)
    {
        var error = Assert.Throws<DomainException>(() => FinancialYear.Parse(text));
        Assert.Contains("is not a financial year", error.Message);
    }

    [Fact]
    public void AcademicYearParse_Bad_SaysAnAcademicYear() =>
        Assert.Contains("is not an academic year", Assert.Throws<DomainException>(() => AcademicYear.Parse("2012-13")).Message);

    [Theory]
    [InlineData("9950-01-01")]
    [InlineData("1066-10-14")]
    public void Term_ImplausibleStart_ThrowsReadableDomainException(string start)
    {
        var error = Assert.Throws<DomainException>(() => new Term(D(start), TermEndKind.UpToYears, upToYears: 99, minimumTermMonths: 1200));

        Assert.EndsWith("is not a plausible date for a term.", error.Message);
    }

    [Fact]
    public void SetPredecessor_WouldMakeALoop_Throws()
    {
        var first = TestPartnerships.SccIwc("first-agreement");
        var second = TestPartnerships.SccIwc("second-agreement");
        second.SetPredecessor(first);

        var error = Assert.Throws<DomainException>(() => first.SetPredecessor(second));

        Assert.Equal("That would make the partnerships each other's predecessor.", error.Message);
        Assert.Null(first.Predecessor);
    }
}
