using System.Globalization;
using System.Text;
using CsvHelper;

namespace SharedServices.Core.Activity.Import;

/// <summary>Reads activity rows from CSV with CsvHelper, one record at a time.</summary>
internal static class CsvActivitySource
{
    // Strict UTF-8: a file in another encoding (or binary) is refused rather than read as mojibake.
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<int> ReadAsync(Stream file, string fileName, ImportLimits limits,
        Func<ActivityImportRow, CancellationToken, ValueTask> onRow, Action<int> report, CancellationToken cancel)
    {
        var options = new CsvReaderOptions
        {
            // A record never needs more than this; an unclosed quote or a binary file fails fast instead of filling memory.
            MaxRecordSize = 1024 * 1024,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using var text = new StreamReader(file, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);
        await using var reader = CsvReader.Create(text, options, leaveOpen: true);
        var rows = 0;
        try
        {
            await reader.ReadHeaderAsync(cancel);
            var header = reader.Headers;
            if (header is null || header.Count == 0)
                throw new ActivityFileRefusedException($"\"{fileName}\" has no header row.");
            if (header.Any(cell => cell?.Contains('\0') == true)) throw NotText(fileName);
            var indexes = ActivityColumns.Locate(header.ToList());
            while (await reader.ReadAsync(cancel))
            {
                cancel.ThrowIfCancellationRequested();
                var count = reader.FieldCount;
                var cells = new string[count];
                for (var i = 0; i < count; i++) cells[i] = reader.GetString(i);
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (++rows > limits.MaxRows) throw TooManyRows(fileName, limits);
                // The officer counts rows as Excel shows them: the header is row 1.
                var row = ActivityColumns.ToRow((int)reader.RowNumber + 1, indexes, i => i < cells.Length ? cells[i] : "");
                await onRow(row, cancel);
                if (rows % limits.ProgressEvery == 0) report(rows);
            }
        }
        catch (Exception e) when (e is DecoderFallbackException || e.InnerException is DecoderFallbackException)
        {
            throw new ActivityFileRefusedException(
                $"\"{fileName}\" is not a UTF-8 text file (near row {rows + 2:N0}). Save it from Excel as \"CSV UTF-8\" and try again.", e);
        }
        catch (CsvFormatException e)
        {
            throw new ActivityFileRefusedException(
                $"\"{fileName}\" is not a well-formed CSV file near row {rows + 2:N0} (for example an unclosed quote or a row that is far too long).", e);
        }
        return rows;
    }

    internal static ActivityFileRefusedException TooManyRows(string fileName, ImportLimits limits) => new(
        $"\"{fileName}\" has more than {limits.MaxRows:N0} rows, the most one import can take. Split it into smaller files.");

    private static ActivityFileRefusedException NotText(string fileName) => new(
        $"\"{fileName}\" is not a CSV text file. Save it from Excel as \"CSV UTF-8\" and try again.");
}
