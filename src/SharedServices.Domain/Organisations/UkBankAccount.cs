namespace SharedServices.Domain.Organisations;

/// <summary>
/// The parts of a UK bank account that a payer keys into a BACS or Faster Payments transfer: a six-digit sort code,
/// printed 12-34-56, and an eight-digit account number. People type them with spaces or hyphens; both are dropped.
/// Only the shape is checked: a sort code's modulus checks are the banks' own and change, so they are not copied here.
/// </summary>
public static class UkBankAccount
{
    /// <summary>"12-34-56", "12 34 56" or "123456" becomes "123456"; null when it is not six digits.</summary>
    public static string? NormaliseSortCode(string? text) => Digits(text, 6);

    /// <summary>"1234 5678" becomes "12345678"; null when it is not eight digits.</summary>
    public static string? NormaliseAccountNumber(string? text) => Digits(text, 8);

    /// <summary>A stored sort code as banks print it: "123456" as "12-34-56".</summary>
    public static string FormatSortCode(string sortCode)
    {
        ArgumentNullException.ThrowIfNull(sortCode);
        return sortCode.Length == 6 ? $"{sortCode[..2]}-{sortCode[2..4]}-{sortCode[4..]}" : sortCode;
    }

    private static string? Digits(string? text, int length)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '-'));
        return compact.Length == length && compact.All(char.IsAsciiDigit) ? compact : null;
    }
}
