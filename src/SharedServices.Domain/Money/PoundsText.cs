using System.Globalization;
using System.Text.RegularExpressions;

namespace SharedServices.Domain.Money;

/// <summary>
/// Reads pounds as an officer types them ("£12,345.67", "1000.00", "-5") or a spreadsheet writes them ("1234.5").
/// Thousands commas are accepted only where they belong — every three digits from the pound's end — because a
/// comma in the wrong place ("1,00.00") is a slip, not a grouping, and reading it as £100.00 would record the wrong
/// money. Every place that reads typed pounds uses this one rule.
/// </summary>
public static partial class PoundsText
{
    // An optional minus (before or after the £), an optional £, then either plain digits or 1–3 digits followed by
    // groups of exactly three, then optional pence. Nothing else: no spaces inside, no leading comma.
    [GeneratedRegex(@"^(?<minus>-)?£?(?<minus2>-)?(?<whole>\d{1,3}(?:,\d{3})+|\d*)(?<pence>\.\d*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>True when <paramref name="text"/> is an amount of pounds in one of the accepted shapes.</summary>
    public static bool TryRead(string? text, out decimal pounds)
    {
        pounds = 0;
        var match = Shape().Match((text ?? "").Trim());
        if (!match.Success) return false;
        var whole = match.Groups["whole"].Value.Replace(",", "", StringComparison.Ordinal);
        var pence = match.Groups["pence"].Value;
        if (whole.Length == 0 && pence.Length <= 1) return false; // "", "£", "." or "-" hold no digits
        if (match.Groups["minus"].Success && match.Groups["minus2"].Success) return false;
        var negative = match.Groups["minus"].Success || match.Groups["minus2"].Success;
        return decimal.TryParse((negative ? "-" : "") + (whole.Length == 0 ? "0" : whole) + pence,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out pounds);
    }
}
