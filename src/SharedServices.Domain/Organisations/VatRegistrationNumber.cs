namespace SharedServices.Domain.Organisations;

/// <summary>
/// A UK VAT registration number, which a VAT invoice must show. Three forms are issued:
/// <list type="bullet">
/// <item>nine digits, "GB 999 9999 73", the last two a check on the first seven;</item>
/// <item>twelve digits, a nine-digit number and a three-digit branch, "GB 999 9999 73 001";</item>
/// <item>government departments GD000–GD499 and health authorities HA500–HA999, "GBGD001".</item>
/// </list>
/// The "GB" is optional when typed and always kept. Councils are usually VAT-registered (they recover VAT on their
/// costs), so the number a council gives is checked here before it is printed on an invoice.
/// </summary>
public static class VatRegistrationNumber
{
    /// <summary>
    /// The number in one form, "GB999999973", without spaces; null when <paramref name="text"/> is not a UK VAT
    /// registration number (wrong shape, or check digits that do not agree with the first seven digits).
    /// </summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = Compact(text);
        if (compact.Length == 5 && compact[2..].All(char.IsAsciiDigit))
        {
            var number = int.Parse(compact[2..], System.Globalization.CultureInfo.InvariantCulture);
            return (compact[..2], number) switch
            {
                ("GD", < 500) or ("HA", >= 500) => "GB" + compact,
                _ => null,
            };
        }
        if (compact.Length is 9 or 12 && compact.All(char.IsAsciiDigit) && ChecksOut(compact[..9])) return "GB" + compact;
        return null;
    }

    public static bool IsValid(string? text) => Normalise(text) is not null;

    /// <summary>
    /// True when <paramref name="text"/> has the shape of a UK number (nine or twelve digits, or GD or HA and three
    /// digits, "GB" optional), whether or not its check digits agree: a form says which of the two is wrong.
    /// </summary>
    public static bool HasUkShape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var compact = Compact(text);
        return compact.Length is 9 or 12 && compact.All(char.IsAsciiDigit)
            || compact.Length == 5 && compact[..2] is "GD" or "HA" && compact[2..].All(char.IsAsciiDigit);
    }

    private static string Compact(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '.')).ToUpperInvariant();
        return compact.StartsWith("GB", StringComparison.Ordinal) ? compact[2..] : compact;
    }

    /// <summary>"GB999999973" shown as HMRC prints it: "GB 999 9999 73" (a branch "GB 999 9999 73 001"; "GBGD001" as it is).</summary>
    public static string Format(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        var digits = normalised.StartsWith("GB", StringComparison.Ordinal) ? normalised[2..] : normalised;
        return digits.Length switch
        {
            9 => $"GB {digits[..3]} {digits[3..7]} {digits[7..]}",
            12 => $"GB {digits[..3]} {digits[3..7]} {digits[7..9]} {digits[9..]}",
            _ => "GB" + digits,
        };
    }

    /// <summary>
    /// The check on a nine-digit number: weight the first seven digits 8, 7, 6, 5, 4, 3, 2, add them up, and add the
    /// last two digits read as one number. Numbers issued before 2010 give a multiple of 97 ("modulus 97"); the series
    /// HMRC started in 2010 gives a multiple of 97 once 55 is added ("modulus 97-55"), and that series never starts
    /// below 100, which the older series used.
    /// </summary>
    private static bool ChecksOut(string nineDigits)
    {
        int[] weights = [8, 7, 6, 5, 4, 3, 2];
        var total = 0;
        for (var i = 0; i < 7; i++) total += (nineDigits[i] - '0') * weights[i];
        total += (nineDigits[7] - '0') * 10 + (nineDigits[8] - '0');
        if (total % 97 == 0) return true;
        var series = (nineDigits[0] - '0') * 100 + (nineDigits[1] - '0') * 10 + (nineDigits[2] - '0');
        return series >= 100 && (total + 55) % 97 == 0;
    }
}
