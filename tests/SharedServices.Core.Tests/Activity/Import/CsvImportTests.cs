using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SharedServices.Core.Activity.Import;

namespace SharedServices.Core.Tests.Activity.Import;

public sealed class CsvImportTests : IDisposable
{
    private readonly ImportFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task ReadAsync_GoodCsv_GivesEachRowWithTheRowNumberExcelShows()
    {
        // Headers in another case and order, an extra column, a quoted line break and a blank line.
        var path = files.Csv("activity.csv",
            "reference, SERVICE ,Date,Quantity,Unit,Actual Cost,Description,Notes\n" +
            "EP-1,Educational psychology,13/11/2012,2.5,days,,\"Assessments,\nsecond visit\",x\n" +
            "\n" +
            "DIR-7,Shared Director post,2013-03-31,,,\"£12,500.00\",Outturn,\n");

        var (summary, rows) = await Read.AllAsync(path);

        Assert.Equal(2, summary.RowCount);
        Assert.Equal(ActivityFileFormat.Csv, summary.Format);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), summary.Sha256);
        Assert.Equal(new ActivityImportRow(2, "Educational psychology", "13/11/2012", "2.5", "days", "", "Assessments,\nsecond visit", "EP-1"), rows[0]);
        Assert.Equal(new ActivityImportRow(3, "Shared Director post", "2013-03-31", "", "", "£12,500.00", "Outturn", "DIR-7"), rows[1]);
    }

    [Fact]
    public async Task ReadAsync_MissingColumns_RefusesNamingThem()
    {
        var path = files.Csv("activity.csv", "Service,Date,Unit,Description\nEP,13/11/2012,days,x\n");

        var message = await Read.RefusalAsync(path);

        Assert.StartsWith("The header row has no \"Quantity\", \"Actual cost\" columns.", message);
    }

    [Fact]
    public async Task ReadAsync_RandomBytesNamedCsv_IsRefusedAsNotText()
    {
        var bytes = new byte[64 * 1024];
        new Random(8).NextBytes(bytes);
        bytes[0] = 0xFF; // never valid UTF-8, so the refusal does not depend on the seed

        var message = await Read.RefusalAsync(files.Bytes("activity.csv", bytes));

        Assert.Contains("not a UTF-8 text file", message);
    }

    [Fact]
    public async Task ReadAsync_WorkbookNamedCsv_IsRefused()
    {
        var path = files.Xlsx("book.xlsx", ["Service"]);
        File.Move(path, files.PathFor("book.csv"));

        var message = await Read.RefusalAsync(files.PathFor("book.csv"));

        Assert.Contains("not a CSV text file", message);
    }

    [Fact]
    public async Task ReadAsync_FileOverTheSizeLimit_IsRefusedUnread()
    {
        var path = files.Csv("big.csv", ImportFiles.Header + "\n" + new string('x', 2048));

        var message = await Read.RefusalAsync(path, new ImportLimits { MaxFileBytes = 1024 });

        Assert.Equal("\"big.csv\" is larger than the 1 KB limit for an activity file. Split it into smaller files.", message);
    }

    [Fact]
    public async Task ReadAsync_DefaultLimit_Is20Megabytes()
    {
        var path = files.PathFor("huge.csv");
        await using (var file = File.Create(path)) file.SetLength(20L * 1024 * 1024 + 1);

        var message = await Read.RefusalAsync(path);

        Assert.Contains("larger than the 20 MB limit", message);
    }

    [Fact]
    public async Task ReadAsync_AMillionRows_IsRefusedAtTheRowLimitWithoutReadingThemAll()
    {
        var path = files.PathFor("million.csv");
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync(ImportFiles.Header);
            for (var i = 0; i < 1_000_000; i++) await writer.WriteLineAsync("EP,2012-11-13,1,days,,,R");
        }
        var seen = 0;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ActivityFileRefusedException>(() =>
            new ActivityFileReader(new ImportLimits { MaxFileBytes = 100L * 1024 * 1024 })
                .ReadAsync(path, (_, _) => { seen++; return ValueTask.CompletedTask; }));

        Assert.Equal("\"million.csv\" has more than 200,000 rows, the most one import can take. Split it into smaller files.", error.Message);
        Assert.Equal(200_000, seen);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ReadAsync_Cancelled_StopsWithOperationCanceled()
    {
        var text = new StringBuilder(ImportFiles.Header).Append('\n');
        for (var i = 0; i < 5_000; i++) text.Append("EP,2012-11-13,1,days,,,R\n");
        var path = files.Csv("activity.csv", text.ToString());
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ActivityFileReader().ReadAsync(path, (_, _) =>
            {
                if (++seen == 10) cancel.Cancel();
                return ValueTask.CompletedTask;
            }, cancel: cancel.Token));

        Assert.Equal(10, seen);
    }

    [Fact]
    public async Task ReadAsync_LongFile_ReportsProgressAndFinishesAtTheTotal()
    {
        var text = new StringBuilder(ImportFiles.Header).Append('\n');
        for (var i = 0; i < 2_500; i++) text.Append("EP,2012-11-13,1,days,,,R\n");
        var path = files.Csv("activity.csv", text.ToString());
        var reports = new List<ImportProgress>();

        await Read.AllAsync(path, progress: new SynchronousProgress(reports.Add));

        Assert.Equal([1_000, 2_000, 2_500], reports.Select(r => r.RowsRead));
        Assert.Equal(new FileInfo(path).Length, reports[^1].BytesRead);
        Assert.Equal(new FileInfo(path).Length, reports[^1].TotalBytes);
    }

    [Fact]
    public async Task ReadAsync_UnclosedQuote_IsRefusedAsMalformed()
    {
        var path = files.Csv("activity.csv", ImportFiles.Header + "\nEP,2012-11-13,1,days,,\"never closed,R\nEP,2012-11-14,1,days,,,R\n");

        var message = await Read.RefusalAsync(path);

        Assert.Contains("not a well-formed CSV file", message);
    }

    [Fact]
    public async Task ReadAsync_OtherExtension_IsRefused()
    {
        var message = await Read.RefusalAsync(files.Csv("activity.txt", ImportFiles.Header));

        Assert.Contains("neither an Excel workbook (.xlsx) nor a CSV file (.csv)", message);
    }

    [Fact]
    public async Task ReadAsync_UploadStreamThatCannotSeek_IsReadAndStillSizeLimited()
    {
        var text = ImportFiles.Header + "\nEP,13/11/2012,1,days,,,R\n";
        var rows = new List<ActivityImportRow>();

        var summary = await new ActivityFileReader().ReadAsync(new ForwardOnlyStream(Encoding.UTF8.GetBytes(text)), "upload.csv",
            (row, _) => { rows.Add(row); return ValueTask.CompletedTask; });
        var error = await Assert.ThrowsAsync<ActivityFileRefusedException>(() =>
            new ActivityFileReader(new ImportLimits { MaxFileBytes = 20 }).ReadAsync(
                new ForwardOnlyStream(Encoding.UTF8.GetBytes(text)), "upload.csv", (_, _) => ValueTask.CompletedTask));

        Assert.Equal(1, summary.RowCount);
        Assert.Equal("EP", Assert.Single(rows).Service);
        Assert.Contains("larger than the", error.Message);
    }

    [Fact]
    public async Task ReadAsync_ColumnNamedTwice_IsRefused()
    {
        var message = await Read.RefusalAsync(files.Csv("activity.csv", ImportFiles.Header + ",date\n"));

        Assert.Equal("The header row has the column \"Date\" twice; keep one.", message);
    }

    /// <summary>As a browser upload arrives: readable once, front to back.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order and complete.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
