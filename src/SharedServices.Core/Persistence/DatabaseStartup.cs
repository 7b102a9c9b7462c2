using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SharedServices.Core.Persistence;

/// <summary>The app cannot start; the message says why in words an administrator can act on.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Brings the database up to this version's schema on start. Refuses to run against a database that a newer
/// version has already upgraded (its schema may not match what this version writes) or one it cannot reach.
/// </summary>
/// <remarks>
/// On SQLite, EF Core serialises migrations with a row in <c>__EFMigrationsLock</c>, which a process killed
/// mid-migration leaves behind, so every later start would wait for ever (dotnet/efcore#38958). Here each migrating
/// process first takes a <see cref="MigrationFileLock"/>, which the OS frees when the process dies; whoever holds it
/// knows a lock row is stale and removes it. On PostgreSQL, EF Core's lock is <c>LOCK TABLE … ACCESS EXCLUSIVE</c>
/// inside the migration's transaction: it ends with the session, so a killed process cannot leave it behind.
/// </remarks>
public static class DatabaseStartup
{
    public static Task MigrateAsync(SharedServicesDbContextFactory factory, CancellationToken cancel = default) =>
        MigrateAsync(factory, NullLogger.Instance, cancel: cancel);

    /// <param name="lockWait">How long to wait for another process's migration (default <see cref="MigrationFileLock.DefaultWait"/>).</param>
    public static async Task MigrateAsync(SharedServicesDbContextFactory factory, ILogger log, TimeSpan? lockWait = null, CancellationToken cancel = default)
    {
        var where = factory.Settings.Describe();
        var file = SqliteFile(factory.Settings);
        using var fileLock = file is not null
            ? await TakeFileLock(file, lockWait ?? MigrationFileLock.DefaultWait, where, log, cancel)
            : null;
        if (file is not null && !File.Exists(file))
            await CreateWholeAsync(file, where, log, cancel);
        else
            await ApplyAsync(factory, where, log, clearStaleLock: fileLock is not null, cancel);
        await Access.AccountSetup.EnsureRolesAsync(factory, cancel);
    }

    /// <summary>
    /// A new SQLite database is built beside its final name and moved into place only once every migration is in,
    /// so a process killed while creating it leaves no half-built file: the next start simply builds it again.
    /// (A migration that rebuilds a table cannot run inside SQLite's transaction, so a kill part-way through one would
    /// otherwise leave the file neither before nor after it.)
    /// </summary>
    private static async Task CreateWholeAsync(string file, string where, ILogger log, CancellationToken cancel)
    {
        var building = file + ".creating";
        foreach (var leftover in new[] { building, building + "-wal", building + "-shm", building + "-journal" })
            File.Delete(leftover);
        var settings = DatabaseSettings.ForSqliteFile(building);
        await ApplyAsync(new SharedServicesDbContextFactory(settings), where, log, clearStaleLock: false, cancel);
        // Every connection to the new file closed, so SQLite has folded its write-ahead log into it before the move.
        SqliteConnection.ClearPool(new SqliteConnection(settings.ConnectionString));
        File.Move(building, file);
        log.LogInformation("Created {Database}", where);
    }

    private static async Task ApplyAsync(SharedServicesDbContextFactory factory, string where, ILogger log, bool clearStaleLock, CancellationToken cancel)
    {
        await using var db = factory.CreateDbContext();
        IReadOnlyList<string> applied;
        try
        {
            applied = (await db.Database.GetAppliedMigrationsAsync(cancel)).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StartupException($"Cannot reach the database ({where}): {ex.GetBaseException().Message}", ex);
        }

        var known = db.Database.GetMigrations().ToList();
        var unknown = applied.Except(known).ToList();
        if (unknown.Count > 0)
            throw new StartupException(
                $"The database ({where}) has been upgraded by a newer version of SharedServices " +
                $"(it has migration {string.Join(", ", unknown)}, which this version does not know). " +
                "Run the newer version, or restore a backup taken before the upgrade.");

        if (clearStaleLock) await ClearStaleLockRow(db, log, cancel);
        var migrator = db.GetService<IMigrator>();
        foreach (var migration in known.Except(applied))
        {
            log.LogInformation("Applying migration {Migration} to {Database}", migration, where);
            try
            {
                await migrator.MigrateAsync(migration, cancel);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new StartupException($"Could not bring the database ({where}) up to date: migration {migration} failed: {ex.GetBaseException().Message}", ex);
            }
        }
        if (factory.Settings.Provider == DatabaseProvider.Sqlite)
            // WAL lets pages read while another request writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancel);
    }

    /// <summary>The SQLite database file, or null for PostgreSQL (and for an in-memory SQLite database).</summary>
    private static string? SqliteFile(DatabaseSettings settings)
    {
        if (settings.Provider != DatabaseProvider.Sqlite) return null;
        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
    }

    private static async Task<MigrationFileLock> TakeFileLock(string file, TimeSpan wait, string where, ILogger log, CancellationToken cancel)
    {
        try
        {
            return await MigrationFileLock.AcquireAsync(file, wait, log, cancel);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot reach the database ({where}): cannot open its migration lock {MigrationFileLock.PathFor(file)}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Every process of ours takes the file lock before EF Core's lock row, and we hold the file lock, so a row now
    /// was left by a process that died while migrating: no one will ever remove it but us.
    /// </summary>
    private static async Task ClearStaleLockRow(SharedServicesDbContext db, ILogger log, CancellationToken cancel)
    {
        var tableExists = await db.Database
            .SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(cancel);
        if (tableExists == 0) return;
        var takenAt = await db.Database.SqlQueryRaw<string>("SELECT \"Timestamp\" AS \"Value\" FROM \"__EFMigrationsLock\"").ToListAsync(cancel);
        if (takenAt.Count == 0) return;
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", cancel);
        log.LogWarning(
            "Removed a stale migration lock from {Database} (taken at {TakenAt}): the process that took it stopped during a migration, " +
            "and no running SharedServices process holds the migration lock file",
            db.Database.GetDbConnection().DataSource, string.Join(", ", takenAt));
    }
}
