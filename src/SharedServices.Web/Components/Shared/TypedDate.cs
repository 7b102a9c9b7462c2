using System.Globalization;

namespace SharedServices.Web.Components.Shared;

/// <summary>
/// Reads a date typed the English way, day first: 29/02/2024, 29-2-2024, 29.02.2024, 29 February 2024 or
/// 29 Feb 2024; also 2024-02-29, the form addresses and exports use. Anything else gets a message saying what is
/// wrong, naming the field, so the person typing can put it right.
/// </summary>
public static class TypedDate
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly string[] Written = ["d MMMM yyyy", "d MMM yyyy"];

    /// <summary>The earliest and latest years accepted: a typed 0024 or 20244 is a slip, not a date.</summary>
    public const int FirstYear = 1900, LastYear = 2999;

    /// <summary>How a date is shown in the field.</summary>
    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="problem"/> says why, starting with the label.</summary>
    public static bool TryRead(string text, string label, out DateOnly date, out string problem)
    {
        date = default;
        problem = "";
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, Written, EnGb, DateTimeStyles.AllowInnerWhite, out date)) return InRange(date, label, out problem);
        var parts = trimmed.Split(['/', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            problem = $"{label}: enter a date as day/month/year, such as 29/02/2024.";
            return false;
        }
        // Four digits first is year-month-day (2024-02-29); otherwise day/month/year.
        var (dayText, monthText, yearText) = parts[0].Length == 4 ? (parts[2], parts[1], parts[0]) : (parts[0], parts[1], parts[2]);
        if (yearText.Length != 4 || dayText.Length > 2 || monthText.Length > 2)
        {
            problem = $"{label}: enter the day, the month and the year in full (four digits), such as 29/02/2024.";
            return false;
        }
        int day = int.Parse(dayText, CultureInfo.InvariantCulture), month = int.Parse(monthText, CultureInfo.InvariantCulture),
            year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (year is < FirstYear or > LastYear)
        {
            problem = $"{label}: enter a year from {FirstYear} to {LastYear}.";
            return false;
        }
        if (month is < 1 or > 12)
        {
            problem = $"{label}: the month must be from 1 to 12.";
            return false;
        }
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            problem = $"{label}: {new DateOnly(year, month, 1).ToString("MMMM yyyy", EnGb)} has {days} days, so there is no day {day}.";
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool InRange(DateOnly date, string label, out string problem)
    {
        problem = date.Year is < FirstYear or > LastYear ? $"{label}: enter a year from {FirstYear} to {LastYear}." : "";
        return problem.Length == 0;
    }
}
