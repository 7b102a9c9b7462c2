using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Activity;
using SharedServices.Core.Activity.Import;
using SharedServices.Core.Charging;
using SharedServices.Core.Tests.Activity.Import;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Tests.Activity;

public abstract class ActivityImporterTests<TDatabase> : DatabaseTest<TDatabase>, IDisposable where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset Now = new(2013, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private const string Officer = "A. Finance-Officer";
    private readonly ImportFiles _files = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2013, 11, 20)));

    private ActivityImporter Importer => Get<ActivityImporter>();

    private Task<(string Code, int Psychology, int Director)> TestServices() =>
        ActivityTestServices.AddAsync(Factory, Get<ChargeSchedules>());

    private static MemoryStream Csv(params string[] rows) =>
        new(Encoding.UTF8.GetBytes(ImportFiles.Header + "\n" + string.Join("\n", rows) + "\n"));

    private async Task<int> EntriesOf(params int[] serviceIds)
    {
        await using var db = Factory.CreateDbContext();
        return await db.ActivityEntries.CountAsync(e => serviceIds.Contains(e.TradedServiceId));
    }

    private async Task<int> Imports()
    {
        await using var db = Factory.CreateDbContext();
        return await db.ActivityImports.CountAsync();
    }

    [Fact]
    public async Task GoodCsv_SavesEveryRowWithItsImport_ExactlyAsWritten()
    {
        var (code, ep, director) = await TestServices();
        var outcome = await Importer.ImportAsync(code, Csv(
            $"{ActivityTestServices.Psychology},15/04/2013,2.5,days,,Assessments at two schools,EP-001",
            $"{ActivityTestServices.Psychology},2013-04-16,1,day,,,EP-002",
            $"{ActivityTestServices.Director},30/04/2013,,,\"£9,412.50\",April salary and on-costs,DIR-04"), "april.csv", Officer);

        Assert.True(outcome.Saved, outcome.Refusal);
        Assert.Equal(3, outcome.Import!.RowCount);
        await using var db = Factory.CreateDbContext();
        var rows = await db.ActivityEntries.AsNoTracking().Where(e => e.ImportId == outcome.Import.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(3, rows.Count);
        Assert.Equal([ep, ep, director], rows.Select(r => r.TradedServiceId));
        Assert.Equal([new DateOnly(2013, 4, 15), new DateOnly(2013, 4, 16), new DateOnly(2013, 4, 30)], rows.Select(r => r.Details.From));
        Assert.All(rows, r => Assert.Equal(r.Details.From, r.Details.To));
        Assert.Equal(2.5m, rows[0].Details.Quantity);
        Assert.Equal("days", rows[0].Details.Unit);
        Assert.Equal("Assessments at two schools", rows[0].Details.Description);
        Assert.Equal("EP-001", rows[0].Details.Reference);
        Assert.Null(rows[1].Details.Description);
        Assert.Null(rows[2].Details.Quantity);
        Assert.Equal(new Money(9_412_50), rows[2].Details.ActualCost);
        Assert.All(rows, r => Assert.Equal(Officer, r.EnteredBy));
        Assert.All(rows, r => Assert.Equal(Now.UtcDateTime, r.EnteredAtUtc));
        Assert.All(rows, r => Assert.Null(r.BilledOnInvoice));
        Assert.All(rows, r => Assert.False(r.IsIllustrative));
        // The header is row 1 of the file, so its three data rows are rows 2, 3 and 4.
        Assert.Equal([2, 3, 4], rows.Select(r => r.ImportRow));
        var import = await db.ActivityImports.AsNoTracking().SingleAsync(i => i.Id == outcome.Import.Id);
        Assert.Equal("april.csv", import.FileName);
        Assert.Equal(Officer, import.ImportedBy);
        Assert.Equal(64, import.ContentHash.Length);
    }

    [Fact]
    public async Task GoodXlsx_SavesEveryRow()
    {
        var (code, ep, _) = await TestServices();
        var path = _files.Xlsx("may.xlsx", ImportFiles.Columns,
            [ActivityTestServices.Psychology, new DateTime(2013, 5, 1), 3, "days", null, "Casework", "EP-101"],
            [ActivityTestServices.Psychology, new DateTime(2013, 5, 2), 0.5, "day", null, null, "EP-102"]);
        await using var file = File.OpenRead(path);

        var outcome = await Importer.ImportAsync(code, file, "may.xlsx", Officer);

        Assert.True(outcome.Saved, outcome.Refusal);
        await using var db = Factory.CreateDbContext();
        var quantities = await db.ActivityEntries.Where(e => e.TradedServiceId == ep).OrderBy(e => e.Id).Select(e => e.Details.Quantity).ToListAsync();
        Assert.Equal([3m, 0.5m], quantities);
    }

    [Fact]
    public async Task OneBadRow_ReportsRowAndColumn_AndSavesNothing()
    {
        var (code, ep, director) = await TestServices();
        var outcome = await Importer.ImportAsync(code, Csv(
            $"{ActivityTestServices.Psychology},15/04/2013,2,days,,,EP-001",
            $"{ActivityTestServices.Psychology},31/04/2013,1,days,,,EP-002",
            $"{ActivityTestServices.Psychology},16/04/2013,1,hours,,,EP-003",
            $"Speech therapy,16/04/2013,1,days,,,EP-004",
            $"{ActivityTestServices.Psychology},01/04/2014,1,days,,,EP-005",
            $"{ActivityTestServices.Director},30/04/2013,3,days,,,DIR-1"), "april.csv", Officer);

        Assert.False(outcome.Saved);
        Assert.Equal(
        [
            "Row 3: Date: \"31/04/2013\" is not a date; write it as 13/11/2012 or 2012-11-13.",
            $"Row 4: Unit: {ActivityTestServices.Psychology} is charged per day or days, not per \"hours\".",
            "Row 5: Service: \"Speech therapy\" is not a service of this partnership.",
            $"Row 6: Date: 1 April 2014 is outside {ActivityTestServices.Psychology}'s dates (1 April 2013 to 31 March 2014).",
            $"Row 7: Quantity: {ActivityTestServices.Director} is charged by actual cost; give an actual cost instead.",
        ], outcome.Report!.Problems.Select(p => p.ToString()));
        Assert.Equal([3, 4, 5, 6, 7], outcome.Report.Problems.Select(p => p.Row));
        Assert.Equal(0, await EntriesOf(ep, director));
        Assert.Equal(0, await Imports());
    }

    [Fact]
    public async Task HugeQuantityOrCost_IsAProblemNamingTheColumn_NotACrash()
    {
        var (code, ep, director) = await TestServices();
        var outcome = await Importer.ImportAsync(code, Csv(
            $"{ActivityTestServices.Psychology},15/04/2013,99999999999999,days,,Huge,H-1",
            $"{ActivityTestServices.Director},30/04/2013,,,99999999999999999,Huge cost,H-2"), "huge.csv", Officer);

        Assert.False(outcome.Saved);
        Assert.Equal(
        [
            "Row 2: Quantity: enter less than 1,000,000,000 (it is 99999999999999).",
            "Row 3: Actual cost: enter less than £1,000,000,000 (it is 99999999999999999).",
        ], outcome.Report!.Problems.Select(p => p.ToString()));
        Assert.Equal(0, await EntriesOf(ep, director));
    }

    [Fact]
    public async Task SameFileTwice_SecondIsRefusedSayingWhen_AndAddsNothing()
    {
        var (code, ep, _) = await TestServices();
        var first = await Importer.ImportAsync(code, Csv($"{ActivityTestServices.Psychology},15/04/2013,2,days,,,EP-001"), "april.csv", Officer);
        Assert.True(first.Saved);

        var second = await Importer.ImportAsync(code, Csv($"{ActivityTestServices.Psychology},15/04/2013,2,days,,,EP-001"), "april (copy).csv", "Someone Else");

        Assert.False(second.Saved);
        Assert.Equal("This file was already imported on 20 November 2013 by A. Finance-Officer (1 rows, as \"april.csv\"). " +
                     "Nothing was saved. To import it again, undo that import first.", second.Refusal);
        Assert.Equal(1, await EntriesOf(ep));
        Assert.Equal(1, await Imports());
    }

    [Fact]
    public async Task DuplicateRows_InTheFileAndAlreadyRecorded_AreReportedAndNothingSaved()
    {
        var (code, ep, _) = await TestServices();
        Assert.True((await Importer.ImportAsync(code, Csv($"{ActivityTestServices.Psychology},15/04/2013,2,days,,,EP-001"), "april.csv", Officer)).Saved);

        var outcome = await Importer.ImportAsync(code, Csv(
            $"{ActivityTestServices.Psychology},16/04/2013,1,days,,,EP-002",
            $"{ActivityTestServices.Psychology},16/04/2013,1.0,day,,,ep-002 ",
            $"{ActivityTestServices.Psychology},15/04/2013,2.00,days,,,EP-001",
            $"{ActivityTestServices.Psychology},16/04/2013,1,days,,,EP-003"), "april-more.csv", Officer);

        Assert.False(outcome.Saved);
        Assert.Equal(
        [
            $"Row 3: Reference: the same work ({ActivityTestServices.Psychology} on 16 April 2013, same quantity and reference) as row 2, so it would be counted twice.",
            $"Row 4: Reference: the same work ({ActivityTestServices.Psychology} on 15 April 2013, same quantity and reference) is already recorded for this partnership, so it would be counted twice.",
        ], outcome.Report!.Problems.Select(p => p.ToString()));
        Assert.Equal(1, await EntriesOf(ep));
    }

    [Fact]
    public async Task RandomBytesNamedXlsx_IsRefused_AndNothingSaved()
    {
        var (code, ep, _) = await TestServices();
        var bytes = new byte[4096];
        new Random(8).NextBytes(bytes);

        var outcome = await Importer.ImportAsync(code, new MemoryStream(bytes), "activity.xlsx", Officer);

        Assert.False(outcome.Saved);
        Assert.Equal("\"activity.xlsx\" is not really an Excel workbook (.xlsx), whatever its name says. Save it from Excel as .xlsx and try again.", outcome.Refusal);
        Assert.Equal(0, await EntriesOf(ep));
        Assert.Equal(0, await Imports());
    }

    [Fact]
    public async Task ZipBomb_IsRefused_AndNothingSaved()
    {
        var (code, ep, _) = await TestServices();
        await using var file = File.OpenRead(_files.ZipBomb("activity.xlsx", megabytes: 300));

        var outcome = await Importer.ImportAsync(code, file, "activity.xlsx", Officer);

        Assert.False(outcome.Saved);
        Assert.Contains("activity.xlsx", outcome.Refusal);
        Assert.Equal(0, await EntriesOf(ep));
        Assert.Equal(0, await Imports());
    }

    [Fact]
    public async Task CancelPartWay_SavesNothing()
    {
        var (code, ep, _) = await TestServices();
        var rows = Enumerable.Range(0, 500).Select(i => $"{ActivityTestServices.Psychology},15/04/2013,1,days,,,EP-{i:0000}").ToArray();
        var importer = new ActivityImporter(Factory, new FixedClock(new DateOnly(2013, 11, 20)), new ImportLimits { ProgressEvery = 50 });
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p.RowsRead >= 200) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            importer.ImportAsync(code, Csv(rows), "big.csv", Officer, progress, cancel.Token));

        Assert.Equal(0, await EntriesOf(ep));
        Assert.Equal(0, await Imports());
    }

    [Fact]
    public async Task HeaderOnly_IsRefused()
    {
        var (code, _, _) = await TestServices();

        var outcome = await Importer.ImportAsync(code, Csv(), "empty.csv", Officer);

        Assert.False(outcome.Saved);
        Assert.Equal("\"empty.csv\" has a header row but no activity rows. Nothing was saved.", outcome.Refusal);
        Assert.Equal(0, await Imports());
    }

    [Fact]
    public async Task UnknownPartnership_IsRefusedByName()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => Importer.ImportAsync("NO-SUCH", Csv(), "a.csv", Officer));
        Assert.Equal("No partnership has the code \"NO-SUCH\".", ex.Message);
    }

    public void Dispose() => _files.Dispose();
}

/// <summary>Reports on the calling thread, so a test can cancel at an exact row.</summary>
internal sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}

public sealed class ActivityImporterTests_Sqlite : ActivityImporterTests<SqliteTestDatabase>;

public sealed class ActivityImporterTests_Postgres : ActivityImporterTests<PostgresTestDatabase>;
