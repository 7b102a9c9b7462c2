using System.Globalization;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Dates;

namespace SharedServices.Web.Components.Features.Activity;

/// <summary>How a record of activity reads on screen: "3 November 2026" or a period, and "2.5 days" or "£1,234.56".</summary>
public static class ActivityText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string When(ActivityDetails d) =>
        d.From == d.To ? DateText.Long(d.From) : $"{DateText.Long(d.From)} to {DateText.Long(d.To)}";

    public static string Amount(ActivityDetails d) =>
        d.Quantity is { } q ? Quantity(q, d.Unit) : d.ActualCost?.ToString() ?? "";

    /// <summary>"1,234.5 days": thousands separated, no trailing zeros.</summary>
    public static string Quantity(decimal quantity, string? unit) =>
        $"{quantity.ToString("#,##0.####", EnGb)} {unit}".TrimEnd();
}
