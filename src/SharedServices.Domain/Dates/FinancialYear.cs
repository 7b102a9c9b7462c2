using System.Text.RegularExpressions;


namespace SharedServices.Domain.Dates;

/// <summary>
/// A local-government financial year: 1 April to 31 March, written "2024/25".
/// <see cref="StartYear"/> is the calendar year in which it begins.
/// </summary>
public readonly record struct FinancialYear
{
    public FinancialYear(int startYear)
    {
        if (startYear is < 1900 or > 2999) throw new DomainException($"{startYear} is not a plausible financial year.");
        StartYear = startYear;
    }

    public int StartYear { get; }

    public DateRange Dates => new(new DateOnly(StartYear, 4, 1), new DateOnly(StartYear + 1, 3, 31));

    /// <summary>The financial year a day falls in: 31 March 2025 is in 2024/25, 1 April 2025 in 2025/26.</summary>
    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public static FinancialYear Parse(string? text) => new(YearLabel.Parse(text, "financial year"));

    public override string ToString() => YearLabel.Format(StartYear);
}

/// <summary>
/// An academic year: 1 September to 31 August, written "2012/13". Schools-facing agreements
/// (such as Southampton's education support for the Isle of Wight) run by academic year.
/// </summary>
public readonly record struct AcademicYear
{
    public AcademicYear(int startYear)
    {
        if (startYear is < 1900 or > 2999) throw new DomainException($"{startYear} is not a plausible academic year.");
        StartYear = startYear;
    }

    public int StartYear { get; }

    public DateRange Dates => new(new DateOnly(StartYear, 9, 1), new DateOnly(StartYear + 1, 8, 31));

    public static AcademicYear Containing(DateOnly date) => new(date.Month >= 9 ? date.Year : date.Year - 1);

    public static AcademicYear Parse(string? text) => new(YearLabel.Parse(text, "academic year"));

    public override string ToString() => YearLabel.Format(StartYear);
}

/// <summary>The "2012/13" label shared by financial and academic years.</summary>
internal static partial class YearLabel
{
    public static string Format(int startYear) => $"{startYear}/{(startYear + 1) % 100:00}";

    public static int Parse(string? text, string what)
    {
        text ??= "";
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
            throw new DomainException($"'{text}' is not {Article(what)} {what}: write it like 2012/13.");
        var start = int.Parse(match.Groups[1].Value);
        var end = int.Parse(match.Groups[2].Value);
        if ((start + 1) % 100 != end)
            throw new DomainException($"'{text}' is not {Article(what)} {what}: the second year must follow the first.");
        return start;
    }

    private static string Article(string what) => "aeiou".Contains(what[0]) ? "an" : "a";

    [GeneratedRegex(@"^([0-9]{4})/([0-9]{2})\z")]
    private static partial Regex Pattern();
}
