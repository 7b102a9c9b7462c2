using System.Text.RegularExpressions;
using ClosedXML.Excel;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace SharedServices.Core.Exports;

/// <summary>
/// Text a user typed, made safe for a spreadsheet or a CSV file: a value starting with =, +, -, @, tab or carriage
/// return could be run as a formula when the file is opened (CSV injection), so it is always written as text.
/// Every workbook and CSV export writes user text through here.
/// </summary>
public static partial class SafeText
{
    /// <summary>The characters that make a spreadsheet read a value as a formula (or strip a prefix and then do).</summary>
    public static readonly IReadOnlyList<char> FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>True when <paramref name="text"/> starts with a character a spreadsheet could take for a formula.</summary>
    public static bool LooksLikeFormula(string? text) => text is { Length: > 0 } && FormulaStarts.Contains(text[0]);

    /// <summary>
    /// For a CSV field: a value that looks like a formula is prefixed with an apostrophe, which Excel and LibreOffice
    /// show as text; anything else is returned unchanged. A plain number ("-2.5", a negative quantity or credit) is
    /// left alone: a spreadsheet reads it as the number it is and runs nothing, and an apostrophe would turn it into
    /// text that no longer adds up. (Quoting for commas is <see cref="CsvField"/>'s job.)
    /// </summary>
    public static string ForCsv(string? text) => text is null ? "" : LooksLikeFormula(text) && !IsPlainNumber(text) ? "'" + text : text;

    /// <summary>
    /// One CSV field (RFC 4180), safe to open in a spreadsheet: <see cref="ForCsv"/>, then in double quotes (each
    /// quote doubled) when it holds a comma, a quote, a line break or a tab.
    /// </summary>
    public static string CsvField(string? text)
    {
        var safe = ForCsv(text);
        return safe.AsSpan().IndexOfAny(",\"\r\n\t") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>One CSV line of <see cref="CsvField"/>s, ended with CRLF as RFC 4180 and Excel expect.</summary>
    public static string CsvLine(IEnumerable<string?> fields) => string.Join(",", fields.Select(CsvField)) + "\r\n";

    /// <summary>An optional minus, digits, and an optional decimal point with digits: "-2", "-2.5", "1234.56".</summary>
    private static bool IsPlainNumber(string text) => PlainNumber().IsMatch(text);

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    /// <summary>
    /// Writes <paramref name="text"/> into a workbook cell as text and nothing else: never a formula, and never a
    /// number or date read from the text ("2012", "1/2"). A formula-like value also gets Excel's quote prefix, so it
    /// stays text even when someone edits the cell and presses Enter. Null writes an empty cell.
    /// </summary>
    public static void Write(IXLCell cell, string? text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        // ClosedXML 0.95.4 stores a string passed to SetValue as text (it never parses "=…" there), and the data
        // type set afterwards keeps it so: both are checked by the tests, so an upgrade that changes either shows.
        cell.SetValue(text ?? "");
        cell.DataType = XLDataType.Text;
        if (LooksLikeFormula(text)) cell.Style.IncludeQuotePrefix = true;
    }

    /// <summary>
    /// <paramref name="text"/> as a SpreadCheetah text cell, for the workbooks we stream. SpreadCheetah writes a string
    /// as an inline string, which a spreadsheet shows as it is and never runs as a formula or reads as a number, so
    /// "=HYPERLINK(…)" or "2012" stays text; a formula is only ever written through SpreadCheetah's Formula type, which
    /// no user text reaches. (SpreadCheetah has no quote prefix, so unlike <see cref="Write"/> a formula-like value
    /// edited in Excel afterwards is read again as Excel reads anything typed.) A carriage return is written the way
    /// Excel writes one, _x000D_: SpreadCheetah writes it raw, and XML reading turns a raw one into a line feed.
    /// Null writes an empty cell.
    /// </summary>
    public static Cell Cell(string? text, StyleId? style = null) =>
        new(text is not null && text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r", "_x000D_", StringComparison.Ordinal) : text, style);
}
