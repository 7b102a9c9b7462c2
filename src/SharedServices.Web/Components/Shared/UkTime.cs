using System.Globalization;

namespace SharedServices.Web.Components.Shared;

/// <summary>Moments stored in UTC, shown as the clock on a UK office wall read them (GMT or BST).</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"13 November 2012, 14:05" for a UTC moment.</summary>
    public static string Long(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
        return local.ToString("d MMMM yyyy, HH:mm", EnGb);
    }

    /// <summary>The UK calendar day of a UTC moment.</summary>
    public static DateOnly Day(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London));
}
