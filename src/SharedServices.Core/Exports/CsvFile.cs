using System.Text;

namespace SharedServices.Core.Exports;

/// <summary>Every CSV file the app writes, so that every field goes through <see cref="SafeText.CsvField"/>.</summary>
public static class CsvFile
{
    /// <summary>
    /// Lines of fields as a CSV file: UTF-8 with a byte-order mark (so Excel reads £ correctly), CRLF line ends, and
    /// text that looks like a formula written so that a spreadsheet shows it rather than runs it.
    /// </summary>
    public static byte[] Bytes(IEnumerable<IEnumerable<string?>> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(SafeText.CsvLine(line));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
