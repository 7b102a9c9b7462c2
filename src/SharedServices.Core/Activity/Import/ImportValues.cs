using System.Globalization;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Activity.Import;

/// <summary>
/// How the text of an activity cell is read as a date, quantity or amount: en-GB as an officer types it, plus the
/// ISO dates and invariant numbers the .xlsx reader produces. The validator and the later save use the same rules.
/// </summary>
public static class ImportValues
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, EnGb, DateTimeStyles.None, out date);

    public static bool TryNumber(string? text, out decimal number) =>
        decimal.TryParse(text?.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number);

    /// <summary>
    /// An amount in pounds, with or without a £ sign and correctly placed thousands commas ("£1,234.56"); the same
    /// rule as the pages (<see cref="PoundsText"/>), so "1,00.00" is refused here too.
    /// </summary>
    public static bool TryPounds(string? text, out decimal pounds) => PoundsText.TryRead(text, out pounds);
}
