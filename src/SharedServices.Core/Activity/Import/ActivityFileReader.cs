using System.Security.Cryptography;

namespace SharedServices.Core.Activity.Import;

public enum ActivityFileFormat { Csv, Xlsx }

/// <summary>What was read: the file's SHA-256 (lower-case hex, for spotting a re-imported file) and its data rows.</summary>
public sealed record ActivityFileSummary(string FileName, ActivityFileFormat Format, string Sha256, long Bytes, int RowCount);

/// <summary>Progress while reading: data rows so far, and bytes of the file read out of its total.</summary>
public sealed record ImportProgress(int RowsRead, long BytesRead, long TotalBytes);

/// <summary>
/// Reads an activity file (.csv or .xlsx) row by row, handing each row to a callback, so memory stays flat however
/// long the file. A file that is too big, is not really what its name says, is a zip bomb or has too many rows is
/// refused with an <see cref="ActivityFileRefusedException"/> whose message the officer can act on; rows the
/// callback has already seen must then be discarded (an import is all-or-nothing). Formulas are never evaluated:
/// an .xlsx cell's saved result is used. Cancelling throws <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ActivityFileReader(ImportLimits? limits = null)
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OldExcelSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public ImportLimits Limits { get; } = limits ?? ImportLimits.Default;

    /// <summary>Reads the file at <paramref name="path"/>; the file's own name decides the expected format.</summary>
    public async Task<ActivityFileSummary> ReadAsync(string path, Func<ActivityImportRow, CancellationToken, ValueTask> onRow,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return await ReadAsync(file, Path.GetFileName(path), onRow, progress, cancel);
    }

    /// <summary>Reads an uploaded file. A stream that cannot seek is first copied to a temporary file, up to the size limit.</summary>
    public Task<ActivityFileSummary> ReadAsync(Stream file, string fileName, Func<ActivityImportRow, CancellationToken, ValueTask> onRow,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default) =>
        ReadAsync(file, fileName, null, onRow, progress, cancel);

    /// <summary>
    /// The file's SHA-256 (lower-case hex), for spotting a file imported before. A file over the size limit, or empty,
    /// is refused first, so a hostile file is never read through.
    /// </summary>
    public async Task<string> HashAsync(Stream file, string fileName, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > Limits.MaxFileBytes) throw TooBig(fileName);
        if (file.Length == 0) throw new ActivityFileRefusedException($"\"{fileName}\" is empty.");
        file.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancel));
        file.Position = 0;
        return hash;
    }

    /// <summary>Reads a seekable file whose hash the caller has already taken with <see cref="HashAsync"/>, or null to take it here.</summary>
    internal async Task<ActivityFileSummary> ReadAsync(Stream file, string fileName, string? sha256, Func<ActivityImportRow, CancellationToken, ValueTask> onRow,
        IProgress<ImportProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(onRow);
        if (!file.CanSeek)
        {
            await using var copy = await CopyToTemporaryFileAsync(file, fileName, cancel);
            return await ReadAsync(copy, fileName, null, onRow, progress, cancel);
        }
        var hash = sha256 ?? await HashAsync(file, fileName, cancel);
        var format = await SniffAsync(file, fileName, cancel);
        file.Position = 0;

        var length = file.Length;
        void Report(int rows) => progress?.Report(new ImportProgress(rows, Math.Min(file.Position, length), length));
        var rows = format == ActivityFileFormat.Csv
            ? await CsvActivitySource.ReadAsync(file, fileName, Limits, onRow, Report, cancel)
            : await XlsxActivitySource.ReadAsync(file, fileName, Limits, onRow, Report, cancel);
        progress?.Report(new ImportProgress(rows, length, length));
        return new ActivityFileSummary(fileName, format, hash, length, rows);
    }

    private static async Task<ActivityFileFormat> SniffAsync(Stream file, string fileName, CancellationToken cancel)
    {
        var start = new byte[4];
        var read = await file.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancel);
        var isZip = read == 4 && start.AsSpan().SequenceEqual(ZipSignature);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (extension)
        {
            case ".xlsx" when isZip:
                return ActivityFileFormat.Xlsx;
            case ".xlsx" when read == 4 && start.AsSpan().SequenceEqual(OldExcelSignature):
                throw new ActivityFileRefusedException(
                    $"\"{fileName}\" is an old-style (.xls) or password-protected workbook. Save it as an unprotected Excel Workbook (.xlsx) and try again.");
            case ".xlsx":
                throw new ActivityFileRefusedException(
                    $"\"{fileName}\" is not really an Excel workbook (.xlsx), whatever its name says. Save it from Excel as .xlsx and try again.");
            case ".csv" when isZip:
                throw new ActivityFileRefusedException(
                    $"\"{fileName}\" is a zip or Excel workbook, not a CSV text file. Save it as CSV UTF-8, or name it .xlsx.");
            case ".csv":
                return ActivityFileFormat.Csv;
            default:
                throw new ActivityFileRefusedException(
                    $"\"{fileName}\" is neither an Excel workbook (.xlsx) nor a CSV file (.csv). Use the template and save it as one of those.");
        }
    }

    internal async Task<FileStream> CopyToTemporaryFileAsync(Stream source, string fileName, CancellationToken cancel)
    {
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[81920];
            int count;
            while ((count = await source.ReadAsync(buffer, cancel)) > 0)
            {
                if (copy.Length + count > Limits.MaxFileBytes) throw TooBig(fileName);
                await copy.WriteAsync(buffer.AsMemory(0, count), cancel);
            }
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    private ActivityFileRefusedException TooBig(string fileName) => new(
        $"\"{fileName}\" is larger than the {Megabytes(Limits.MaxFileBytes)} limit for an activity file. Split it into smaller files.");

    internal static string Megabytes(long bytes) =>
        bytes < 1024 * 1024 ? $"{bytes / 1024m:0.#} KB" : $"{bytes / (1024m * 1024m):0.#} MB";
}
