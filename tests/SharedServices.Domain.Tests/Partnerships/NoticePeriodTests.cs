using SharedServices.Domain.Notice;
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
        var notice = new NoticePeriod(1, NoticeLength.Months(months), false, null);

        Assert.Equal(months, notice.Amount);
        Assert.Equal(NoticeUnit.Months, notice.Unit);
        Assert.Equal(NoticeLength.Months(months), notice.Length);
        Assert.Equal(1, notice.OrganisationId);
    }

    [Fact]
    public void Constructor_Weeks_IsKeptInWeeks()
    {
        var notice = new NoticePeriod(1, new NoticeLength(6, NoticeUnit.Weeks), false, null);

        Assert.Equal(6, notice.Amount);
        Assert.Equal(NoticeUnit.Weeks, notice.Unit);
        Assert.Equal(new NoticeLength(6, NoticeUnit.Weeks), notice.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(121)]
    public void Constructor_MonthsOutOfRange_Throws(int months)
    {
        var ex = Assert.Throws<DomainException>(() => new NoticePeriod(1, NoticeLength.Months(months), false, null));

        Assert.Equal("A notice period in months is between 1 and 120.", ex.Message);
    }

    [Fact]
    public void Constructor_MonthsNotStated_IsKeptAsNull()
    {
        var notice = new NoticePeriod(2, null, false, new SourceReference("hcc-iwc-agreement.md", "para 12"));

        Assert.Null(notice.Amount);
        Assert.Null(notice.Length);
        Assert.False(notice.IsIllustrative);
        Assert.Equal("hcc-iwc-agreement.md, para 12", notice.Source?.ToString());
    }

    [Fact]
    public void Constructor_IllustrativeWithMonths_IsFlagged()
    {
        Assert.True(new NoticePeriod(1, NoticeLength.Months(3), true, null).IsIllustrative);
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
        var ex = Assert.Throws<DomainException>(() => new NoticePeriod(organisationId, NoticeLength.Months(3), false, null));

        Assert.Equal("Choose which party the notice period applies to.", ex.Message);
    }

    [Theory]
    [InlineData(1, "1 month")]
    [InlineData(3, "3 months")]
    [InlineData(12, "12 months")]   // notice is stated in months, not converted to years
    [InlineData(null, "not stated in source")]
    public void Describe_Months_ReadsAsAgreementWould(int? months, string expected)
    {
        var length = months is { } m ? NoticeLength.Months(m) : (NoticeLength?)null;

        Assert.Equal(expected, new NoticePeriod(1, length, false, null).Describe());
    }

    [Theory]
    [InlineData(1, NoticeUnit.Weeks, "1 week")]
    [InlineData(6, NoticeUnit.Weeks, "6 weeks")]
    [InlineData(30, NoticeUnit.Days, "30 days")]
    public void Describe_WeeksOrDays_KeepsTheUnit(int amount, NoticeUnit unit, string expected)
    {
        Assert.Equal(expected, new NoticePeriod(1, new NoticeLength(amount, unit), false, null).Describe());
    }
}
