using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Persistence;

public abstract class DatabaseStartupTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override bool LoadSeedData => false;

    [Fact]
    public async Task Migrate_Twice_LeavesAllMigrationsApplied()
    {
        await DatabaseStartup.MigrateAsync(Factory);

        await using var db = Factory.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_DatabaseFromNewerVersion_RefusesWithClearMessage()
    {
        await using (var db = Factory.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        }

        var error = await Assert.ThrowsAsync<StartupException>(() => DatabaseStartup.MigrateAsync(Factory));

        Assert.Contains("upgraded by a newer version of SharedServices", error.Message);
        Assert.Contains("29991231000000_FromTheFuture", error.Message);
    }
}

public sealed class DatabaseStartupTests_Sqlite : DatabaseStartupTests<SqliteTestDatabase>;

public sealed class DatabaseStartupTests_Postgres : DatabaseStartupTests<PostgresTestDatabase>
{
    [Fact]
    public async Task Migrate_UnreachableServer_SaysItCannotReachTheDatabase()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var factory = new SharedServicesDbContextFactory(DatabaseSettings.ForPostgres(
            "Host=127.0.0.1;Port=1;Username=postgres;Password=secret;Database=x;Timeout=3"));

        var error = await Assert.ThrowsAsync<StartupException>(() => DatabaseStartup.MigrateAsync(factory));

        Assert.StartsWith("Cannot reach the database (PostgreSQL Host=127.0.0.1;Port=1", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}
