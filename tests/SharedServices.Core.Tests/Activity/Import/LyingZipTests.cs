using System.Buffers.Binary;
using System.Text;
using SharedServices.Core.Activity.Import;

namespace SharedServices.Core.Tests.Activity.Import;

public sealed class LyingZipTests : IDisposable
{
    private readonly ImportFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task ReadAsync_WorksheetLargerThanItsZipHeadersDeclare_IsRefusedNotExpanded()
    {
        // A bomb that lies: the worksheet really holds 60 MB but both zip headers say 1 KB, so the central-directory
        // check passes and only the decompressor's own bound stands between the reader and the data.
        var path = files.Xlsx("activity.xlsx", ImportFiles.Columns, ["EP", new DateTime(2012, 11, 13), 1, "days", null, null, "R"]);
        Inflate(path, "xl/worksheets/sheet1.xml", 60);
        DeclareUncompressedSize(path, "xl/worksheets/sheet1.xml", 1024);

        var error = await Assert.ThrowsAsync<ActivityFileRefusedException>(() =>
            Read.AllAsync(path, new ImportLimits { MaxUncompressedBytes = 20L * 1024 * 1024 }));

        Assert.Contains("is not a readable Excel workbook (.xlsx)", error.Message);
        // System.IO.Compression stops at the declared size, so the XML parser saw a worksheet cut off after 1 KB.
        Assert.IsType<System.Xml.XmlException>(error.InnerException);
    }

    /// <summary>Pads the worksheet's XML with megabytes of spaces between elements (still well-formed).</summary>
    private static void Inflate(string path, string entryName, int megabytes)
    {
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        string xml;
        using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
        entry.Delete();
        var start = xml.IndexOf("sheetData", StringComparison.Ordinal) - 1;
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
        writer.Write(xml[..start]);
        var spaces = new string(' ', 1024 * 1024);
        for (var i = 0; i < megabytes; i++) writer.Write(spaces);
        writer.Write(xml[start..]);
    }

    /// <summary>Rewrites the uncompressed size in the entry's local header and central directory record.</summary>
    private static void DeclareUncompressedSize(string path, string entryName, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.ASCII.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (sizeAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 30),   // local file header
                0x02014b50 => (24, 46),   // central directory record
                _ => (-1, -1),
            };
            if (sizeAt < 0 || !bytes.AsSpan(i + nameAt).StartsWith(name)) continue;
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), size);
        }
        File.WriteAllBytes(path, bytes);
    }
}
