using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
    public async Task Migrate_FromFirstRelease_WorksOutStoredTermEnds()
    {
        // A database made by the first release, before the term's last day was stored.
        await using (var fresh = await NewEmptyDatabase())
        {
            await using var db = fresh.Factory.CreateDbContext();
            var first = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(first);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Partnerships" ("Code", "Name", "Kind", "Status", "TermStartDate", "TermEndKind", "TermUpToYears", "TermEndDate", "TermTerminationFalls")
                VALUES ('five-years', 'Five years', 'StrategicPartnership', 'Active', '2013-07-01', 'UpToYears', 5, NULL, 'AnyDay'),
                       ('leap-day', 'Leap day', 'StrategicPartnership', 'Active', '2012-02-29', 'UpToYears', 5, NULL, 'AnyDay'),
                       ('fixed', 'Fixed', 'TradedServices', 'Active', '2012-09-01', 'FixedDate', NULL, '2015-08-31', 'NotStated')
                """);

            await DatabaseStartup.MigrateAsync(fresh.Factory);

            var ends = await db.Partnerships.OrderBy(p => p.Code).Select(p => p.Term.LatestEndDate).ToListAsync();
            // five-years, fixed, leap-day: from 29 February 2012, five years end on 27 February 2017, as Term says.
            Assert.Equal([new DateOnly(2018, 6, 30), new DateOnly(2015, 8, 31), new DateOnly(2017, 2, 27)], ends);
            Assert.Equal(new DateOnly(2017, 2, 27), new Domain.Partnerships.Term(new DateOnly(2012, 2, 29), Domain.Partnerships.TermEndKind.UpToYears, upToYears: 5).LatestEndDate);
        }
    }

    private static async Task<TDatabase> NewEmptyDatabase()
    {
        var database = new TDatabase();
        await database.CreateAsync();
        return database;
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
