using System.Globalization;

namespace SharedServices.Domain.Dates;

/// <summary>Times are stored in UTC and shown in UK time (GMT or BST), as a council officer reads a clock.</summary>
public static class UkTime
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>"20 November 2013 at 10:05".</summary>
    public static string Show(DateTime utc) => FromUtc(utc).ToString("d MMMM yyyy 'at' HH:mm", EnGb);
}
