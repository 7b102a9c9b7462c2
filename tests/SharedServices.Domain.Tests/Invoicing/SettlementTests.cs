using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Domain.Tests.Invoicing;

using SharedServices.Domain.Money;

public class SettlementTests
{
    private const int Scc = 1, Iwc = 2, Hcc = 3;
    private static readonly DateRange Year = new FinancialYear(2013).Dates;

    private static Invoice Issued(int from, int to, long pence, string number, InvoiceKind kind = InvoiceKind.Invoice, int? corrects = null)
    {
        var invoice = new Invoice(kind, 1, from, to, Year, "2013/14", 30, correctsInvoiceId: corrects);
        invoice.AddLine(new InvoiceLine(1, "Service", RechargeLineKind.Quantity, "Work", Year, null, null, null,
            LineVat.For(new Money(pence), VatTreatment.OutsideTheScope, Year.End, StandardVatRates.UnitedKingdom)));
        invoice.Issue(number, new DateOnly(2014, 4, 1), TestParties.Any);
        return invoice;
    }

    [Fact]
    public void TwoCouncilsBillingEachOther_NetToOneAmount()
    {
        // SCC invoiced IWC £10,000.00 and credited £500.00; IWC paid £6,000.00: IWC still owes SCC £3,500.00.
        // IWC invoiced SCC £3,000.00; SCC paid £1,000.00: SCC still owes IWC £2,000.00. Net: IWC owes SCC £1,500.00.
        var sccToIwc = Issued(Scc, Iwc, 10_000_00, "SCC-2013/14-0001");
        sccToIwc.RecordPayment(new Payment(new DateOnly(2014, 4, 10), new Money(6_000_00), "BACS"));
        var credit = Issued(Scc, Iwc, 500_00, "SCC-CN-2013/14-0001", InvoiceKind.CreditNote, corrects: 1);
        var iwcToScc = Issued(Iwc, Scc, 3_000_00, "IWC-2013/14-0001");
        iwcToScc.RecordPayment(new Payment(new DateOnly(2014, 4, 10), new Money(1_000_00), "BACS"));
        var elsewhere = Issued(Scc, Hcc, 7_000_00, "SCC-2013/14-0002");

        var settlement = Settlement.Between((Scc, "Southampton City Council"), (Iwc, "Isle of Wight Council"), [sccToIwc, credit, iwcToScc, elsewhere]);

        Assert.Equal((new Money(10_000_00), new Money(500_00), new Money(6_000_00), new Money(3_500_00)),
            (settlement.AToB.Invoiced, settlement.AToB.Credited, settlement.AToB.Paid, settlement.AToB.Outstanding));
        Assert.Equal((new Money(3_000_00), new Money(1_000_00), new Money(2_000_00)),
            (settlement.BToA.Invoiced, settlement.BToA.Paid, settlement.BToA.Outstanding));
        Assert.Equal(new Money(1_500_00), settlement.NetOwedToA);
        Assert.Equal("Isle of Wight Council owes Southampton City Council £1,500.00.", settlement.Summary);
    }

    [Fact]
    public void Settled_SaysSo()
    {
        var settlement = Settlement.Between((Scc, "Southampton City Council"), (Iwc, "Isle of Wight Council"), []);

        Assert.Equal("Southampton City Council and Isle of Wight Council owe each other nothing: the balances are settled.", settlement.Summary);
    }
}
