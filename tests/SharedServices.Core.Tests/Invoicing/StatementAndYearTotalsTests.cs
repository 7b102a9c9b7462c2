using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Recharging;
using SharedServices.Core.Tests.Database;
using SharedServices.Core.Tests.Recharging;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Tests.Invoicing;

using SharedServices.Domain.Money;

/// <summary>
/// Testford (TFC) billing Otherby (OBC) at £450.00 a day, outside the scope of VAT:
/// March 2013, 1 day (£450.00), issued 2 April 2013 as TFC-2012/13-…; September 2013, 1 day (£450.00), issued
/// 1 October 2013; October 2013, 2 days (£900.00), issued 1 November 2013. September is paid in full on 20 October;
/// October is credited £225.00 on 8 November and part-paid £300.00 on 20 November.
/// </summary>
public abstract class StatementAndYearTotalsTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2013, 12, 20)));

    private Receivables Receivables => Get<Receivables>();

    private async Task<(TestPartnership P, Dictionary<string, string> Numbers)> HistoryAsync()
    {
        var p = await TestPartnership.AddAsync(Factory);
        var numbers = new Dictionary<string, string>();
        async Task<int> BillAsync(string name, RechargePeriod period, DateOnly day, decimal days, DateOnly issuedOn)
        {
            await p.DaysAsync(Factory, day, days, name);
            await Get<RechargeRuns>().RunAsync(period, RechargeScope.Partnership, p.PartnershipId, "Officer");
            await using var db = Factory.CreateDbContext();
            var id = await db.Invoices.Where(i => i.PartnershipId == p.PartnershipId && i.Number == null).Select(i => i.Id).SingleAsync();
            numbers[name] = Assert.Single(await Get<InvoiceIssuer>().IssueAsync([id], issuedOn));
            return id;
        }

        await BillAsync("March", RechargePeriod.Month(2013, 3), new DateOnly(2013, 3, 5), 1m, new DateOnly(2013, 4, 2));
        var september = await BillAsync("September", RechargePeriod.Month(2013, 9), new DateOnly(2013, 9, 5), 1m, new DateOnly(2013, 10, 1));
        var october = await BillAsync("October", RechargePeriod.Month(2013, 10), new DateOnly(2013, 10, 3), 2m, new DateOnly(2013, 11, 1));
        var accounts = Get<InvoiceAccounts>();
        await accounts.RecordPaymentAsync(september, new Payment(new DateOnly(2013, 10, 20), new Money(450_00), "BACS 1020"), await VersionAsync(september));
        int lineId;
        await using (var db = Factory.CreateDbContext())
            lineId = await db.InvoiceLines.Where(l => EF.Property<int>(l, "InvoiceId") == october).Select(l => l.Id).SingleAsync();
        var credit = await accounts.DraftCreditNoteAsync(october, new CreditNoteRequest("Half a day not worked", lineId, new Money(225_00)));
        numbers["Credit"] = Assert.Single(await Get<InvoiceIssuer>().IssueAsync([credit], new DateOnly(2013, 11, 8)));
        await accounts.RecordPaymentAsync(october, new Payment(new DateOnly(2013, 11, 20), new Money(300_00), "BACS 1120"), await VersionAsync(october));
        return (p, numbers);
    }

    private async Task<int> VersionAsync(int id) => (await Receivables.ListAsync(new InvoiceFilter())).Single(s => s.Id == id).Version;

    [Fact]
    public async Task Statement_November_OpeningBalanceCreditNoteAndPartPayment()
    {
        var (p, n) = await HistoryAsync();

        var statement = await Receivables.StatementAsync(p.ProviderId, p.RecipientId, new DateOnly(2013, 11, 1), new DateOnly(2013, 11, 30));

        // Brought forward: March £450.00 unpaid; September £450.00 paid £450.00: £450.00.
        Assert.Equal(new Money(450_00), statement.OpeningBalance);
        Assert.Equal(
            [
                (new DateOnly(2013, 11, 1), StatementEntryKind.Invoice, n["October"], new Money(900_00), Money.Zero, new Money(1_350_00)), // £450.00 + £900.00
                (new DateOnly(2013, 11, 8), StatementEntryKind.CreditNote, n["Credit"], Money.Zero, new Money(225_00), new Money(1_125_00)), // − £225.00
                (new DateOnly(2013, 11, 20), StatementEntryKind.Payment, "BACS 1120", Money.Zero, new Money(300_00), new Money(825_00)), // − £300.00
            ],
            statement.Entries.Select(e => (e.On, e.Kind, e.Reference, e.Debit, e.Credit, e.Balance)));
        Assert.Equal(new Money(825_00), statement.ClosingBalance);
        Assert.Equal(("Testford Council TFC", "Otherby Council OBC"), (statement.ProviderName, statement.RecipientName));
        Assert.Equal($"Credit against {n["October"]}", statement.Entries[1].Details);
    }

    [Fact]
    public async Task Statement_ForAMonthWithNothingInIt_AndTheOtherWayRound()
    {
        var (p, _) = await HistoryAsync();

        var december = await Receivables.StatementAsync(p.ProviderId, p.RecipientId, new DateOnly(2013, 12, 1), new DateOnly(2013, 12, 31));
        var otherWay = await Receivables.StatementAsync(p.RecipientId, p.ProviderId, new DateOnly(2013, 4, 1), new DateOnly(2014, 3, 31));

        // £825.00 owed at the end of November is carried through December untouched.
        Assert.Empty(december.Entries);
        Assert.Equal((new Money(825_00), new Money(825_00)), (december.OpeningBalance, december.ClosingBalance));
        // Otherby has billed Testford nothing.
        Assert.Empty(otherWay.Entries);
        Assert.Equal((Money.Zero, Money.Zero), (otherWay.OpeningBalance, otherWay.ClosingBalance));
    }

    [Fact]
    public async Task Statement_BackwardsRange_IsRefused()
    {
        var p = await TestPartnership.AddAsync(Factory);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Receivables.StatementAsync(p.ProviderId, p.RecipientId, new DateOnly(2013, 12, 1), new DateOnly(2013, 11, 30)));

        Assert.Equal("The statement cannot start (1 December 2013) after it ends (30 November 2013).", refused.Message);
    }

    [Fact]
    public async Task YearTotals_InvoicedNetOfCreditNotes_ByTheDayIssued()
    {
        await HistoryAsync();

        var totals = await Receivables.YearTotalsAsync(new FinancialYear(2013));
        var before = await Receivables.YearTotalsAsync(new FinancialYear(2012));

        // Issued in 2013/14: March's £450.00 (issued 2 April 2013), September £450.00, October £900.00, less the £225.00 credit note: £1,575.00.
        // Paid: £450.00 + £300.00 = £750.00. Outstanding: March £450.00 + October £900.00 − £225.00 − £300.00 = £825.00.
        Assert.Equal((new Money(1_575_00), new Money(750_00), new Money(825_00)), (totals.Invoiced, totals.Paid, totals.Outstanding));
        // Nothing was issued in 2012/13 (March 2013's invoice was issued in April).
        Assert.Equal((Money.Zero, Money.Zero, Money.Zero), (before.Invoiced, before.Paid, before.Outstanding));
    }
}

public sealed class StatementAndYearTotalsTests_Sqlite : StatementAndYearTotalsTests<SqliteTestDatabase>;

public sealed class StatementAndYearTotalsTests_Postgres : StatementAndYearTotalsTests<PostgresTestDatabase>;
