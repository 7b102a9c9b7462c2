using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Domain.Tests.Invoicing;

using SharedServices.Domain.Money;

/// <summary>
/// Southampton (SCC) billing the Isle of Wight (IWC), statement for October 2013.
/// Before October: SCC-2013/14-0001 £1,000.00 (1 September), paid £400.00 on 20 September; SCC-2013/14-0002 £500.00
/// (15 September), credited £100.00 by SCC-CN-2013/14-0001 on 25 September.
/// In October: on 1 October SCC-2013/14-0003 £900.00, a £225.00 credit note against it and £600.00 paid on -0001;
/// £300.00 paid on -0003 on 20 October; supplementary SCC-2013/14-0004 £456.00 on 28 October.
/// After October: £100.00 paid on -0002 on 5 November.
/// </summary>
public class StatementOfAccountTests
{
    private const int Scc = 1, Iwc = 2, Hcc = 3;
    private static readonly (int, string) Southampton = (Scc, "Southampton City Council"), Wight = (Iwc, "Isle of Wight Council");
    private static readonly DateRange October = new(new DateOnly(2013, 10, 1), new DateOnly(2013, 10, 31));

    private static Invoice Issued(int id, int from, int to, long pence, string number, DateOnly on, InvoiceKind kind = InvoiceKind.Invoice, int? corrects = null)
    {
        var period = new DateRange(new DateOnly(on.Year, on.Month, 1).AddMonths(-1), new DateOnly(on.Year, on.Month, 1).AddDays(-1));
        var invoice = new Invoice(kind, 1, from, to, period, period.Start.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), 30,
            correctsInvoiceId: corrects);
        // The database gives ids; a test sets them so a credit note can name its invoice.
        typeof(Invoice).GetProperty(nameof(Invoice.Id))!.SetValue(invoice, id);
        invoice.AddLine(new InvoiceLine(1, "Service", RechargeLineKind.Quantity, "Work", period, null, null, null,
            LineVat.For(new Money(pence), VatTreatment.OutsideTheScope, period.End, StandardVatRates.UnitedKingdom)));
        invoice.Issue(number, on, TestParties.Any);
        return invoice;
    }

    private static List<Invoice> History()
    {
        var first = Issued(1, Scc, Iwc, 1_000_00, "SCC-2013/14-0001", new DateOnly(2013, 9, 1));
        first.RecordPayment(new Payment(new DateOnly(2013, 9, 20), new Money(400_00), "BACS 0920"));
        var second = Issued(2, Scc, Iwc, 500_00, "SCC-2013/14-0002", new DateOnly(2013, 9, 15));
        var firstCredit = Issued(3, Scc, Iwc, 100_00, "SCC-CN-2013/14-0001", new DateOnly(2013, 9, 25), InvoiceKind.CreditNote, corrects: 2);
        second.ApplyCredit(firstCredit);
        var third = Issued(4, Scc, Iwc, 900_00, "SCC-2013/14-0003", new DateOnly(2013, 10, 1));
        var secondCredit = Issued(5, Scc, Iwc, 225_00, "SCC-CN-2013/14-0002", new DateOnly(2013, 10, 1), InvoiceKind.CreditNote, corrects: 4);
        third.ApplyCredit(secondCredit);
        first.RecordPayment(new Payment(new DateOnly(2013, 10, 1), new Money(600_00), "BACS 1001"));
        third.RecordPayment(new Payment(new DateOnly(2013, 10, 20), new Money(300_00), "BACS 1020"));
        var supplementary = Issued(6, Scc, Iwc, 456_00, "SCC-2013/14-0004", new DateOnly(2013, 10, 28), InvoiceKind.Supplementary, corrects: 1);
        second.RecordPayment(new Payment(new DateOnly(2013, 11, 5), new Money(100_00), "BACS 1105"));
        // Not on this statement: the other way round, to another council, and a draft.
        var otherWay = Issued(7, Iwc, Scc, 3_000_00, "IWC-2013/14-0001", new DateOnly(2013, 10, 2));
        var elsewhere = Issued(8, Scc, Hcc, 7_000_00, "SCC-2013/14-0005", new DateOnly(2013, 10, 3));
        var draft = new Invoice(InvoiceKind.Invoice, 1, Scc, Iwc, October, "October 2013", 30);
        return [supplementary, third, secondCredit, first, second, firstCredit, otherWay, elsewhere, draft];
    }

    [Fact]
    public void October_OpeningBalanceThenEachTransactionWithTheRunningBalance()
    {
        var statement = StatementOfAccount.For(Southampton, Wight, October, History());

        // Opening: £1,000.00 − £400.00 paid + £500.00 − £100.00 credited = £1,000.00.
        Assert.Equal(new Money(1_000_00), statement.OpeningBalance);
        Assert.Equal(
            [
                // 1 October: the invoice first (£1,000.00 + £900.00 = £1,900.00), then its credit note (− £225.00 = £1,675.00), then the payment (− £600.00 = £1,075.00).
                (new DateOnly(2013, 10, 1), StatementEntryKind.Invoice, "SCC-2013/14-0003", "September 2013", new Money(900_00), Money.Zero, new Money(1_900_00)),
                (new DateOnly(2013, 10, 1), StatementEntryKind.CreditNote, "SCC-CN-2013/14-0002", "Credit against SCC-2013/14-0003", Money.Zero, new Money(225_00), new Money(1_675_00)),
                (new DateOnly(2013, 10, 1), StatementEntryKind.Payment, "BACS 1001", "Payment against SCC-2013/14-0001", Money.Zero, new Money(600_00), new Money(1_075_00)),
                // A part payment: £1,075.00 − £300.00 = £775.00.
                (new DateOnly(2013, 10, 20), StatementEntryKind.Payment, "BACS 1020", "Payment against SCC-2013/14-0003", Money.Zero, new Money(300_00), new Money(775_00)),
                // £775.00 + £456.00 = £1,231.00.
                (new DateOnly(2013, 10, 28), StatementEntryKind.SupplementaryInvoice, "SCC-2013/14-0004", "September 2013, supplementing SCC-2013/14-0001", new Money(456_00), Money.Zero, new Money(1_231_00)),
            ],
            statement.Entries.Select(e => (e.On, e.Kind, e.Reference, e.Details, e.Debit, e.Credit, e.Balance)));
        // What is owed at the end of October: -0001 nothing, -0002 £400.00, -0003 £900.00 − £225.00 − £300.00 = £375.00, -0004 £456.00: £1,231.00.
        Assert.Equal(new Money(1_231_00), statement.ClosingBalance);
        Assert.Equal(("Southampton City Council", "Isle of Wight Council"), (statement.ProviderName, statement.RecipientName));
    }

    [Fact]
    public void SameDay_InvoicesThenCreditNotesThenPayments_WhateverOrderTheyCameIn()
    {
        var statement = StatementOfAccount.For(Southampton, Wight, new DateRange(new DateOnly(2013, 10, 1), new DateOnly(2013, 10, 1)),
            Enumerable.Reverse(History()));

        Assert.Equal([StatementEntryKind.Invoice, StatementEntryKind.CreditNote, StatementEntryKind.Payment], statement.Entries.Select(e => e.Kind));
    }

    [Fact]
    public void RangeWithNothingInIt_CarriesTheBalanceForward()
    {
        // December 2013: everything to 30 November. £1,231.00 at the end of October, less £100.00 paid on 5 November = £1,131.00.
        var statement = StatementOfAccount.For(Southampton, Wight, new DateRange(new DateOnly(2013, 12, 1), new DateOnly(2013, 12, 31)), History());

        Assert.Empty(statement.Entries);
        Assert.Equal((new Money(1_131_00), new Money(1_131_00)), (statement.OpeningBalance, statement.ClosingBalance));
    }

    [Fact]
    public void RangeBeforeAnyInvoice_IsAllZero()
    {
        var statement = StatementOfAccount.For(Southampton, Wight, new DateRange(new DateOnly(2013, 4, 1), new DateOnly(2013, 8, 31)), History());

        Assert.Empty(statement.Entries);
        Assert.Equal((Money.Zero, Money.Zero), (statement.OpeningBalance, statement.ClosingBalance));
    }

    [Fact]
    public void ACouncilToItself_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => StatementOfAccount.For(Southampton, Southampton, October, History()));

        Assert.Equal("Choose two different organisations: a council does not send a statement to itself.", refused.Message);
    }
}
