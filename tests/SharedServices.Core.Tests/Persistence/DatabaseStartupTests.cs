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

    [Fact]
    public async Task Migrate_FromLinkRows_MovesEachLinesActivityIntoItsList_AndTellsEachBilledRecordItsLine()
    {
        // A database from before ActivityListsOnLines: an issued invoice whose one line bills two records by link rows,
        // the second record corrected once before it was drafted, and a draft line billing a third.
        await using var fresh = await NewEmptyDatabase();
        await using var db = fresh.Factory.CreateDbContext();
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_RechargeAndInvoices", StringComparison.Ordinal)));
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Organisations" ("Id", "Name", "ShortCode", "Kind", "CallInWorkingDays", "Version") VALUES (1, 'Testford', 'TFC', 'UnitaryAuthority', 5, 0), (2, 'Otherby', 'OBC', 'UnitaryAuthority', 5, 0);
            INSERT INTO "Partnerships" ("Id", "Code", "Name", "Kind", "Renews", "TermStartDate", "TermEndKind", "TermUpToYears", "TermTerminationFalls", "Version")
              VALUES (1, 'tfc-obc', 'Testford and Otherby', 'TradedServices', false, '2012-04-01', 'UpToYears', 5, 'AnyDay', 0);
            INSERT INTO "TradedServices" ("Id", "PartnershipId", "Name", "ProviderId", "RecipientId") VALUES (1, 1, 'Educational psychology', 1, 2);
            INSERT INTO "ActivityEntries" ("Id", "TradedServiceId", "FromDate", "ToDate", "Quantity", "Unit", "EnteredBy", "EnteredAtUtc", "IsIllustrative", "Version", "BilledOnInvoice")
              VALUES (11, 1, '2013-10-03', '2013-10-03', 2, 'days', 'Test', '2013-10-04 09:00:00', false, 0, 'TFC-2013/14-0002'),
                     (12, 1, '2013-10-10', '2013-10-10', 1, 'days', 'Test', '2013-10-11 09:00:00', false, 1, 'TFC-2013/14-0002'),
                     (13, 1, '2013-11-04', '2013-11-04', 1, 'days', 'Test', '2013-11-05 09:00:00', false, 0, NULL);
            INSERT INTO "Invoices" ("Id", "Kind", "PartnershipId", "ProviderId", "RecipientId", "PeriodFrom", "PeriodTo", "PeriodLabel", "PaymentTermsDays", "Credited", "Version", "Number", "IssuedOn", "DueOn")
              VALUES (22, 'Invoice', 1, 1, 2, '2013-11-01', '2013-11-30', 'November 2013', 30, 0, 0, NULL, NULL, NULL);
            INSERT INTO "InvoiceLines" ("Id", "InvoiceId", "TradedServiceId", "ServiceName", "Kind", "Explanation", "CoversFrom", "CoversTo", "Quantity", "Unit", "Rate", "Net", "Treatment", "VatPercent", "Vat")
              VALUES (31, 22, 1, 'Educational psychology', 'Quantity', '1 day × £450.00', '2013-11-01', '2013-11-30', 1, 'days', 45000, 45000, 'OutsideTheScope', 0, 0);
            INSERT INTO "InvoiceLineActivity" ("InvoiceLineId", "ActivityEntryId") VALUES (31, 13);
            """);
        // The issued line is added while its invoice is still a draft, then the invoice is issued: as the app did it.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Invoices" ("Id", "Kind", "PartnershipId", "ProviderId", "RecipientId", "PeriodFrom", "PeriodTo", "PeriodLabel", "PaymentTermsDays", "Credited", "Version")
              VALUES (23, 'Invoice', 1, 1, 2, '2013-10-01', '2013-10-31', 'October 2013', 30, 0, 0);
            INSERT INTO "InvoiceLines" ("Id", "InvoiceId", "TradedServiceId", "ServiceName", "Kind", "Explanation", "CoversFrom", "CoversTo", "Quantity", "Unit", "Rate", "Net", "Treatment", "VatPercent", "Vat")
              VALUES (32, 23, 1, 'Educational psychology', 'Quantity', '3 days × £450.00', '2013-10-01', '2013-10-31', 3, 'days', 45000, 135000, 'OutsideTheScope', 0, 0);
            INSERT INTO "InvoiceLineActivity" ("InvoiceLineId", "ActivityEntryId") VALUES (32, 12), (32, 11);
            UPDATE "Invoices" SET "Number" = 'TFC-2013/14-0002', "IssuedOn" = '2013-11-01', "DueOn" = '2013-12-01' WHERE "Id" = 23;
            """);

        await DatabaseStartup.MigrateAsync(fresh.Factory);

        var lines = await db.InvoiceLines.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.ActivityIds, l.ActivityRevisions }).ToListAsync();
        Assert.Equal([(31, "13", 0), (32, "11,12", 1)], lines.Select(l => (l.Id, string.Join(",", l.ActivityIds), l.ActivityRevisions)));
        var billedOn = await db.ActivityEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => e.BilledOnLineId).ToListAsync();
        // 11 and 12 are billed on issued line 32; 13 is only on a draft, so it is not billed by anything yet.
        Assert.Equal([32, 32, null], billedOn);
        // The protections are back: the issued line and the billed records still refuse change.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "InvoiceLines" SET "Net" = 1 WHERE "Id" = 32"""));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "ActivityEntries" SET "Quantity" = 9 WHERE "Id" = 11"""));
    }

    [Fact]
    public async Task Migrate_IssuedInvoicesFromBeforePartiesWereKept_TakeThePartiesAsTheyAreNow_AndRefuseChangesToThem()
    {
        // A database from before InvoicePartiesAtIssue: Testford (with an address, VAT registration and bank details)
        // bills Otherby (address and remittance e-mail) on an issued invoice and a draft.
        await using var fresh = await NewEmptyDatabase();
        await using var db = fresh.Factory.CreateDbContext();
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_ActivityListsOnLines", StringComparison.Ordinal)));
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Organisations" ("Id", "Name", "ShortCode", "Kind", "CallInWorkingDays", "Version", "Address", "Postcode", "VatRegistration",
                "BankAccountName", "SortCode", "AccountNumber", "RemittanceEmail")
              VALUES (1, 'Testford', 'TFC', 'UnitaryAuthority', 5, 0, 'Town Hall', 'TF1 1AA', 'GB999999973', 'Testford Council', '123456', '01234567', 'income@testford.example'),
                     (2, 'Otherby', 'OBC', 'UnitaryAuthority', 5, 0, 'Otherby House', 'OB2 3CD', NULL, NULL, NULL, NULL, 'payables@otherby.example');
            INSERT INTO "Partnerships" ("Id", "Code", "Name", "Kind", "Renews", "TermStartDate", "TermEndKind", "TermUpToYears", "TermTerminationFalls", "Version")
              VALUES (1, 'tfc-obc', 'Testford and Otherby', 'TradedServices', false, '2012-04-01', 'UpToYears', 5, 'AnyDay', 0);
            INSERT INTO "TradedServices" ("Id", "PartnershipId", "Name", "ProviderId", "RecipientId") VALUES (1, 1, 'Educational psychology', 1, 2);
            INSERT INTO "Invoices" ("Id", "Kind", "PartnershipId", "ProviderId", "RecipientId", "PeriodFrom", "PeriodTo", "PeriodLabel", "PaymentTermsDays", "Credited", "Version")
              VALUES (22, 'Invoice', 1, 1, 2, '2013-11-01', '2013-11-30', 'November 2013', 30, 0, 0),
                     (23, 'Invoice', 1, 1, 2, '2013-10-01', '2013-10-31', 'October 2013', 30, 0, 0);
            INSERT INTO "InvoiceLines" ("Id", "InvoiceId", "TradedServiceId", "ServiceName", "Kind", "Explanation", "CoversFrom", "CoversTo", "Quantity", "Unit", "Rate", "Net", "Treatment", "VatPercent", "Vat")
              VALUES (31, 22, 1, 'Educational psychology', 'Quantity', '1 day × £450.00', '2013-11-01', '2013-11-30', 1, 'days', 45000, 45000, 'OutsideTheScope', 0, 0),
                     (32, 23, 1, 'Educational psychology', 'Quantity', '3 days × £450.00', '2013-10-01', '2013-10-31', 3, 'days', 45000, 135000, 'OutsideTheScope', 0, 0);
            UPDATE "Invoices" SET "Number" = 'TFC-2013/14-0002', "IssuedOn" = '2013-11-01', "DueOn" = '2013-12-01' WHERE "Id" = 23;
            """);

        await DatabaseStartup.MigrateAsync(fresh.Factory);

        var invoices = await db.Invoices.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        // The draft takes nothing: it shows the councils as they are until it is issued.
        Assert.Equal((22, null, null), (invoices[0].Id, invoices[0].ProviderAtIssue, invoices[0].RecipientAtIssue));
        var provider = invoices[1].ProviderAtIssue!;
        Assert.Equal(("Testford", "TFC", "Town Hall", "TF1 1AA", "GB999999973"),
            (provider.Name, provider.ShortCode, provider.Details.Address, provider.Details.Postcode, provider.Details.VatRegistration));
        Assert.Equal(("Testford Council", "123456", "01234567", "income@testford.example"),
            (provider.Details.BankAccountName, provider.Details.SortCode, provider.Details.AccountNumber, provider.Details.RemittanceEmail));
        var recipient = invoices[1].RecipientAtIssue!;
        // The recipient's remittance e-mail is its own business, not kept on the invoice.
        Assert.Equal(("Otherby", "OBC", "Otherby House", "OB2 3CD", null, null),
            (recipient.Name, recipient.ShortCode, recipient.Details.Address, recipient.Details.Postcode, recipient.Details.VatRegistration, recipient.Details.RemittanceEmail));
        // The trigger is back, guarding the new columns as well as the old.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "Invoices" SET "ProviderSortCode" = '654321' WHERE "Id" = 23"""));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "Invoices" SET "DueOn" = '2014-01-01' WHERE "Id" = 23"""));
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "Invoices" SET "DisputeReason" = 'Days not agreed' WHERE "Id" = 23"""));

        // Migrated back down, the issued invoice is still guarded as before (SQLite rebuilds the table to drop columns).
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_ActivityListsOnLines", StringComparison.Ordinal)));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "Invoices" SET "DueOn" = '2014-01-01' WHERE "Id" = 23"""));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "Invoices" WHERE "Id" = 23"""));
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "Invoices" SET "DisputeReason" = NULL WHERE "Id" = 23"""));
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
