using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using SharedServices.Core.Persistence;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Persistence;

/// <summary>
/// SQLite's migration lock: a row left in __EFMigrationsLock by a process killed mid-migration must not hang every
/// later start (dotnet/efcore#38958), yet a row of a process still migrating must be left alone.
/// </summary>
public sealed class MigrationLockTests : IAsyncLifetime
{
    // Without the fix a stale row makes MigrateAsync wait for ever; the test fails after this instead of hanging.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly SqliteTestDatabase _database = new();
    private readonly ListLogger _log = new();

    private SharedServicesDbContextFactory Factory => _database.Factory;

    private string DatabaseFile => new SqliteConnectionStringBuilder(_database.Settings.ConnectionString).DataSource;

    private string LockFile => DatabaseFile + ".migrate.lock";

    public Task InitializeAsync() => _database.CreateAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Migrate_StaleLockRowLeftByAKilledProcess_RemovesItLogsAWarningAndApplies()
    {
        var migrations = await MigrateToFirstAndPlantLockRow();

        await DatabaseStartup.MigrateAsync(Factory, _log).WaitAsync(Hang);

        await using var db = Factory.CreateDbContext();
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await LockRows());
        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Removed a stale migration lock", warning.Message);
        Assert.Contains("2026-11-30 04:00:00", warning.Message);
        // Each migration is logged by name as it is applied; the first was already there.
        Assert.Equal(migrations.Skip(1).Select(m => $"Applying migration {m} to SQLite {DatabaseFile}"),
            _log.Entries.Where(e => e.Message.StartsWith("Applying migration")).Select(e => e.Message));
        Assert.True(File.Exists(LockFile), "the lock file lives beside the database");
    }

    [Fact]
    public async Task Migrate_WhileAnotherProcessHoldsTheLockFile_WaitsThenGivesUpAndLeavesItsRow()
    {
        await MigrateToFirstAndPlantLockRow();
        using var otherProcess = HoldLockFile();

        var error = await Assert.ThrowsAsync<StartupException>(
            () => DatabaseStartup.MigrateAsync(Factory, _log, lockWait: TimeSpan.FromSeconds(1)).WaitAsync(Hang));

        Assert.Contains($"Another process has held the migration lock {LockFile}", error.Message);
        Assert.Equal(1, await LockRows());
        Assert.Contains(_log.Entries, e => e.Message.StartsWith("Another SharedServices process is migrating the database") && e.Message.Contains(LockFile));
        Assert.DoesNotContain(_log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Migrate_WhileAnotherProcessHoldsTheLockFile_StartsOnceItIsReleased()
    {
        var otherProcess = HoldLockFile();

        var start = DatabaseStartup.MigrateAsync(Factory, _log, lockWait: TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        Assert.False(start.IsCompleted, "start-up waits while the lock file is held");
        Assert.False(File.Exists(DatabaseFile), "nothing touches the database while waiting");
        otherProcess.Dispose();
        await start.WaitAsync(Hang);

        await using var db = Factory.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(_log.Entries, e => e.Message.StartsWith("Migration lock") && e.Message.Contains("taken after waiting"));
    }

    [Fact]
    public async Task Migrate_TwoStartsTogether_BothFinishWithEveryMigrationAppliedOnce()
    {
        var other = new SharedServicesDbContextFactory(_database.Settings);

        await Task.WhenAll(DatabaseStartup.MigrateAsync(Factory, _log), DatabaseStartup.MigrateAsync(other, _log)).WaitAsync(Hang);

        await using var db = Factory.CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), _log.Entries.Count(e => e.Message.StartsWith("Applying migration")));
        Assert.Equal(0, await LockRows());
    }

    /// <summary>A database a process was killed in while applying its second migration: EF Core's lock row is left.</summary>
    private async Task<List<string>> MigrateToFirstAndPlantLockRow()
    {
        await using var db = Factory.CreateDbContext();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[0]);
        // The table and row as EF Core 10's SqliteHistoryRepository writes them.
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-30 04:00:00+00:00');
            """);
        return migrations;
    }

    private async Task<long> LockRows()
    {
        await using var db = Factory.CreateDbContext();
        return await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync();
    }

    /// <summary>Another handle on the lock file, as a second process migrating the same database would hold it.</summary>
    private FileStream HoldLockFile() => new(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
}

/// <summary>Keeps what was logged, formatted, so tests can read the words an administrator would.</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get { lock (_entries) return [.. _entries]; }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries) _entries.Add((logLevel, formatter(state, exception)));
    }
}
