using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SharedServices.Web.Components.Features.Activity;
using SharedServices.Web.Security;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Activity;

public sealed class ActivityImportPageTests : ComponentTestContext
{
    private const string Header = "Service,Date,Quantity,Unit,Actual cost,Description,Reference\r\n";

    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    private IRenderedComponent<ActivityImportPage> RenderLoaded()
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        var cut = Render<ActivityImportPage>(p => p.Add(x => x.Code, ActivityTestService.Partnership));
        cut.WaitForAssertion(() => cut.Find("#import-history-heading"), Timeout);
        return cut;
    }

    private static async Task ImportAsync(IRenderedComponent<ActivityImportPage> cut, string fileName, string text)
    {
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, fileName));
        await cut.Find("#start-import").ClickAsync(new MouseEventArgs());
    }

    [Fact]
    public async Task Import_BadDateInRow3_ListsTheRowColumnAndReasonAndSavesNothing()
    {
        var service = await ActivityTestService.AddAsync(Database);
        var cut = RenderLoaded();

        await ImportAsync(cut, "november.csv", Header +
            "Activity test service,02/11/2026,2.5,days,,Visits,T-1\r\n" +
            "Activity test service,31/02/2026,1,days,,Training,T-2\r\n");

        cut.WaitForAssertion(() => cut.Find("#import-problems"), Timeout);
        var cells = Assert.Single(cut.FindAll("#import-problems tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("3", cells[0]);
        Assert.Equal("Date", cells[1]);
        Assert.Equal("Date: \"31/02/2026\" is not a date; write it as 13/11/2012 or 2012-11-13.", cells[2]);
        Assert.Contains("Nothing was saved. Fix these rows and import the file again.", cut.TextOf("#import-problems-summary"));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.ActivityEntries.AnyAsync(e => e.TradedServiceId == service));
        Assert.False(await db.ActivityImports.AnyAsync());
        Assert.Equal("No activity has been imported for this partnership yet.", cut.TextOf("#import-history-empty"));
    }

    [Fact]
    public async Task Import_GoodFile_ShowsTheCountAndListsItInTheHistory()
    {
        var service = await ActivityTestService.AddAsync(Database);
        var cut = RenderLoaded();

        await ImportAsync(cut, "november.csv", Header +
            "Activity test service,02/11/2026,2.5,days,,Visits,T-1\r\n" +
            "Activity test service,27/11/2026,1,days,,Training,T-2\r\n");

        cut.WaitForAssertion(() => cut.Find("#import-saved"), Timeout);
        Assert.StartsWith("Imported 2 rows from november.csv.", cut.TextOf("#import-saved"));
        cut.WaitForAssertion(() => cut.Find("#import-history"), Timeout);
        var cells = Assert.Single(cut.FindAll("#import-history tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["november.csv", "2", SignedInName, "23 November 2026 at 12:00", "Imported"], cells.Take(5));
        await using var db = Database.CreateDbContext();
        Assert.Equal(2, await db.ActivityEntries.CountAsync(e => e.TradedServiceId == service));
    }

    [Fact]
    public async Task Undo_AfterConfirming_RemovesTheRowsAndMarksTheImportUndone()
    {
        var service = await ActivityTestService.AddAsync(Database);
        var cut = RenderLoaded();
        await ImportAsync(cut, "november.csv", Header + "Activity test service,02/11/2026,2.5,days,,Visits,T-1\r\n");
        cut.WaitForAssertion(() => cut.Find("#import-history .undo-import"), Timeout);

        // Not awaited: the click's handler waits for the confirmation dialog to close.
        _ = cut.Find("#import-history .undo-import").ClickAsync(new MouseEventArgs());
        _dialogs.WaitForAssertion(() => _dialogs.Find("#confirm-action"), Timeout);
        Assert.Equal("Undo the import of november.csv? Its 1 row will be removed from the activity.", _dialogs.TextOf("#confirm-question"));
        await _dialogs.Find("#confirm-action").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal($"Undone by {SignedInName} on 23 November 2026",
            cut.FindAll("#import-history tbody tr td")[4].TextContent.Trim()), Timeout);
        Assert.Empty(cut.FindAll("#import-history .undo-import"));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.ActivityEntries.AnyAsync(e => e.TradedServiceId == service));
    }

    [Fact]
    public void Choose_FileOverTheSizeLimit_SaysSoAtOnceAndCannotBeImported()
    {
        var cut = RenderLoaded();

        // 20 MB is 20 × 1,048,576 = 20,971,520 bytes; one more is over the limit.
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[20_971_521], "huge.csv"));

        cut.WaitForAssertion(() => Assert.Equal(
            "\"huge.csv\" is larger than the 20 MB limit for an activity file. Split it into smaller files. Nothing was saved.",
            cut.TextOf("#import-message")), Timeout);
        Assert.True(cut.Find("#start-import").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Import_FileThatUnderstatesItsSize_StopsReadingAtTheLimitSaysSoAndSavesNothing()
    {
        var cut = RenderLoaded();
        // The browser says 100 bytes; the file is 25 MB. 20 MB is 20,971,520 bytes; the page reads 32 KB (32,768 bytes) at a
        // time, so it may read at most 20,971,520 + 32,768 = 21,004,288 bytes before it stops.
        var lying = new UnderstatedFile("lying.csv", statedSize: 100, realSize: 25L * 1024 * 1024);
        await cut.InvokeAsync(() => cut.FindComponent<InputFile>().Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([lying])));

        await cut.Find("#start-import").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(
            "\"lying.csv\" is larger than the 20 MB limit for an activity file. Split it into smaller files. Nothing was saved.",
            cut.TextOf("#import-message")), Timeout);
        Assert.InRange(lying.BytesRead, 20_971_521, 21_004_288);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.ActivityImports.AnyAsync());
    }

    [Fact]
    public async Task Cancel_WhileRowsAreChecked_SaysSoAndSavesNothing()
    {
        var service = await ActivityTestService.AddAsync(Database);
        var cut = RenderLoaded();
        // Enough rows (a day each, with distinct references) that the import is still running when Cancel is pressed.
        var rows = new System.Text.StringBuilder(Header);
        for (var i = 0; i < 100_000; i++) rows.Append($"Activity test service,{new DateOnly(2026, 4, 1).AddDays(i % 200):dd/MM/yyyy},1,days,,,R-{i}\r\n");
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(rows.ToString(), "big.csv"));

        // Not awaited: the click's handler runs until the import ends.
        var import = cut.Find("#start-import").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.StartsWith("Checking rows", cut.Find("#import-progress [role=status]").TextContent.Trim()), Timeout);
        // Found and clicked in one step on the renderer: progress re-renders the page all the while.
        await cut.InvokeAsync(() => cut.Find("#cancel-import").Click());
        await import;

        cut.WaitForAssertion(() => Assert.Equal("The import of big.csv was cancelled. Nothing was saved.", cut.TextOf("#import-message")), Timeout);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.ActivityEntries.AnyAsync(e => e.TradedServiceId == service));
        Assert.False(await db.ActivityImports.AnyAsync());
    }
}

/// <summary>
/// A file whose browser reports a smaller size than it streams, as a modified browser could: the page must stop reading
/// at its limit however the size was stated.
/// </summary>
internal sealed class UnderstatedFile(string name, long statedSize, long realSize) : IBrowserFile
{
    private readonly CountingStream _content = new(realSize);

    public long BytesRead => _content.Position;

    public string Name => name;
    public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
    public long Size => statedSize;
    public string ContentType => "text/csv";

    // Like Blazor's own, the stated size is checked against the largest allowed when the stream is opened.
    public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
        statedSize > maxAllowedSize ? throw new IOException($"Supplied file with size {statedSize} bytes exceeds the maximum of {maxAllowedSize} bytes.") : _content;

    /// <summary>The letter a, <c>length</c> times, made as it is read.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
