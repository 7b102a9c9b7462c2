using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using SharedServices.Core.Activity.Import;

namespace SharedServices.Core.Tests.Activity.Import;

/// <summary>Builds activity files on disk for the import tests, and deletes them afterwards.</summary>
internal sealed class ImportFiles : IDisposable
{
    public const string Header = "Service,Date,Quantity,Unit,Actual cost,Description,Reference";

    /// <summary>The template's columns, for a workbook's first row.</summary>
    public static readonly string[] Columns = ["Service", "Date", "Quantity", "Unit", "Actual cost", "Description", "Reference"];

    private readonly string folder = Directory.CreateTempSubdirectory("activity-import-").FullName;

    public string PathFor(string name) => System.IO.Path.Combine(folder, name);

    public string Csv(string name, string text)
    {
        var path = PathFor(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string Bytes(string name, byte[] bytes)
    {
        var path = PathFor(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A workbook whose first row is <paramref name="header"/>, then each row's values set as ClosedXML types them.</summary>
    public string Xlsx(string name, string[] header, params object?[][] rows)
    {
        var path = PathFor(name);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Activity");
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).SetValue(header[c]);
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c] is { } value) sheet.Cell(r + 2, c + 1).SetValue(value);
        workbook.SaveAs(path);
        return path;
    }

    /// <summary>
    /// A zip that looks like a workbook but whose worksheet expands to <paramref name="megabytes"/> MB of one repeated
    /// byte, written a megabyte at a time so the test stays fast and small.
    /// </summary>
    public string ZipBomb(string name, int megabytes)
    {
        var path = PathFor(name);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        WriteEntry(zip, "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" " +
            "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)' ');
        for (var i = 0; i < megabytes; i++) sheet.Write(chunk);
        return path;
    }

    /// <summary>A genuine zip holding something other than a workbook (as a .docx or a renamed archive would).</summary>
    public string ZipOfText(string name)
    {
        var path = PathFor(name);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        WriteEntry(zip, "notes.txt", "not a workbook");
        return path;
    }

    private static void WriteEntry(ZipArchive zip, string entryName, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

/// <summary>Reads a file and keeps every row, for assertions.</summary>
internal static class Read
{
    public static async Task<(ActivityFileSummary Summary, List<ActivityImportRow> Rows)> AllAsync(
        string path, ImportLimits? limits = null, IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        var rows = new List<ActivityImportRow>();
        var summary = await new ActivityFileReader(limits).ReadAsync(path, (row, _) =>
        {
            rows.Add(row);
            return ValueTask.CompletedTask;
        }, progress, cancel);
        return (summary, rows);
    }

    public static async Task<string> RefusalAsync(string path, ImportLimits? limits = null) =>
        (await Assert.ThrowsAsync<ActivityFileRefusedException>(() => AllAsync(path, limits))).Message;
}
