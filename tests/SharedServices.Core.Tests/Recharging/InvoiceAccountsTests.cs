using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Editing;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Recharging;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Tests.Recharging;

using SharedServices.Domain.Money;

public abstract class InvoiceAccountsTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2013, 12, 20)));

    private InvoiceAccounts Accounts => Get<InvoiceAccounts>();
    private Receivables Receivables => Get<Receivables>();

    /// <summary>October 2013: 2 days × £450.00 = £900.00, issued 1 November 2013, due 1 December 2013.</summary>
    private async Task<(TestPartnership P, int InvoiceId)> IssuedOctober()
    {
        var p = await TestPartnership.AddAsync(Factory);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await Get<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, p.PartnershipId, "Officer");
        var id = await InvoiceIdAsync(p.PartnershipId);
        await Get<InvoiceIssuer>().IssueAsync([id], new DateOnly(2013, 11, 1));
        return (p, id);
    }

    private async Task<int> InvoiceIdAsync(int partnershipId)
    {
        await using var db = Factory.CreateDbContext();
        return await db.Invoices.Where(i => i.PartnershipId == partnershipId && i.Number == null).Select(i => i.Id).SingleAsync();
    }

    private async Task<InvoiceSummary> Summary(int id) => (await Receivables.ListAsync(new InvoiceFilter())).Single(s => s.Id == id);

    [Fact]
    public async Task Payments_PartThenFull_AndAStaleSecondPaymentIsRefused()
    {
        var (_, id) = await IssuedOctober();
        var loaded = await Summary(id);

        await Accounts.RecordPaymentAsync(id, new Payment(new DateOnly(2013, 11, 20), new Money(400_00), "BACS 1182"), loaded.Version);
        var stale = await Assert.ThrowsAsync<EditConflictException>(() =>
            Accounts.RecordPaymentAsync(id, new Payment(new DateOnly(2013, 11, 20), new Money(400_00), "BACS 1182"), loaded.Version));
        var part = await Summary(id);
        await Accounts.RecordPaymentAsync(id, new Payment(new DateOnly(2013, 12, 2), new Money(500_00), "BACS 1201"), part.Version);

        Assert.Contains("changed by someone else", stale.Message);
        Assert.Equal((InvoiceStatus.PartPaid, new Money(400_00), new Money(500_00)), (part.Status, part.Paid, part.Outstanding));
        var paid = await Summary(id);
        Assert.Equal((InvoiceStatus.Paid, Money.Zero), (paid.Status, paid.Outstanding));
    }

    [Fact]
    public async Task PaymentDatedAfterToday_IsRefusedAndNothingSaved()
    {
        var (_, id) = await IssuedOctober();
        var version = (await Summary(id)).Version;

        // Today is 20 December 2013 by this test's clock; 21 December has not happened yet.
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Accounts.RecordPaymentAsync(id, new Payment(new DateOnly(2013, 12, 21), new Money(100_00), "BACS"), version));

        Assert.StartsWith("Received on: 21 December 2013 is in the future", refused.Message);
        Assert.Equal(Money.Zero, (await Summary(id)).Paid);
    }

    [Fact]
    public async Task CreditNoteDatedBeforeItsInvoiceOrAfterToday_IsRefusedAndUsesNoNumber()
    {
        var (_, id) = await IssuedOctober();
        var creditId = await Accounts.DraftCreditNoteAsync(id, new CreditNoteRequest("Days charged to the wrong council"));

        // The invoice was issued on 1 November 2013 and today is 20 December 2013.
        var early = await Assert.ThrowsAsync<DomainException>(() => Get<InvoiceIssuer>().IssueAsync([creditId], new DateOnly(2013, 10, 31)));
        var late = await Assert.ThrowsAsync<DomainException>(() => Get<InvoiceIssuer>().IssueAsync([creditId], new DateOnly(2013, 12, 21)));
        var numbers = await Get<InvoiceIssuer>().IssueAsync([creditId], new DateOnly(2013, 11, 1));

        Assert.Contains("cannot be dated 31 October 2013, before the invoice was issued on 1 November 2013", early.Message);
        Assert.StartsWith("Issue date: a credit note cannot be dated in the future (21 December 2013", late.Message);
        // Neither refusal took a number: the first credit note issued is still number 1.
        Assert.Equal(["TFC-CN-2013/14-0001"], numbers);
    }

    [Fact]
    public async Task Overpayment_IsRefusedAndNothingSaved()
    {
        var (_, id) = await IssuedOctober();

        var version = (await Summary(id)).Version;

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Accounts.RecordPaymentAsync(id, new Payment(new DateOnly(2013, 11, 20), new Money(900_01), null), version));

        Assert.Equal("Amount: £900.01 is more than the £900.00 outstanding on TFC-2013/14-0001.", refused.Message);
        Assert.Equal(Money.Zero, (await Summary(id)).Paid);
    }

    [Fact]
    public async Task FullCreditNote_HasItsOwnNumberAndCreditsTheInvoice()
    {
        var (_, id) = await IssuedOctober();

        var creditId = await Accounts.DraftCreditNoteAsync(id, new CreditNoteRequest("Days charged to the wrong council"));
        var numbers = await Get<InvoiceIssuer>().IssueAsync([creditId], new DateOnly(2013, 11, 8));

        Assert.Equal(["TFC-CN-2013/14-0001"], numbers);
        var invoice = await Summary(id);
        Assert.Equal((InvoiceStatus.Credited, new Money(900_00), Money.Zero), (invoice.Status, invoice.Credited, invoice.Outstanding));
        var credit = await Summary(creditId);
        Assert.Equal((InvoiceKind.CreditNote, new Money(900_00)), (credit.Kind, credit.Gross));
        var detail = await Receivables.FindAsync(id);
        Assert.Equal(["TFC-CN-2013/14-0001"], detail!.CreditNotes.Select(c => c.Number));
        Assert.Equal(("testford-otherby", "Testford Council TFC", "Otherby Council OBC"), (detail.PartnershipCode, detail.ProviderName, detail.RecipientName));
        Assert.Equal("TFC-2013/14-0001", (await Receivables.FindAsync(creditId))!.CorrectsNumber);
        Assert.Null(await Receivables.FindAsync(987_654));
    }

    [Fact]
    public async Task PartCreditNote_LeavesTheRestOwing_AndCannotCreditMoreThanTheLine()
    {
        var (_, id) = await IssuedOctober();
        await using var db = Factory.CreateDbContext();
        var lineId = await db.InvoiceLines.Where(l => EF.Property<int>(l, "InvoiceId") == id).Select(l => l.Id).SingleAsync();

        var tooMuch = await Assert.ThrowsAsync<DomainException>(() =>
            Accounts.DraftCreditNoteAsync(id, new CreditNoteRequest("Half a day not worked", lineId, new Money(900_01))));
        var creditId = await Accounts.DraftCreditNoteAsync(id, new CreditNoteRequest("Half a day not worked", lineId, new Money(225_00)));
        await Get<InvoiceIssuer>().IssueAsync([creditId], new DateOnly(2013, 11, 8));

        Assert.Equal("Amount: enter more than £0.00 and no more than the line's £900.00.", tooMuch.Message);
        // £900.00 − £225.00 = £675.00 still owed.
        Assert.Equal((InvoiceStatus.Issued, new Money(675_00)), ((await Summary(id)).Status, (await Summary(id)).Outstanding));
    }

    [Fact]
    public async Task Dispute_ShowsInTheListUntilResolved()
    {
        var (_, id) = await IssuedOctober();

        await Accounts.DisputeAsync(id, "Days in October not agreed", (await Summary(id)).Version);
        var disputed = await Receivables.ListAsync(new InvoiceFilter(Status: InvoiceStatus.Disputed));
        await Accounts.ResolveDisputeAsync(id, (await Summary(id)).Version);

        Assert.Contains(disputed, s => s.Id == id);
        Assert.Equal(InvoiceStatus.Issued, (await Summary(id)).Status);
    }

    [Fact]
    public async Task AgedDebt_AndOverdueList_OnAGivenDay()
    {
        var (p, id) = await IssuedOctober();

        // Due 1 December 2013; on 20 December it is 19 days overdue (1–30 band); on 1 March 2014, 90 days (61–90).
        var december = Assert.Single(await Receivables.AgedDebtAsync(new DateOnly(2013, 12, 20), p.ProviderId));
        var march = Assert.Single(await Receivables.AgedDebtAsync(new DateOnly(2014, 3, 1), p.ProviderId));
        var overdue = await Receivables.ListAsync(new InvoiceFilter(PartnershipId: p.PartnershipId, OverdueOnly: true), new DateOnly(2013, 12, 20));

        Assert.Equal(new Money(900_00), december[DebtBand.Overdue1To30]);
        Assert.Equal(new Money(900_00), march[DebtBand.Overdue61To90]);
        Assert.Equal(19, Assert.Single(overdue).DaysOverdue);
        Assert.Empty(await Receivables.ListAsync(new InvoiceFilter(PartnershipId: p.PartnershipId, OverdueOnly: true), new DateOnly(2013, 12, 1)));
    }

    [Fact]
    public async Task Settlement_BetweenTwoCouncilsThatBillEachOther()
    {
        var (p, id) = await IssuedOctober();
        await Accounts.RecordPaymentAsync(id, new Payment(new DateOnly(2013, 11, 20), new Money(300_00), "BACS"), (await Summary(id)).Version);
        // Otherby also supplies Testford: 1 day × £450.00 in October, on a partnership of its own.
        int reverseId;
        await using (var db = Factory.CreateDbContext())
        {
            var reverse = new Partnership("otherby-testford", "Otherby and Testford", PartnershipKind.TradedServices,
                [new PartnershipParty(p.RecipientId, PartyRole.Provider), new PartnershipParty(p.ProviderId, PartyRole.Recipient)]);
            db.Partnerships.Add(reverse);
            await db.SaveChangesAsync();
            reverseId = reverse.Id;
        }
        var invoice = new Invoice(InvoiceKind.Invoice, reverseId, p.RecipientId, p.ProviderId,
            RechargePeriod.Month(2013, 10).Dates, "October 2013", 30);
        await using (var db = Factory.CreateDbContext())
        {
            var serviceId = await db.TradedServices.Where(s => s.Id == p.ServiceId).Select(s => s.Id).SingleAsync();
            invoice.AddLine(new InvoiceLine(serviceId, "Speech therapy", RechargeLineKind.Quantity, "1 day × £450.00", RechargePeriod.Month(2013, 10).Dates,
                1m, "day", new Money(450_00), Domain.Vat.LineVat.For(new Money(450_00), Domain.Vat.VatTreatment.OutsideTheScope, new DateOnly(2013, 10, 31), Domain.Vat.StandardVatRates.UnitedKingdom)));
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
        }
        await Get<InvoiceIssuer>().IssueAsync([invoice.Id], new DateOnly(2013, 11, 1));

        var settlement = await Receivables.SettlementAsync(p.ProviderId, p.RecipientId, new DateOnly(2013, 4, 1), new DateOnly(2014, 3, 31));

        // Otherby owes Testford £900.00 − £300.00 = £600.00; Testford owes Otherby £450.00. Net: Otherby owes £150.00.
        Assert.Equal((new Money(600_00), new Money(450_00), new Money(150_00)), (settlement.AToB.Outstanding, settlement.BToA.Outstanding, settlement.NetOwedToA));
        Assert.Equal("Otherby Council OBC owes Testford Council TFC £150.00.", settlement.Summary);
    }

    [Fact]
    public async Task YearTotals_InvoicedPaidOutstanding()
    {
        var (_, id) = await IssuedOctober();
        await Accounts.RecordPaymentAsync(id, new Payment(new DateOnly(2013, 11, 20), new Money(300_00), "BACS"), (await Summary(id)).Version);

        var totals = await Receivables.YearTotalsAsync(new Domain.Dates.FinancialYear(2013));

        // The seed data has no invoices: only October's £900.00, of which £300.00 is paid.
        Assert.Equal((new Money(900_00), new Money(300_00), new Money(600_00)), (totals.Invoiced, totals.Paid, totals.Outstanding));
    }
}

public sealed class InvoiceAccountsTests_Sqlite : InvoiceAccountsTests<SqliteTestDatabase>;

public sealed class InvoiceAccountsTests_Postgres : InvoiceAccountsTests<PostgresTestDatabase>;
