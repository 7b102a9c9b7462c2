using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Activity;
using SharedServices.Core.Audit;
using SharedServices.Core.Calendar;
using SharedServices.Core.Charging;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Recharging;
using SharedServices.Core.Tests.Activity;
using SharedServices.Core.Tests.Activity.Import;
using SharedServices.Core.Tests.Database;
using SharedServices.Core.Tests.Recharging;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Tests.Audit;

using SharedServices.Domain.Money;

/// <summary>
/// Each kind of change leaves an entry saying who, what, and the values before and after; secrets never reach the
/// trail; and the database itself refuses to change or delete an entry.
/// </summary>
public abstract class AuditRecordingTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string Officer = "Jo Bloggs (jo@testford.gov.uk)";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2013, 12, 20)));

    /// <summary>Every entry after the seed's, oldest first, read as the system.</summary>
    private async Task<List<AuditEntry>> EntriesAfter(long id)
    {
        await using var db = Factory.CreateDbContext();
        return await db.AuditEntries.Where(e => e.Id > id).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<long> LastId()
    {
        await using var db = Factory.CreateDbContext();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private static Dictionary<string, string?> Values(string? json) => AuditJson.Read(json).ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public async Task SeedLoad_RecordsOneEntryPerFile_NotPerRow()
    {
        await using var db = Factory.CreateDbContext();
        var seed = await db.AuditEntries.Where(e => e.EntityType == AuditRecordNames.SeedData).OrderBy(e => e.EntityKey).ToListAsync();

        // organisations.json and the five partnership files in seed-data/partnerships: six entries; besides them, only
        // the four roles the start-up adds to an empty roles table (AccountSetup): ten in all.
        Assert.Equal(["organisations.json", "partnerships/01-scc-iwc-education-support.json", "partnerships/02-hcc-iwc-childrens-services.json",
            "partnerships/03-iwc-hcc-buy-back.json", "partnerships/04-halton-warrington-school-improvement-jv.json", "partnerships/05-halton-cwac-shared-service.json"],
            seed.Select(e => e.EntityKey));
        Assert.Equal(10, await db.AuditEntries.CountAsync());
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.EntityType == AuditRecordNames.Role && e.Action == AuditAction.Created));
        var halton = await db.Partnerships.SingleAsync(p => p.Code == "halton-cwac-shared-service");
        Assert.Equal(halton.Id, seed[5].PartnershipId);
        Assert.StartsWith("Seed data loaded from partnerships/05-halton-cwac-shared-service.json: partnership halton-cwac-shared-service", seed[5].Summary);
    }

    [Fact]
    public async Task PartnershipEdit_RecordsWhoAndTheNameBeforeAndAfter()
    {
        var before = await LastId();
        var p = (await Get<PartnershipDetails>().FindAsync("halton-cwac-shared-service"))!;
        var form = PartnershipForm.From(p);
        form.Name = "Halton and CWAC shared service";

        using (CallerContext.Use(Caller.System(Officer)))
            await Get<PartnershipEditor>().SaveAsync(form);

        var entry = Assert.Single(await EntriesAfter(before));
        Assert.Equal((Officer, AuditAction.Updated, AuditRecordNames.Partnership, p.Id.ToString(), p.Id),
            (entry.Who, entry.Action, entry.EntityType, entry.EntityKey, entry.PartnershipId));
        Assert.Equal("Halton Borough Council and Cheshire West and Chester Council: shared service for children and young people", Values(entry.BeforeJson)["Name"]);
        Assert.Equal("Halton and CWAC shared service", Values(entry.AfterJson)["Name"]);
        // The version moved on too, but that is bookkeeping, not something a person changed.
        Assert.DoesNotContain("Version", Values(entry.AfterJson).Keys);
        // The form saves the parties by replacing them with the same two: no change, so not listed.
        Assert.DoesNotContain(Values(entry.AfterJson).Keys.Concat(Values(entry.BeforeJson).Keys), k => k.StartsWith("Parties", StringComparison.Ordinal));
        Assert.Contains("changed: Name", entry.Summary);
    }

    [Fact]
    public async Task TermEdit_IsFoldedIntoThePartnershipsEntry()
    {
        var p = (await Get<PartnershipDetails>().FindAsync("halton-cwac-shared-service"))!;
        var before = await LastId();
        var form = TermForm.From(p);
        form.EndKind = TermEndKind.FixedDate;
        form.EndDate = new DateOnly(2014, 3, 31);

        await Get<PartnershipEditor>().SaveTermAsync(p.Id, form);

        var entry = Assert.Single(await EntriesAfter(before), e => e.EntityType == AuditRecordNames.Partnership);
        var (was, now) = (Values(entry.BeforeJson), Values(entry.AfterJson));
        // The seed's term has no stated end (endKind NotStated, endDate null); now it ends on 31 March 2014.
        Assert.Equal(("NotStated", "FixedDate"), (was["Term.EndKind"], now["Term.EndKind"]));
        Assert.Null(was.GetValueOrDefault("Term.EndDate"));
        Assert.Equal("31 March 2014", now["Term.EndDate"]);
        Assert.Equal(p.Id, entry.PartnershipId);
        // The start did not change, so it is not listed.
        Assert.DoesNotContain("Term.StartDate", now.Keys);
    }

    [Fact]
    public async Task HistoryEventAndDecision_EachHaveTheirOwnEntryUnderThePartnership()
    {
        var p = (await Get<PartnershipDetails>().FindAsync("halton-cwac-shared-service"))!;
        var before = await LastId();
        await Get<PartnershipEditor>().RecordEventAsync(p.Id, new HistoryForm { Kind = PartnershipEventKind.Variation, Date = new DateOnly(2012, 6, 1), Description = "Staffing schedule revised" });
        await Get<PartnershipEditor>().SaveDecisionAsync(p.Id, new DecisionForm
        {
            OrganisationId = p.Parties[0].OrganisationId, DecisionMaker = "Cabinet", DecisionDate = new DateOnly(2010, 11, 2), Resolved = "To join the shared service",
        });

        var entries = await EntriesAfter(before);
        var history = Assert.Single(entries, e => e.EntityType == AuditRecordNames.HistoryEvent);
        Assert.Equal((AuditAction.Created, p.Id), (history.Action, history.PartnershipId));
        Assert.Equal(("Variation", "1 June 2012"), (Values(history.AfterJson)["Kind"], Values(history.AfterJson)["Date"]));
        var decision = Assert.Single(entries, e => e.EntityType == AuditRecordNames.Decision);
        Assert.Equal((AuditAction.Created, p.Id), (decision.Action, decision.PartnershipId));
        Assert.Equal(("Cabinet", "2 November 2010"), (Values(decision.AfterJson)["DecisionMaker"], Values(decision.AfterJson)["DecisionDate"]));
        Assert.Null(decision.BeforeJson);
        // The entry's key is the new row's id, filled in after the save.
        await using var db = Factory.CreateDbContext();
        Assert.Equal((await db.DecisionRecords.SingleAsync(d => d.DecisionMaker == "Cabinet" && d.Resolved == "To join the shared service")).Id.ToString(), decision.EntityKey);
    }

    [Fact]
    public async Task ScheduleRate_ActivityAndImport_AreRecordedUnderTheirPartnership()
    {
        var p = await TestPartnership.AddAsync(Factory);
        var before = await LastId();
        await p.AddRateAsync(Factory, new DateOnly(2013, 4, 1), new DateOnly(2013, 3, 1), 500_00);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");

        var entries = await EntriesAfter(before);
        var schedule = Assert.Single(entries, e => e.EntityType == AuditRecordNames.ChargeSchedule);
        Assert.Equal((AuditAction.Updated, p.PartnershipId), (schedule.Action, schedule.PartnershipId));
        // The new rate version is a part of the schedule: "Versions #id.Basis.Rate" = £500.00 a day.
        Assert.Contains(Values(schedule.AfterJson), v => v.Key.StartsWith("Versions #", StringComparison.Ordinal) && v.Key.EndsWith(".Basis.Rate", StringComparison.Ordinal) && v.Value == "£500.00");
        var activity = Assert.Single(entries, e => e.EntityType == AuditRecordNames.Activity);
        Assert.Equal((AuditAction.Created, p.PartnershipId), (activity.Action, activity.PartnershipId));
        Assert.Equal(("3 October 2013", "2", "EP-1"), (Values(activity.AfterJson)["Details.From"], Values(activity.AfterJson)["Details.Quantity"], Values(activity.AfterJson)["Details.Reference"]));

        var (code, psychology, director) = await ActivityTestServices.AddAsync(Factory, Get<ChargeSchedules>());
        var beforeImport = await LastId();
        var outcome = await Get<ActivityImporter>().ImportAsync(code, new MemoryStream(Encoding.UTF8.GetBytes(ImportFiles.Header + "\n" +
            $"{ActivityTestServices.Psychology},03/04/2013,1,days,,Assessment,EP-A\n{ActivityTestServices.Psychology},04/04/2013,2,days,,Assessment,EP-B\n")),
            "april.csv", Officer);
        Assert.True(outcome.Saved);
        var imported = await EntriesAfter(beforeImport);
        var rows = Assert.Single(imported, e => e.EntityType == AuditRecordNames.Activity);
        Assert.Equal(("2 activity records imported from april.csv", "2"), (rows.Summary, Values(rows.AfterJson)["Rows"]));
        Assert.Single(imported, e => e.EntityType == AuditRecordNames.ActivityImport && e.Action == AuditAction.Created);
        Assert.All(imported, e => Assert.Equal(outcome.Import!.PartnershipId, e.PartnershipId));
        Assert.NotEqual(0, psychology + director);

        // Undoing the import deletes its two rows in bulk: its own entry, and the import marked undone.
        var beforeUndo = await LastId();
        await Get<ActivityImports>().UndoAsync(outcome.Import!.Id, Officer);
        var undone = await EntriesAfter(beforeUndo);
        var removed = Assert.Single(undone, e => e.EntityType == AuditRecordNames.Activity);
        Assert.Equal((AuditAction.Deleted, "2 activity records imported from april.csv removed: the import was undone"), (removed.Action, removed.Summary));
        var import = Assert.Single(undone, e => e.EntityType == AuditRecordNames.ActivityImport);
        Assert.Equal((AuditAction.Updated, Officer), (import.Action, Values(import.AfterJson)["UndoneBy"]));
    }

    [Fact]
    public async Task RechargeIssuePaymentAndCreditNote_EachLeaveTheirEntries()
    {
        var p = await TestPartnership.AddAsync(Factory);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        var before = await LastId();

        var outcome = await Get<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, p.PartnershipId, "Officer");
        var afterRun = await EntriesAfter(before);
        // The run (started, then finished) and the draft: October, 2 days × £450.00 = £900.00 on one line.
        Assert.Equal([AuditAction.Created, AuditAction.Updated], afterRun.Where(e => e.EntityType == AuditRecordNames.RechargeRun).Select(e => e.Action));
        var draft = Assert.Single(afterRun, e => e.EntityType == AuditRecordNames.Invoice);
        Assert.Equal((AuditAction.Created, p.PartnershipId), (draft.Action, draft.PartnershipId));
        Assert.Contains(Values(draft.AfterJson), v => v.Key.StartsWith("Lines #", StringComparison.Ordinal) && v.Key.EndsWith(".Net", StringComparison.Ordinal) && v.Value == "£900.00");

        var invoiceId = int.Parse(draft.EntityKey);
        var beforeIssue = await LastId();
        await Get<InvoiceIssuer>().IssueAsync([invoiceId], new DateOnly(2013, 11, 1));
        var issued = await EntriesAfter(beforeIssue);
        var invoice = Assert.Single(issued, e => e.EntityType == AuditRecordNames.Invoice);
        Assert.Equal((null, "TFC-2013/14-0001"), (Values(invoice.BeforeJson)["Number"], Values(invoice.AfterJson)["Number"]));
        Assert.Equal("1 November 2013", Values(invoice.AfterJson)["IssuedOn"]);
        var billed = Assert.Single(issued, e => e.EntityType == AuditRecordNames.Activity);
        Assert.Equal("1 activity record marked billed on TFC-2013/14-0001", billed.Summary);

        var version = (await Get<Receivables>().ListAsync(new InvoiceFilter())).Single(s => s.Id == invoiceId).Version;
        var beforePayment = await LastId();
        await Get<InvoiceAccounts>().RecordPaymentAsync(invoiceId, new Payment(new DateOnly(2013, 11, 20), new Money(400_00), "BACS 1182"), version);
        var payment = Assert.Single(await EntriesAfter(beforePayment));
        Assert.Equal((AuditRecordNames.Payment, AuditAction.Updated, invoiceId.ToString(), p.PartnershipId), (payment.EntityType, payment.Action, payment.EntityKey, payment.PartnershipId));
        Assert.Contains(Values(payment.AfterJson), v => v.Key.EndsWith(".Amount", StringComparison.Ordinal) && v.Value == "£400.00");
        Assert.Contains(Values(payment.AfterJson), v => v.Key.EndsWith(".Reference", StringComparison.Ordinal) && v.Value == "BACS 1182");

        var beforeCredit = await LastId();
        int lineId;
        await using (var db = Factory.CreateDbContext())
            lineId = await db.InvoiceLines.Where(l => EF.Property<int>(l, "InvoiceId") == invoiceId).Select(l => l.Id).SingleAsync();
        var creditId = await Get<InvoiceAccounts>().DraftCreditNoteAsync(invoiceId, new CreditNoteRequest("Days charged twice", lineId, new Money(100_00)));
        await Get<InvoiceIssuer>().IssueAsync([creditId], new DateOnly(2013, 11, 21));
        var credit = await EntriesAfter(beforeCredit);
        Assert.Equal([AuditAction.Created, AuditAction.Updated],
            credit.Where(e => e.EntityType == AuditRecordNames.CreditNote && e.EntityKey == creditId.ToString()).Select(e => e.Action));
        Assert.Equal("TFC-CN-2013/14-0001", Values(credit.Last(e => e.EntityType == AuditRecordNames.CreditNote).AfterJson)["Number"]);
        // The corrected invoice's credited total moved from nothing to £100.00 (net, outside the scope of VAT).
        var corrected = Assert.Single(credit, e => e.EntityType == AuditRecordNames.Invoice && e.EntityKey == invoiceId.ToString());
        Assert.Equal(("£0.00", "£100.00"), (Values(corrected.BeforeJson)["Credited"], Values(corrected.AfterJson)["Credited"]));
        Assert.Equal(outcome.RunId.ToString(), afterRun.First(e => e.EntityType == AuditRecordNames.RechargeRun).EntityKey);
    }

    [Fact]
    public async Task ReRun_RecordsEachReplacedDraft()
    {
        var p = await TestPartnership.AddAsync(Factory);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await Get<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, p.PartnershipId, "Officer");
        int draftId;
        await using (var db = Factory.CreateDbContext())
            draftId = await db.Invoices.Where(i => i.PartnershipId == p.PartnershipId).Select(i => i.Id).SingleAsync();
        var before = await LastId();

        var second = await Get<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, p.PartnershipId, "Officer");

        var deleted = Assert.Single(await EntriesAfter(before), e => e.Action == AuditAction.Deleted);
        Assert.Equal((AuditRecordNames.Invoice, draftId.ToString(), p.PartnershipId), (deleted.EntityType, deleted.EntityKey, deleted.PartnershipId));
        Assert.Equal($"Draft for October 2013 (#{draftId}) deleted: replaced by recharge run #{second.RunId}", deleted.Summary);
    }

    [Fact]
    public async Task UserAccount_IsRecordedUnderItsOrganisation_WithSecretsMasked()
    {
        int organisationId;
        await using (var db = Factory.CreateDbContext())
            organisationId = await db.Organisations.Where(o => o.ShortCode == "IWC").Select(o => o.Id).SingleAsync();
        var before = await LastId();
        var user = new UserAccount
        {
            UserName = "jane@iow.gov.uk", Email = "jane@iow.gov.uk", DisplayName = "Jane Smith", OrganisationId = organisationId,
            PasswordHash = "AQAAAAIAAYagAAAAEsecrethash", SecurityStamp = "STAMP-ONE-SECRET", ConcurrencyStamp = "CONCURRENCY-ONE",
            CalendarFeedTokenHash = "feedhash0123456789",
        };
        await using (var db = Factory.CreateDbContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        await using (var db = Factory.CreateDbContext())
        {
            var saved = await db.Users.SingleAsync(u => u.Id == user.Id);
            saved.PasswordHash = "AQAAAAIAAYagAAAAEnewsecret";
            saved.SecurityStamp = "STAMP-TWO-SECRET";
            saved.DisplayName = "Jane Smith-Jones";
            await db.SaveChangesAsync();
        }

        var entries = await EntriesAfter(before);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((AuditRecordNames.User, user.Id, organisationId, (int?)null), (e.EntityType, e.EntityKey, e.OrganisationId, e.PartnershipId)));
        var created = Values(entries[0].AfterJson);
        Assert.Equal(("jane@iow.gov.uk", "(set)", "(set)", "(set)"), (created["Email"], created["PasswordHash"], created["SecurityStamp"], created["CalendarFeedTokenHash"]));
        var (was, now) = (Values(entries[1].BeforeJson), Values(entries[1].AfterJson));
        Assert.Equal(("(changed)", "(changed)"), (was["PasswordHash"], now["PasswordHash"]));
        Assert.Equal(("Jane Smith", "Jane Smith-Jones"), (was["DisplayName"], now["DisplayName"]));
        var everything = string.Join("\n", entries.SelectMany(e => new[] { e.BeforeJson, e.AfterJson, e.Summary }));
        foreach (var secret in new[] { "secrethash", "newsecret", "STAMP-ONE", "STAMP-TWO", "CONCURRENCY-ONE", "feedhash" })
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BankHolidayAndVatRate_AreReferenceDataEntries()
    {
        var holidays = Get<BankHolidayReference>();
        await holidays.EnsureYearsAsync(2026, 2027);
        var generated = await EntriesAfter(0);
        // Two years by rule, eight days each: one entry, not sixteen.
        var rule = Assert.Single(generated, e => e.EntityType == AuditRecordNames.BankHoliday);
        Assert.Equal("Bank holidays generated by rule for 2026–2027: 16 days", rule.Summary);

        var before = await LastId();
        // 25 December 2026 is a Friday: renamed, then a new day added on Monday 21 December 2026, then that removed.
        await holidays.SaveAsync(new DateOnly(2026, 12, 25), "Christmas");
        await holidays.SaveAsync(new DateOnly(2026, 12, 21), "Extra day");
        await holidays.RemoveAsync(new DateOnly(2026, 12, 21));
        await Get<StandardVatRateReference>().AddAsync(new DateOnly(2030, 1, 1), 22.5m);

        var entries = await EntriesAfter(before);
        Assert.Equal([(AuditAction.Updated, "2026-12-25"), (AuditAction.Created, "2026-12-21"), (AuditAction.Deleted, "2026-12-21")],
            entries.Where(e => e.EntityType == AuditRecordNames.BankHoliday).Select(e => (e.Action, e.EntityKey)));
        Assert.Equal(("Christmas Day", "Christmas"), (Values(entries[0].BeforeJson)["Name"], Values(entries[0].AfterJson)["Name"]));
        Assert.Equal("Extra day", Values(entries[2].BeforeJson)["Name"]);
        // The UK's four seeded rates have ids 1 to 4, so the new one is 5.
        var vat = Assert.Single(entries, e => e.EntityType == AuditRecordNames.VatRate && e.Action == AuditAction.Created);
        Assert.Equal("5", vat.EntityKey);
        Assert.Equal(("1 January 2030", "22.5"), (Values(vat.AfterJson)["From"], Values(vat.AfterJson)["Percent"]));
        // The 20% rate from 4 January 2011 now ends the day before the new one.
        var ended = Assert.Single(entries, e => e.EntityType == AuditRecordNames.VatRate && e.Action == AuditAction.Updated);
        Assert.Equal("4", ended.EntityKey);
        Assert.Equal((null, "31 December 2029"), (Values(ended.BeforeJson)["To"], Values(ended.AfterJson)["To"]));
        Assert.All(entries, e => Assert.Equal((null, null), (e.PartnershipId, e.OrganisationId)));
    }

    [Fact]
    public async Task ChangingOrDeletingAnEntry_IsRefusedByTheDatabase()
    {
        await using var db = Factory.CreateDbContext();
        var id = await db.AuditEntries.MinAsync(e => e.Id);

        var update = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Summary\" = 'tampered' WHERE \"Id\" = {id}"));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {id}"));
        var bulk = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());

        Assert.All(new[] { update, delete, bulk }, e => Assert.Contains("append-only", e.Message, StringComparison.Ordinal));
        await using var check = Factory.CreateDbContext();
        Assert.Equal(10, await check.AuditEntries.CountAsync()); // the seed's six and the four roles, untouched
        Assert.DoesNotContain(await check.AuditEntries.Select(e => e.Summary).ToListAsync(), s => s == "tampered");
    }
}

public sealed class AuditRecordingTests_Sqlite : AuditRecordingTests<SqliteTestDatabase>;

public sealed class AuditRecordingTests_Postgres : AuditRecordingTests<PostgresTestDatabase>;
