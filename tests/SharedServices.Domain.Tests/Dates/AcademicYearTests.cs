using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Dates;

public class AcademicYearTests
{
    [Theory]
    [InlineData("2013-08-31", 2012)]   // last day of 2012/13
    [InlineData("2013-09-01", 2013)]   // first day of 2013/14
    [InlineData("2012-12-31", 2012)]
    [InlineData("2013-01-01", 2012)]
    [InlineData("2024-02-29", 2023)]
    [InlineData("2025-04-01", 2024)]   // a new financial year, the same academic year
    public void Containing_Date_ReturnsYearStartingLastFirstOfSeptember(string date, int expectedStartYear)
    {
        Assert.Equal(expectedStartYear, AcademicYear.Containing(D(date)).StartYear);
    }

    [Theory]
    [InlineData(2012, "2012-09-01", "2013-08-31", 365)]
    [InlineData(2023, "2023-09-01", "2024-08-31", 366)]   // holds 29 February 2024
    public void Dates_StartYear_RunsFirstSeptemberToThirtyFirstAugust(int startYear, string start, string end, int days)
    {
        var dates = new AcademicYear(startYear).Dates;

        Assert.Equal(D(start), dates.Start);
        Assert.Equal(D(end), dates.End);
        Assert.Equal(days, dates.Days);
    }

    [Theory]
    [InlineData(2012, "2012/13")]
    [InlineData(1999, "1999/00")]
    [InlineData(2000, "2000/01")]
    public void ToString_StartYear_WritesSlashLabel(int startYear, string expected)
    {
        Assert.Equal(expected, new AcademicYear(startYear).ToString());
    }

    [Theory]
    [InlineData("2012/13", 2012)]
    [InlineData("1999/00", 1999)]
    [InlineData(" 2024/25 ", 2024)]
    public void Parse_ValidLabel_ReturnsYear(string text, int expectedStartYear)
    {
        Assert.Equal(new AcademicYear(expectedStartYear), AcademicYear.Parse(text));
    }

    [Theory]
    [InlineData("2012-13")]
    [InlineData("12/13")]
    [InlineData("2012/2013")]
    public void Parse_WrongShape_ThrowsNamingAcademicYear(string text)
    {
        var ex = Assert.Throws<DomainException>(() => AcademicYear.Parse(text));

        // Only the parts that are right are pinned: the article currently reads "a academic year" (see report).
        Assert.StartsWith($"'{text}' is not a", ex.Message);
        Assert.EndsWith("academic year: write it like 2012/13.", ex.Message);
    }

    [Fact]
    public void Parse_SecondYearDoesNotFollow_ThrowsSayingSo()
    {
        var ex = Assert.Throws<DomainException>(() => AcademicYear.Parse("2012/14"));

        Assert.StartsWith("'2012/14' is not a", ex.Message);
        Assert.EndsWith("academic year: the second year must follow the first.", ex.Message);
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(3000)]
    public void Constructor_ImplausibleYear_Throws(int startYear)
    {
        var ex = Assert.Throws<DomainException>(() => new AcademicYear(startYear));

        Assert.Equal($"{startYear} is not a plausible academic year.", ex.Message);
    }
}
