using System.Text.RegularExpressions;

namespace SharedServices.Domain.Organisations;

/// <summary>
/// The shape of a UK postcode: an outward code of one or two letters, a digit and an optional letter or digit
/// (SO14, PO30, M1, SW1A), a space, then an inward code of a digit and two letters (7LY). Only the shape is checked:
/// whether the postcode exists is Royal Mail's business, and it changes.
/// </summary>
public static partial class UkPostcode
{
    /// <summary>"so147ly" or " SO14  7LY " becomes "SO14 7LY"; null when <paramref name="text"/> is not a postcode's shape.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (!Shape().IsMatch(compact)) return null;
        return $"{compact[..^3]} {compact[^3..]}";
    }

    public static bool IsValid(string? text) => Normalise(text) is not null;

    // Outward code then inward code, without the space (it is put back by Normalise).
    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}\z")]
    private static partial Regex Shape();
}
