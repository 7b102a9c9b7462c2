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
    public async Task Migrate_FromFirstRelease_WorksOutStoredTermEndsAndHistory()
    {
        // A database made by the first release, before the term's last day was stored.
        await using (var fresh = await NewEmptyDatabase())
        {
            await using var db = fresh.Factory.CreateDbContext();
            var first = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(first);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Partnerships" ("Code", "Name", "Kind", "Status", "EndedOn", "TermStartDate", "TermEndKind", "TermUpToYears", "TermEndDate", "TermTerminationFalls")
                VALUES ('five-years', 'Five years', 'StrategicPartnership', 'Active', NULL, '2013-07-01', 'UpToYears', 5, NULL, 'AnyDay'),
                       ('leap-day', 'Leap day', 'StrategicPartnership', 'Active', NULL, '2012-02-29', 'UpToYears', 5, NULL, 'AnyDay'),
                       ('fixed', 'Fixed', 'TradedServices', 'Active', NULL, '2012-09-01', 'FixedDate', NULL, '2015-08-31', 'NotStated'),
                       ('terminated', 'Terminated', 'StrategicPartnership', 'Ended', '2024-01-31', '2013-07-01', 'UpToYears', 5, NULL, 'AnyDay');
                INSERT INTO "Organisations" ("Name", "ShortCode", "Kind") VALUES ('Hampshire County Council', 'HCC', 'CountyCouncil');
                INSERT INTO "NoticePeriods" ("OrganisationId", "Months", "IsIllustrative", "PartnershipId")
                SELECT o."Id", 6, false, p."Id" FROM "Organisations" o, "Partnerships" p WHERE p."Code" = 'terminated';
                """);

            await DatabaseStartup.MigrateAsync(fresh.Factory);

            var ends = await db.Partnerships.OrderBy(p => p.Code).Select(p => p.Term.LatestEndDate).ToListAsync();
            // five-years, fixed, leap-day, terminated: from 29 February 2012, five years end on 28 February 2017 (2017 has no
            // 29 February, so the period runs to the month's last day), as Term says; the second migration's back-fill gave
            // 27 February and the history migration corrects it.
            Assert.Equal([new DateOnly(2018, 6, 30), new DateOnly(2015, 8, 31), new DateOnly(2017, 2, 28), new DateOnly(2018, 6, 30)], ends);
            Assert.Equal(new DateOnly(2017, 2, 28), new Domain.Partnerships.Term(new DateOnly(2012, 2, 29), Domain.Partnerships.TermEndKind.UpToYears, upToYears: 5).LatestEndDate);

            // The stored dates the register reads are filled in; an end date recorded by hand becomes a termination in the history.
            var dates = await db.Partnerships.OrderBy(p => p.Code).Select(p => new { p.StartedOn, p.CurrentTermEnd, p.EndsOn, p.TerminatedOn }).ToListAsync();
            Assert.Equal(
                [(new DateOnly(2013, 7, 1), new DateOnly(2018, 6, 30), new DateOnly(2018, 6, 30), null),
                 (new DateOnly(2012, 9, 1), new DateOnly(2015, 8, 31), new DateOnly(2015, 8, 31), null),
                 (new DateOnly(2012, 2, 29), new DateOnly(2017, 2, 28), new DateOnly(2017, 2, 28), null),
                 (new DateOnly(2013, 7, 1), new DateOnly(2018, 6, 30), new DateOnly(2024, 1, 31), (DateOnly?)new DateOnly(2024, 1, 31))],
                dates.Select(d => (d.StartedOn, d.CurrentTermEnd, d.EndsOn, d.TerminatedOn)));
            var history = await db.Partnerships.Include(p => p.Events).ToDictionaryAsync(p => p.Code, p => p.Events);
            Assert.All(new[] { "five-years", "fixed", "leap-day" }, code => Assert.Empty(history[code]));
            var terminated = Assert.Single(history["terminated"]);
            Assert.Equal((Domain.Partnerships.PartnershipEventKind.Terminated, new DateOnly(2024, 1, 31)), (terminated.Kind, terminated.Date));
            var partnership = await db.Partnerships.Include(p => p.Decisions).Include(p => p.Events).SingleAsync(p => p.Code == "terminated");
            Assert.Equal(Domain.Partnerships.PartnershipStatus.Terminated, partnership.StatusOn(new DateOnly(2024, 2, 1)));
            // Notice stated in months keeps its figure, now in months explicitly.
            Assert.Equal(Domain.Notice.NoticeLength.Months(6), Assert.Single(partnership.NoticePeriods).Length);
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
