using System.Globalization;
using System.Text.RegularExpressions;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Recharging;

public enum RechargePeriodKind
{
    Month,
    Quarter,
    SchoolTerm,
    FinancialYear,
}

/// <summary>
/// The period a recharge run bills: a calendar month, a quarter of the financial year (April–June first), a school
/// term (summer April–August, autumn September–December, spring January–March, as <see cref="BillingPeriods"/>
/// splits the year) or a whole financial year. None crosses a financial year, so a cap per year is never split.
/// </summary>
public sealed partial record RechargePeriod
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly string[] TermNames = ["Summer", "Autumn", "Spring"];

    private RechargePeriod(RechargePeriodKind kind, DateRange dates, string label)
    {
        Kind = kind;
        Dates = dates;
        Label = label;
    }

    public RechargePeriodKind Kind { get; }
    public DateRange Dates { get; }

    /// <summary>As an officer says it: "October 2013", "Quarter 3 of 2013/14", "Autumn term 2013", "2013/14".</summary>
    public string Label { get; }

    public FinancialYear FinancialYear => FinancialYear.Containing(Dates.Start);

    /// <summary>The short form that <see cref="Parse"/> reads back: 2013-10, 2013/14-Q3, 2013/14-autumn, 2013/14.</summary>
    public string Code => Kind switch
    {
        RechargePeriodKind.Month => Dates.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        RechargePeriodKind.Quarter => $"{FinancialYear}-Q{(Dates.Start.Month + 8) % 12 / 3 + 1}",
        RechargePeriodKind.SchoolTerm => $"{FinancialYear}-{TermNames[TermIndex(Dates.Start)].ToLowerInvariant()}",
        _ => FinancialYear.ToString(),
    };

    public static RechargePeriod Month(int year, int month)
    {
        if (year is < 1900 or > 2999 || month is < 1 or > 12)
            throw new DomainException($"There is no month {month} of {year}.");
        var start = new DateOnly(year, month, 1);
        return new(RechargePeriodKind.Month, DateRange.ForMonths(start, 1), start.ToString("MMMM yyyy", EnGb));
    }

    /// <summary>Quarter <paramref name="number"/> (1 = April to June) of <paramref name="year"/>.</summary>
    public static RechargePeriod Quarter(FinancialYear year, int number)
    {
        if (number is < 1 or > 4) throw new DomainException($"A financial year has quarters 1 to 4, not {number}.");
        var dates = BillingPeriods.For(year, InstalmentFrequency.Quarterly)[number - 1];
        return new(RechargePeriodKind.Quarter, dates, $"Quarter {number} of {year} ({dates.Start.ToString("MMMM", EnGb)} to {dates.End.ToString("MMMM yyyy", EnGb)})");
    }

    /// <summary>Term <paramref name="number"/> of <paramref name="year"/>: 1 summer, 2 autumn, 3 spring.</summary>
    public static RechargePeriod Term(FinancialYear year, int number)
    {
        if (number is < 1 or > 3) throw new DomainException($"A financial year has three school terms, not {number}.");
        var dates = BillingPeriods.For(year, InstalmentFrequency.Termly)[number - 1];
        return new(RechargePeriodKind.SchoolTerm, dates, $"{TermNames[number - 1]} term {dates.Start.Year}");
    }

    public static RechargePeriod Year(FinancialYear year) => new(RechargePeriodKind.FinancialYear, year.Dates, year.ToString());

    /// <summary>
    /// Reads a period as a finance officer or a script writes it: a month (2013-10, October 2013), a quarter
    /// (2013/14-Q3, Q3 2013/14), a school term (autumn 2013, 2013/14-autumn) or a financial year (2013/14).
    /// </summary>
    public static RechargePeriod Parse(string? text)
    {
        var t = Regex.Replace(text?.Trim() ?? "", @"\s+", " ");
        if (MonthNumber().Match(t) is { Success: true } m)
            return Month(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
        if (DateTime.TryParseExact(t, ["MMMM yyyy", "MMM yyyy"], EnGb, DateTimeStyles.None, out var named))
            return Month(named.Year, named.Month);
        if (QuarterCode().Match(t) is { Success: true } q)
            return Quarter(FinancialYear.Parse(q.Groups["fy"].Value), int.Parse(q.Groups["q"].Value, CultureInfo.InvariantCulture));
        if (TermByYear().Match(t) is { Success: true } ty)
            return Term(FinancialYear.Parse(ty.Groups["fy"].Value), TermNumber(ty.Groups["term"].Value));
        if (TermByCalendarYear().Match(t) is { Success: true } tc)
        {
            var number = TermNumber(tc.Groups["term"].Value);
            var calendarYear = int.Parse(tc.Groups["y"].Value, CultureInfo.InvariantCulture);
            // The spring term falls in the January of the financial year's second calendar year.
            return Term(new FinancialYear(number == 3 ? calendarYear - 1 : calendarYear), number);
        }
        if (YearCode().IsMatch(t)) return Year(FinancialYear.Parse(t));
        throw new DomainException(
            $"Period: \"{text}\" is not a period. Write a month (2013-10 or October 2013), a quarter (2013/14-Q3), " +
            "a school term (autumn 2013) or a financial year (2013/14).");
    }

    public override string ToString() => Label;

    private static int TermNumber(string name) => Array.FindIndex(TermNames, n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) + 1;

    private static int TermIndex(DateOnly start) => start.Month switch { 4 => 0, 9 => 1, _ => 2 };

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})$")]
    private static partial Regex MonthNumber();

    [GeneratedRegex(@"^(?:(?<fy>[0-9]{4}/[0-9]{2})[ -]?Q(?<q>[1-4])|Q(?<q>[1-4]) (?<fy>[0-9]{4}/[0-9]{2}))$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterCode();

    [GeneratedRegex(@"^(?<fy>[0-9]{4}/[0-9]{2})[ -](?<term>summer|autumn|spring)(?: term)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TermByYear();

    [GeneratedRegex(@"^(?<term>summer|autumn|spring)(?: term)? (?<y>[0-9]{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex TermByCalendarYear();

    [GeneratedRegex(@"^[0-9]{4}/[0-9]{2}$")]
    private static partial Regex YearCode();
}
