using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Partnerships;

public class TermTests
{
    [Theory]
    [InlineData("2013-07-01", 5, "2018-06-30")]   // "initially for a term of up to five years"
    [InlineData("2013-07-01", 1, "2014-06-30")]
    [InlineData("2024-02-29", 1, "2025-02-28")]   // no 29 February 2025: the year runs to the month's last day
    [InlineData("2024-04-01", 3, "2027-03-31")]
    public void LatestEndDate_UpToYears_IsDayBeforeAnniversary(string start, int years, string expected)
    {
        var term = new Term(D(start), TermEndKind.UpToYears, upToYears: years);

        Assert.Equal(D(expected), term.LatestEndDate);
    }

    [Fact]
    public void LatestEndDate_UpToYearsWithoutStart_IsNull()
    {
        Assert.Null(new Term(null, TermEndKind.UpToYears, upToYears: 5).LatestEndDate);
    }

    [Fact]
    public void LatestEndDate_FixedDate_IsTheEndDate()
    {
        var term = new Term(D("2013-07-01"), TermEndKind.FixedDate, endDate: D("2016-03-31"));

        Assert.Equal(D("2016-03-31"), term.LatestEndDate);
    }

    [Theory]
    [InlineData(TermEndKind.OpenEnded)]
    [InlineData(TermEndKind.NotStated)]
    public void LatestEndDate_OpenEndedOrNotStated_IsNull(TermEndKind kind)
    {
        Assert.Null(new Term(D("2013-07-01"), kind).LatestEndDate);
    }

    [Fact]
    public void Constructor_EndKindNotFixed_DropsEndDateAndYears()
    {
        var term = new Term(D("2013-07-01"), TermEndKind.OpenEnded, endDate: D("2018-06-30"), upToYears: 5);

        Assert.Null(term.EndDate);
        Assert.Null(term.UpToYears);
    }

    [Theory]
    [InlineData("2024-02-01", 12, "2025-01-31")]
    [InlineData("2024-02-01", 18, "2025-07-31")]
    [InlineData("2013-07-01", 24, "2015-06-30")]
    [InlineData("2024-01-31", 1, "2024-02-29")]   // no 31 February: the month runs to its last day
    public void MinimumTermEndDate_StartAndMonths_IsDayBeforeSameDayOfMonth(string start, int months, string expected)
    {
        var term = new Term(D(start), TermEndKind.OpenEnded, minimumTermMonths: months);

        Assert.Equal(D(expected), term.MinimumTermEndDate);
    }

    [Fact]
    public void MinimumTermEndDate_NoStartOrNoMinimum_IsNull()
    {
        Assert.Null(new Term(null, TermEndKind.OpenEnded, minimumTermMonths: 12).MinimumTermEndDate);
        Assert.Null(new Term(D("2024-02-01"), TermEndKind.OpenEnded).MinimumTermEndDate);
    }

    [Fact]
    public void DescribeEnd_UpToYearsWithStart_GivesLatestDate()
    {
        var term = new Term(D("2013-07-01"), TermEndKind.UpToYears, upToYears: 5);

        Assert.Equal("up to 5 years (initial term to 30 June 2018)", term.DescribeEnd());
    }

    [Fact]
    public void DescribeEnd_UpToOneYear_SaysYearSingular()
    {
        var term = new Term(D("2013-07-01"), TermEndKind.UpToYears, upToYears: 1);

        Assert.Equal("up to 1 year (initial term to 30 June 2014)", term.DescribeEnd());
    }

    [Fact]
    public void DescribeEnd_UpToYearsWithoutStart_OmitsDate()
    {
        Assert.Equal("up to 5 years", new Term(null, TermEndKind.UpToYears, upToYears: 5).DescribeEnd());
    }

    [Fact]
    public void DescribeEnd_FixedDate_WritesDate()
    {
        var term = new Term(D("2013-07-01"), TermEndKind.FixedDate, endDate: D("2016-03-31"));

        Assert.Equal("31 March 2016", term.DescribeEnd());
    }

    [Fact]
    public void DescribeEnd_OpenEnded_SaysOpenEnded()
    {
        Assert.Equal("open-ended", new Term(D("2013-07-01"), TermEndKind.OpenEnded).DescribeEnd());
    }

    [Fact]
    public void DescribeEnd_NotStated_SaysNotStatedInSource()
    {
        Assert.Equal("not stated in source", Term.Unknown.DescribeEnd());
    }

    [Theory]
    [InlineData(12, "1 year")]
    [InlineData(24, "2 years")]
    [InlineData(18, "18 months")]
    [InlineData(6, "6 months")]
    public void DescribeMinimumTerm_NoStart_GivesLengthOnly(int months, string expected)
    {
        Assert.Equal(expected, new Term(null, TermEndKind.OpenEnded, minimumTermMonths: months).DescribeMinimumTerm());
    }

    [Theory]
    [InlineData(12, "1 year (to 31 January 2025)")]
    [InlineData(18, "18 months (to 31 July 2025)")]
    public void DescribeMinimumTerm_WithStart_AddsEndDate(int months, string expected)
    {
        var term = new Term(D("2024-02-01"), TermEndKind.OpenEnded, minimumTermMonths: months);

        Assert.Equal(expected, term.DescribeMinimumTerm());
    }

    [Fact]
    public void DescribeMinimumTerm_None_SaysNotStatedInSource()
    {
        Assert.Equal(Term.NotStated, new Term(D("2024-02-01"), TermEndKind.OpenEnded).DescribeMinimumTerm());
    }

    [Theory]
    [InlineData(TerminationFalls.AnyDay, "at any time")]
    [InlineData(TerminationFalls.MonthEnd, "at the end of a month")]
    [InlineData(TerminationFalls.QuarterEnd, "at the end of a quarter")]
    [InlineData(TerminationFalls.FinancialYearEnd, "at the end of a financial year (31 March)")]
    [InlineData(TerminationFalls.AcademicYearEnd, "at the end of an academic year (31 August)")]
    [InlineData(TerminationFalls.NotStated, "not stated in source")]
    public void DescribeTerminationFalls_Rule_ReadsAsBoardPaper(TerminationFalls falls, string expected)
    {
        Assert.Equal(expected, new Term(null, TermEndKind.OpenEnded, terminationFalls: falls).DescribeTerminationFalls());
    }

    [Fact]
    public void Constructor_FixedDateWithoutEnd_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => new Term(D("2013-07-01"), TermEndKind.FixedDate));

        Assert.Equal("A term with a fixed end needs its end date.", ex.Message);
    }

    [Fact]
    public void Constructor_EndBeforeStart_ThrowsWithBothDates()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Term(D("2013-07-01"), TermEndKind.FixedDate, endDate: D("2013-06-30")));

        Assert.Equal("The term ends (30 June 2013) before it starts (1 July 2013).", ex.Message);
    }

    [Fact]
    public void Constructor_EndOnStartDay_IsAccepted()
    {
        var term = new Term(D("2013-07-01"), TermEndKind.FixedDate, endDate: D("2013-07-01"));

        Assert.Equal(D("2013-07-01"), term.LatestEndDate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    [InlineData(null)]
    public void Constructor_UpToYearsOutOfRange_Throws(int? years)
    {
        var ex = Assert.Throws<DomainException>(() => new Term(D("2013-07-01"), TermEndKind.UpToYears, upToYears: years));

        Assert.Equal("A term of \"up to N years\" needs N between 1 and 99.", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1201)]
    public void Constructor_MinimumTermOutOfRange_Throws(int months)
    {
        var ex = Assert.Throws<DomainException>(() => new Term(null, TermEndKind.OpenEnded, minimumTermMonths: months));

        Assert.Equal("A minimum term is between 1 and 1,200 months.", ex.Message);
    }

    [Fact]
    public void Constructor_BlankNotes_StoresNull()
    {
        Assert.Null(new Term(null, TermEndKind.OpenEnded, notes: "   ").Notes);
        Assert.Equal("break at year 3", new Term(null, TermEndKind.OpenEnded, notes: " break at year 3 ").Notes);
    }
}
