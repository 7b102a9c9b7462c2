using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Activity;
using SharedServices.Core.Charging;
using SharedServices.Core.Tests.Activity.Import;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;

namespace SharedServices.Core.Tests.Activity;

public abstract class ActivityImportsTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset Now = new(2013, 11, 20, 12, 0, 0, TimeSpan.Zero);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2013, 11, 20)));

    private static MemoryStream Csv(params string[] rows) =>
        new(Encoding.UTF8.GetBytes(ImportFiles.Header + "\n" + string.Join("\n", rows) + "\n"));

    private async Task<(string Code, int Ep, int ImportId)> Imported()
    {
        var (code, ep, _) = await ActivityTestServices.AddAsync(Factory, Get<ChargeSchedules>());
        var outcome = await Get<ActivityImporter>().ImportAsync(code, Csv(
            $"{ActivityTestServices.Psychology},15/04/2013,2,days,,,EP-001",
            $"{ActivityTestServices.Psychology},16/04/2013,1,days,,,EP-002"), "april.csv", "Importer");
        Assert.True(outcome.Saved, outcome.Refusal);
        return (code, ep, outcome.Import!.Id);
    }

    [Fact]
    public async Task History_ListsTheImportWithItsRowsWhoAndWhen()
    {
        var (code, _, importId) = await Imported();

        var entry = Assert.Single(await Get<ActivityImports>().HistoryAsync(code), e => e.Import.Id == importId);

        Assert.Equal(("april.csv", 2, "Importer", Now.UtcDateTime), (entry.Import.FileName, entry.Import.RowCount, entry.Import.ImportedBy, entry.Import.ImportedAtUtc));
        Assert.True(entry.CanUndo);
    }

    [Fact]
    public async Task Undo_RemovesItsRows_KeepsItInTheHistory_AndLetsTheFileBeImportedAgain()
    {
        var (code, ep, importId) = await Imported();

        await Get<ActivityImports>().UndoAsync(importId, "Undoer");

        await using (var db = Factory.CreateDbContext())
            Assert.Equal(0, await db.ActivityEntries.CountAsync(e => e.TradedServiceId == ep));
        var entry = Assert.Single(await Get<ActivityImports>().HistoryAsync(code), e => e.Import.Id == importId);
        Assert.True(entry.Import.IsUndone);
        Assert.Equal("Undoer", entry.Import.UndoneBy);
        Assert.False(entry.CanUndo);
        var again = await Get<ActivityImporter>().ImportAsync(code, Csv(
            $"{ActivityTestServices.Psychology},15/04/2013,2,days,,,EP-001",
            $"{ActivityTestServices.Psychology},16/04/2013,1,days,,,EP-002"), "april.csv", "Importer");
        Assert.True(again.Saved, again.Refusal);
        var twice = await Assert.ThrowsAsync<DomainException>(() => Get<ActivityImports>().UndoAsync(importId, "Undoer"));
        Assert.Equal("The import of april.csv has already been undone.", twice.Message);
    }

    [Fact]
    public async Task Undo_WithABilledRow_IsRefusedAndRemovesNothing()
    {
        var (code, ep, importId) = await Imported();
        await using (var db = Factory.CreateDbContext())
        {
            (await db.ActivityEntries.OrderBy(e => e.Id).FirstAsync(e => e.ImportId == importId)).MarkBilled("SCC-2013/14-0002");
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => Get<ActivityImports>().UndoAsync(importId, "Undoer"));

        Assert.Equal("The import of april.csv cannot be undone: some of its rows are billed on invoice SCC-2013/14-0002.", refused.Message);
        await using var check = Factory.CreateDbContext();
        Assert.Equal(2, await check.ActivityEntries.CountAsync(e => e.TradedServiceId == ep));
        Assert.False(Assert.Single(await Get<ActivityImports>().HistoryAsync(code), e => e.Import.Id == importId).CanUndo);
    }
}

public sealed class ActivityImportsTests_Sqlite : ActivityImportsTests<SqliteTestDatabase>;

public sealed class ActivityImportsTests_Postgres : ActivityImportsTests<PostgresTestDatabase>;
