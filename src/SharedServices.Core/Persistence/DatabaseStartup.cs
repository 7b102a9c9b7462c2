using Microsoft.EntityFrameworkCore;

namespace SharedServices.Core.Persistence;

/// <summary>The app cannot start; the message says why in words an administrator can act on.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Brings the database up to this version's schema on start. Refuses to run against a database that a newer
/// version has already upgraded (its schema may not match what this version writes) or one it cannot reach.
/// </summary>
public static class DatabaseStartup
{
    public static async Task MigrateAsync(SharedServicesDbContextFactory factory, CancellationToken cancel = default)
    {
        await using var db = factory.CreateDbContext();
        var where = factory.Settings.Describe();
        IReadOnlyList<string> applied;
        try
        {
            applied = (await db.Database.GetAppliedMigrationsAsync(cancel)).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StartupException($"Cannot reach the database ({where}): {ex.GetBaseException().Message}", ex);
        }

        var known = db.Database.GetMigrations().ToHashSet();
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
            throw new StartupException(
                $"The database ({where}) has been upgraded by a newer version of SharedServices " +
                $"(it has migration {string.Join(", ", unknown)}, which this version does not know). " +
                "Run the newer version, or restore a backup taken before the upgrade.");

        try
        {
            await db.Database.MigrateAsync(cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StartupException($"Could not bring the database ({where}) up to date: {ex.GetBaseException().Message}", ex);
        }
        if (factory.Settings.Provider == DatabaseProvider.Sqlite)
            // WAL lets pages read while another request writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancel);
    }
}
