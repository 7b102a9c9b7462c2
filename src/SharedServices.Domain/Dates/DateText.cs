using System.Globalization;

namespace SharedServices.Domain.Dates;

/// <summary>Dates as people in English councils write them: 13 November 2012.</summary>
public static class DateText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Long(DateOnly? date, string whenMissing) => date is { } d ? Long(d) : whenMissing;
}
