using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Recharging;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Tests.Recharging;

using SharedServices.Domain.Money;

public abstract class RechargeRunsTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly RechargePeriod October2013 = RechargePeriod.Month(2013, 10);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2013, 11, 20)));

    private RechargeRuns Runs => Get<RechargeRuns>();
    private InvoiceIssuer Issuer => Get<InvoiceIssuer>();

    private Task<RechargeOutcome> Run(TestPartnership p, RechargePeriod period) =>
        Runs.RunAsync(period, RechargeScope.Partnership, p.PartnershipId, "Officer");

    private async Task<List<Invoice>> InvoicesOf(TestPartnership p)
    {
        await using var db = Factory.CreateDbContext();
        return await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.PartnershipId == p.PartnershipId).OrderBy(i => i.Id).ToListAsync();
    }

    [Fact]
    public async Task Run_DraftsOneInvoiceForTheProviderAndRecipient_WithLinesThatExplainThemselves()
    {
        var p = await TestPartnership.AddAsync(Factory);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 10), 1.5m, "EP-2");
        await p.DaysAsync(Factory, new DateOnly(2013, 11, 4), 1m, "EP-3");

        var outcome = await Run(p, October2013);

        // 2 + 1.5 = 3.5 days × £450.00 = £1,575.00, outside the scope of VAT.
        var draft = Assert.Single(await InvoicesOf(p));
        Assert.Equal((1, 1, new Money(1_575_00)), (outcome.Drafts, outcome.Lines, outcome.Total));
        Assert.Empty(outcome.Problems);
        Assert.Equal((null, InvoiceStatus.Draft, p.ProviderId, p.RecipientId), (draft.Number, draft.Status, draft.ProviderId, draft.RecipientId));
        Assert.Equal(("October 2013", "PO-4471", 30), (draft.PeriodLabel, draft.PurchaseOrder, draft.PaymentTermsDays));
        var line = Assert.Single(draft.Lines);
        Assert.Equal("3.5 days × £450.00 (rate from 1 April 2012)", line.Explanation);
        Assert.Equal((new Money(1_575_00), Money.Zero, new Money(1_575_00)), (line.Net, line.Vat, line.Gross));
        Assert.Equal(2, line.ActivityIds.Count);
    }

    [Fact]
    public async Task Rerun_ReplacesOnlyTheDrafts()
    {
        var p = await TestPartnership.AddAsync(Factory);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await Run(p, October2013);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 17), 1m, "EP-2");

        await Run(p, October2013);

        // One draft, now with 3 days × £450.00 = £1,350.00.
        var draft = Assert.Single(await InvoicesOf(p));
        Assert.Equal(new Money(1_350_00), draft.Net);
    }

    [Fact]
    public async Task Issue_NumbersWithoutGaps_LocksTheActivity_AndNothingIsBilledTwice()
    {
        var p = await TestPartnership.AddAsync(Factory);
        var october = await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await p.DaysAsync(Factory, new DateOnly(2013, 11, 4), 1m, "EP-2");
        await Run(p, October2013);
        var first = await Issuer.IssueAsync([(await InvoicesOf(p)).Single().Id], new DateOnly(2013, 11, 1));
        await Run(p, RechargePeriod.Month(2013, 11));
        var second = await Issuer.IssueAsync([(await InvoicesOf(p)).Single(i => i.Number == null).Id], new DateOnly(2013, 12, 2));

        var again = await Run(p, October2013);

        Assert.Equal(["TFC-2013/14-0001"], first);
        Assert.Equal(["TFC-2013/14-0002"], second);
        Assert.Equal(0, again.Drafts);
        Assert.Equal(2, (await InvoicesOf(p)).Count);
        await using var db = Factory.CreateDbContext();
        var issued = (await InvoicesOf(p))[0];
        var billed = await db.ActivityEntries.SingleAsync(e => e.Id == october);
        Assert.Equal(("TFC-2013/14-0001", issued.Lines.Single().Id), (billed.BilledOnInvoice, billed.BilledOnLineId));
        Assert.Equal((new DateOnly(2013, 11, 1), new DateOnly(2013, 12, 1), InvoiceStatus.Issued), (issued.IssuedOn, issued.DueOn, issued.Status));
    }

    [Fact]
    public async Task Issue_RefusesADraftWhoseActivityWasCorrectedSinceItWasDrafted_AndUsesNoNumber()
    {
        var p = await TestPartnership.AddAsync(Factory);
        var corrected = await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 10), 1m, "EP-2");
        await Run(p, October2013);
        await using (var db = Factory.CreateDbContext())
        {
            var entry = await db.ActivityEntries.SingleAsync(e => e.Id == corrected);
            entry.Correct(new Domain.Activity.ActivityDetails(new DateOnly(2013, 10, 3), new DateOnly(2013, 10, 3), 2.5m, "days", null, null, "EP-1"),
                "Officer", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await Issuer.IssueAsync([(await InvoicesOf(p)).Single().Id], new DateOnly(2013, 11, 1)));

        Assert.Contains("corrected or deleted since the recharge drafted it", refused.Message);
        Assert.Null((await InvoicesOf(p)).Single().Number);
        await using (var db = Factory.CreateDbContext())
            Assert.Equal(0, await db.ActivityEntries.CountAsync(e => e.TradedServiceId == p.ServiceId && e.BilledOnInvoice != null));
        // Redrafted and issued: (2.5 + 1) days × £450.00 = £1,575.00, under the first number, since the refusal used none.
        await Run(p, October2013);
        var redraft = (await InvoicesOf(p)).Single();
        Assert.Equal(["TFC-2013/14-0001"], await Issuer.IssueAsync([redraft.Id], new DateOnly(2013, 11, 1)));
        Assert.Equal(new Money(1_575_00), redraft.Net);
    }

    [Fact]
    public async Task Issue_RefusesADraftWhoseActivityWasDeletedSinceItWasDrafted()
    {
        var p = await TestPartnership.AddAsync(Factory);
        var deleted = await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 10), 1m, "EP-2");
        await Run(p, October2013);
        await using (var db = Factory.CreateDbContext())
            await db.ActivityEntries.Where(e => e.Id == deleted).ExecuteDeleteAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await Issuer.IssueAsync([(await InvoicesOf(p)).Single().Id], new DateOnly(2013, 11, 1)));

        Assert.Contains("Nothing was issued", refused.Message);
        Assert.Null((await InvoicesOf(p)).Single().Number);
    }

    [Fact]
    public async Task QuarterRun_LeavesActivityAlreadyOnAMonthsDraftToThatDraft()
    {
        var p = await TestPartnership.AddAsync(Factory);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await p.DaysAsync(Factory, new DateOnly(2013, 11, 4), 1m, "EP-2");
        await p.DaysAsync(Factory, new DateOnly(2013, 12, 2), 0.5m, "EP-3");
        await Run(p, October2013);

        await Run(p, RechargePeriod.Parse("2013/14-Q3"));

        // October's 2 days stay on October's draft (£900.00); the quarter bills November and December: 1.5 days × £450.00 = £675.00.
        var drafts = await InvoicesOf(p);
        Assert.Equal([("October 2013", new Money(900_00)), (RechargePeriod.Parse("2013/14-Q3").Label, new Money(675_00))],
            drafts.Select(d => (d.PeriodLabel, d.Net)));
    }

    [Fact]
    public async Task OverlappingScopesRunAtOnce_DraftThePartnershipOnce()
    {
        var p = await TestPartnership.AddAsync(Factory);
        for (var day = 1; day <= 10; day++) await p.DaysAsync(Factory, new DateOnly(2013, 10, day), 1m, $"EP-{day}");

        // A run for the partnership and a run for its provider hold different locks but would draft the same invoice.
        var runs = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await (i % 2 == 0 ? Run(p, October2013) : Runs.RunAsync(October2013, RechargeScope.Provider, p.ProviderId, "Officer"));
                return "drafted";
            }
            catch (DomainException) { return "refused"; }
        })).ToList();
        var results = await Task.WhenAll(runs);

        Assert.Contains("drafted", results);
        // 10 days × £450.00 = £4,500.00, drafted once.
        var draft = Assert.Single(await InvoicesOf(p));
        Assert.Equal(new Money(4_500_00), draft.Net);
    }

    [Fact]
    public async Task PartnershipTerminated_NothingIsBilledAfterItsLastDay()
    {
        var p = await TestPartnership.AddAsync(Factory);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 21), 1m, "EP-2");
        await p.DaysAsync(Factory, new DateOnly(2013, 11, 4), 1m, "EP-3");
        await using (var db = Factory.CreateDbContext())
        {
            var partnership = await db.Partnerships.Include(x => x.Events).SingleAsync(x => x.Id == p.PartnershipId);
            partnership.Terminate(new DateOnly(2013, 10, 15), "Ended by agreement", null);
            await db.SaveChangesAsync();
        }

        var october = await Run(p, October2013);
        var november = await Run(p, RechargePeriod.Month(2013, 11));

        // Only the 2 days of 3 October fall on or before the last day, 15 October: 2 × £450.00 = £900.00. The days of
        // 21 October and 4 November came after the partnership ended, so nothing is drafted for them.
        Assert.Equal((1, new Money(900_00)), (october.Drafts, october.Total));
        Assert.Equal(0, november.Drafts);
        Assert.Equal("Testford and Otherby testford-otherby, Educational psychology: 1 activity record is dated after the service ended on 15 October 2013, so not billed; correct or delete them.",
            Assert.Single(october.Problems));
    }

    [Fact]
    public async Task ThirtyTwoRunsAtOnce_MakeOneSetOfDrafts()
    {
        var p = await TestPartnership.AddAsync(Factory);
        for (var day = 1; day <= 20; day++) await p.DaysAsync(Factory, new DateOnly(2013, 10, day), 1m, $"EP-{day}");

        var runs = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            try { await Run(p, October2013); return "drafted"; }
            catch (DomainException) { return "refused"; }
        })).ToList();
        var results = await Task.WhenAll(runs);

        Assert.Contains("drafted", results);
        var draft = Assert.Single(await InvoicesOf(p));
        // 20 days × £450.00 = £9,000.00, billed once.
        Assert.Equal(new Money(9_000_00), draft.Net);
        await using var db = Factory.CreateDbContext();
        Assert.Equal(0, await db.RechargeRuns.CountAsync(r => r.LockKey != null));
    }

    [Fact]
    public async Task IssuingAtOnce_GivesEachInvoiceItsOwnNumberWithNoGaps()
    {
        var p = await TestPartnership.AddAsync(Factory);
        for (var month = 4; month <= 12; month++)
        {
            await p.DaysAsync(Factory, new DateOnly(2013, month, 2), 1m, $"EP-{month}");
            await Run(p, RechargePeriod.Month(2013, month));
        }
        var drafts = (await InvoicesOf(p)).Select(i => i.Id).ToList();

        var numbers = await Task.WhenAll(drafts.Select(id => Task.Run(async () => await IssueWithRetry(id))));

        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"TFC-2013/14-{n:0000}"), numbers.SelectMany(n => n).Order());
    }

    // SQLite lets one writer in at a time and the others wait; PostgreSQL makes the others wait on the sequence row.
    // Either way each issue either lands with the next number or, if its snapshot was overtaken, is refused whole.
    private async Task<IReadOnlyList<string>> IssueWithRetry(int id)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await Issuer.IssueAsync([id], new DateOnly(2014, 1, 6)); }
            catch (Exception) when (attempt < 20) { await Task.Delay(20); }
        }
    }

    [Fact]
    public async Task IssuedInvoice_RefusesChangesSentAsRawSql()
    {
        var p = await TestPartnership.AddAsync(Factory);
        var activity = await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await p.DaysAsync(Factory, new DateOnly(2013, 11, 4), 1m, "EP-2");
        await Run(p, October2013);
        var invoice = (await InvoicesOf(p)).Single();
        await Issuer.IssueAsync([invoice.Id], new DateOnly(2013, 11, 1));
        var line = invoice.Lines.Single().Id;
        await using var db = Factory.CreateDbContext();

        string[] refused =
        [
            $"UPDATE \"InvoiceLines\" SET \"Net\" = 1 WHERE \"Id\" = {line}",
            $"DELETE FROM \"InvoiceLines\" WHERE \"Id\" = {line}",
            $"UPDATE \"Invoices\" SET \"DueOn\" = '2014-01-01' WHERE \"Id\" = {invoice.Id}",
            $"UPDATE \"Invoices\" SET \"Number\" = 'TFC-2013/14-0099' WHERE \"Id\" = {invoice.Id}",
            $"DELETE FROM \"Invoices\" WHERE \"Id\" = {invoice.Id}",
            $"UPDATE \"InvoiceLines\" SET \"ActivityRevisions\" = 7 WHERE \"Id\" = {line}",
            $"UPDATE \"ActivityEntries\" SET \"BilledOnLineId\" = NULL WHERE \"Id\" = {activity}",
            $"UPDATE \"ActivityEntries\" SET \"BilledOnInvoice\" = NULL WHERE \"Id\" = {activity}",
            $"UPDATE \"ActivityEntries\" SET \"Quantity\" = 9 WHERE \"Id\" = {activity}",
            $"DELETE FROM \"ActivityEntries\" WHERE \"Id\" = {activity}",
            // The parties as issued are part of the invoice too.
            $"UPDATE \"Invoices\" SET \"ProviderName\" = 'Someone Else' WHERE \"Id\" = {invoice.Id}",
            $"UPDATE \"Invoices\" SET \"ProviderAddress\" = 'Elsewhere', \"ProviderPostcode\" = 'TF9 9ZZ' WHERE \"Id\" = {invoice.Id}",
            $"UPDATE \"Invoices\" SET \"ProviderSortCode\" = '654321' WHERE \"Id\" = {invoice.Id}",
            $"UPDATE \"Invoices\" SET \"ProviderAccountNumber\" = '00000001' WHERE \"Id\" = {invoice.Id}",
            $"UPDATE \"Invoices\" SET \"ProviderRemittanceEmail\" = 'x@example.org' WHERE \"Id\" = {invoice.Id}",
            $"UPDATE \"Invoices\" SET \"RecipientVatRegistration\" = 'GB999999973' WHERE \"Id\" = {invoice.Id}",
            $"UPDATE \"Invoices\" SET \"RecipientName\" = NULL WHERE \"Id\" = {invoice.Id}",
        ];
        foreach (var sql in refused)
        {
            var ex = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.True(ex is not null, $"The database let this through: {sql}");
            Assert.Contains("cannot be", ex.Message);
        }

        // A dispute is not a change to what was invoiced.
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"Invoices\" SET \"DisputeReason\" = 'Days not agreed' WHERE \"Id\" = {invoice.Id}"));
        var after = (await InvoicesOf(p)).Single();
        Assert.Equal((new Money(900_00), new DateOnly(2013, 12, 1), "TFC-2013/14-0001"), (after.Net, after.DueOn, after.Number));
    }

    [Fact]
    public async Task CappedYear_AfterABackdatedFallIsCredited_NextMonthBillsUpToTheCap()
    {
        var p = await TestPartnership.AddAsync(Factory);
        // From 1 March 2013: £450.00 a day, capped at £10,000.00 a financial year.
        await p.AddRateAsync(Factory, new DateOnly(2013, 3, 1), new DateOnly(2013, 3, 1), 450_00, capPence: 10_000_00);
        foreach (var month in new[] { 4, 5 })
        {
            await p.DaysAsync(Factory, new DateOnly(2013, month, 6), 10m, $"EP-{month}");
            await Run(p, RechargePeriod.Month(2013, month));
            await Issuer.IssueAsync([(await InvoicesOf(p)).Single(i => i.Number == null).Id], new DateOnly(2013, month + 1, 1));
        }
        // April and May: 10 days × £450.00 = £4,500.00 each, £9,000.00 charged. Entered on 20 June, backdated to
        // 1 April: £400.00 a day, same cap.
        await p.AddRateAsync(Factory, new DateOnly(2013, 4, 1), new DateOnly(2013, 6, 20), 400_00, capPence: 10_000_00);
        await Run(p, RechargePeriod.Month(2013, 6));
        // The fall: 20 days × £50.00 = £1,000.00 credited (under the new rate the year is £8,000.00, below the cap).
        var credit = Assert.Single(await InvoicesOf(p), i => i.Number == null);
        Assert.Equal((InvoiceKind.CreditNote, new Money(1_000_00)), (credit.Kind, credit.Net));
        await Issuer.IssueAsync([credit.Id], new DateOnly(2013, 7, 1));

        await p.DaysAsync(Factory, new DateOnly(2013, 7, 8), 6m, "EP-7");
        var july = await Run(p, RechargePeriod.Month(2013, 7));

        // Really charged so far: £9,000.00 − £1,000.00 = £8,000.00, so £10,000.00 − £8,000.00 = £2,000.00 of room.
        // July: 6 days × £400.00 = £2,400.00, cut to £2,000.00 by the cap. (Leaving the credit out would leave only
        // £1,000.00 of room and under-bill by £1,000.00.)
        var draft = Assert.Single(await InvoicesOf(p), i => i.Number == null);
        var line = Assert.Single(draft.Lines);
        Assert.Equal((new Money(2_000_00), new Money(2_000_00)), (line.Net, july.Total));
        Assert.Contains("reduced from £2,400.00 by the cap of £10,000.00 a year", line.Explanation);
    }

    [Fact]
    public async Task BackdatedPayAward_AfterFourMonthsWereIssued_ProposesOneSupplementaryInvoice()
    {
        var p = await TestPartnership.AddAsync(Factory);
        (int Month, decimal Days)[] months = [(4, 10m), (5, 9m), (6, 11m), (7, 8m)];
        foreach (var (month, days) in months)
        {
            await p.DaysAsync(Factory, new DateOnly(2013, month, 5), days, $"EP-{month}");
            await Run(p, RechargePeriod.Month(2013, month));
            await Issuer.IssueAsync([(await InvoicesOf(p)).Single(i => i.Number == null).Id], new DateOnly(2013, month + 1, 1));
        }
        // Agreed on 20 November 2013, backdated to 1 April 2013: £462.00 a day.
        await p.AddRateAsync(Factory, new DateOnly(2013, 4, 1), new DateOnly(2013, 11, 20), 462_00);

        var outcome = await Run(p, RechargePeriod.Month(2013, 11));

        // 10 + 9 + 11 + 8 = 38 days × £12.00 = £456.00.
        var supplementary = Assert.Single(await InvoicesOf(p), i => i.Number == null);
        Assert.Equal(InvoiceKind.Supplementary, supplementary.Kind);
        var line = Assert.Single(supplementary.Lines);
        Assert.Equal(new Money(456_00), line.Net);
        Assert.Equal("Rate backdated to 1 April 2013 (entered 20 November 2013): 38 days × £12.00 difference, invoices TFC-2013/14-0001 to TFC-2013/14-0004", line.Explanation);
        Assert.Equal(4, line.Corrects.Count);
        Assert.Equal(new Money(456_00), outcome.Total);

        await Issuer.IssueAsync([supplementary.Id], new DateOnly(2013, 12, 2));
        var rerun = await Run(p, RechargePeriod.Month(2013, 11));
        Assert.Equal(0, rerun.Drafts);
    }
}

public sealed class RechargeRunsTests_Sqlite : RechargeRunsTests<SqliteTestDatabase>;

public sealed class RechargeRunsTests_Postgres : RechargeRunsTests<PostgresTestDatabase>;
