using System.IO.Compression;

namespace SharedServices.Core.Activity.Import;

/// <summary>
/// Looks inside an .xlsx's zip central directory before anything is decompressed: refuses a zip bomb (too much
/// data once expanded, or an entry expanding far more than a worksheet does) and a zip that is not a workbook.
/// </summary>
internal static class XlsxPackageCheck
{
    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const long SmallEntryBytes = 1024 * 1024;

    public static void Check(Stream file, string fileName, ImportLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(fileName, e);
        }
        using (zip)
        {
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                // Tiny entries can have odd ratios harmlessly; a large entry that expands hugely is a bomb.
                var ratio = entry.Length / Math.Max(entry.CompressedLength, 1);
                if (entry.Length > SmallEntryBytes && ratio > limits.MaxCompressionRatio)
                    throw new ActivityFileRefusedException(
                        $"\"{fileName}\" was refused as a possible zip bomb: its part \"{entry.FullName}\" expands {ratio:N0} times " +
                        $"(to {ActivityFileReader.Megabytes(entry.Length)}), far more than any real worksheet.");
                if (total > limits.MaxUncompressedBytes)
                    throw new ActivityFileRefusedException(
                        $"\"{fileName}\" was refused as a possible zip bomb: it expands to more than " +
                        $"{ActivityFileReader.Megabytes(limits.MaxUncompressedBytes)} when unzipped.");
            }
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > SmallEntryBytes || !ReadAll(types, fileName).Contains(WorkbookContentType, StringComparison.Ordinal))
                throw new ActivityFileRefusedException(
                    $"\"{fileName}\" is a zip file but not an Excel workbook (.xlsx); macro-enabled and other Office files are not accepted. Save it from Excel as .xlsx and try again.");
        }
        file.Position = 0;
    }

    private static string ReadAll(ZipArchiveEntry entry, string fileName)
    {
        try
        {
            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd();
        }
        catch (InvalidDataException e)
        {
            throw Damaged(fileName, e);
        }
    }

    internal static ActivityFileRefusedException Damaged(string fileName, Exception e) => new(
        $"\"{fileName}\" is not a readable Excel workbook (.xlsx): the file is damaged or only looks like one. Save it from Excel as .xlsx and try again.", e);
}
