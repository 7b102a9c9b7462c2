using SharedServices.Domain.Dates;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Dates;

public class FinancialYearTests
{
    [Theory]
    [InlineData("2025-03-31", 2024)]   // last day of 2024/25
    [InlineData("2025-04-01", 2025)]   // first day of 2025/26
    [InlineData("2024-12-31", 2024)]
    [InlineData("2025-01-01", 2024)]   // the calendar year changes, the financial year does not
    [InlineData("2024-02-29", 2023)]
    [InlineData("2000-03-31", 1999)]
    public void Containing_Date_ReturnsYearStartingLastFirstOfApril(string date, int expectedStartYear)
    {
        Assert.Equal(expectedStartYear, FinancialYear.Containing(D(date)).StartYear);
    }

    [Theory]
    [InlineData(2024, "2024-04-01", "2025-03-31", 365)]
    [InlineData(2023, "2023-04-01", "2024-03-31", 366)]   // holds 29 February 2024
    [InlineData(1999, "1999-04-01", "2000-03-31", 366)]   // 2000 was a leap year
    public void Dates_StartYear_RunsFirstAprilToThirtyFirstMarch(int startYear, string start, string end, int days)
    {
        var dates = new FinancialYear(startYear).Dates;

        Assert.Equal(D(start), dates.Start);
        Assert.Equal(D(end), dates.End);
        Assert.Equal(days, dates.Days);
    }

    [Theory]
    [InlineData(2024, "2024/25")]
    [InlineData(1999, "1999/00")]   // the century turns
    [InlineData(2009, "2009/10")]
    [InlineData(2000, "2000/01")]   // leading zero kept
    [InlineData(2012, "2012/13")]
    public void ToString_StartYear_WritesSlashLabel(int startYear, string expected)
    {
        Assert.Equal(expected, new FinancialYear(startYear).ToString());
    }

    [Theory]
    [InlineData("2024/25", 2024)]
    [InlineData("1999/00", 1999)]
    [InlineData("2000/01", 2000)]
    [InlineData(" 2012/13 ", 2012)]   // surrounding spaces from a pasted cell
    public void Parse_ValidLabel_ReturnsYear(string text, int expectedStartYear)
    {
        Assert.Equal(new FinancialYear(expectedStartYear), FinancialYear.Parse(text));
    }

    [Theory]
    [InlineData("2024-25")]
    [InlineData("24/25")]
    [InlineData("2024/2025")]
    [InlineData("2024/5")]
    [InlineData("FY2024/25")]
    [InlineData("")]
    [InlineData("abcd/ef")]
    public void Parse_WrongShape_ThrowsSayingHowToWriteIt(string text)
    {
        var ex = Assert.Throws<DomainException>(() => FinancialYear.Parse(text));

        Assert.Equal($"'{text}' is not a financial year: write it like 2012/13.", ex.Message);
    }

    [Theory]
    [InlineData("2024/26")]
    [InlineData("2024/24")]
    [InlineData("1999/99")]
    [InlineData("2000/00")]
    public void Parse_SecondYearDoesNotFollow_ThrowsSayingSo(string text)
    {
        var ex = Assert.Throws<DomainException>(() => FinancialYear.Parse(text));

        Assert.Equal($"'{text}' is not a financial year: the second year must follow the first.", ex.Message);
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(3000)]
    public void Constructor_ImplausibleYear_Throws(int startYear)
    {
        var ex = Assert.Throws<DomainException>(() => new FinancialYear(startYear));

        Assert.Equal($"{startYear} is not a plausible financial year.", ex.Message);
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2999)]
    public void Constructor_BoundaryYear_IsAccepted(int startYear)
    {
        Assert.Equal(startYear, new FinancialYear(startYear).StartYear);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2024)]
    [InlineData(2099)]
    public void Parse_OwnLabel_RoundTrips(int startYear)
    {
        var year = new FinancialYear(startYear);

        Assert.Equal(year, FinancialYear.Parse(year.ToString()));
    }
}
