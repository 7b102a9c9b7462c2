using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Domain.Tests.Invoicing;

using SharedServices.Domain.Money;

public class InvoiceTests
{
    private const int Scc = 1, Iwc = 2;
    private static readonly DateRange October2013 = new(new DateOnly(2013, 10, 1), new DateOnly(2013, 10, 31));

    private static InvoiceLine Line(long netPence, VatTreatment treatment = VatTreatment.OutsideTheScope, DateOnly? taxPoint = null) =>
        new(7, "Educational psychology", RechargeLineKind.Quantity, "2 days × £450.00 (rate from 1 April 2013)", October2013, 2m, "day",
            new Money(450_00), LineVat.For(new Money(netPence), treatment, taxPoint ?? October2013.End, StandardVatRates.UnitedKingdom));

    private static Invoice Draft(params InvoiceLine[] lines)
    {
        var invoice = new Invoice(InvoiceKind.Invoice, 1, Scc, Iwc, October2013, "October 2013", 30, "PO-4471");
        foreach (var line in lines) invoice.AddLine(line);
        return invoice;
    }

    private static Invoice Issued(params InvoiceLine[] lines)
    {
        var invoice = Draft(lines);
        invoice.Issue("SCC-2013/14-0007", new DateOnly(2013, 11, 1), TestParties.Any);
        return invoice;
    }

    [Fact]
    public void Issue_KeepsTheProviderWhole_AndTheRecipientWithoutItsPaymentDetails()
    {
        var draft = Draft(Line(900_00));
        Assert.Equal((null, null), (draft.ProviderAtIssue, draft.RecipientAtIssue));
        var southampton = new InvoiceParty("Southampton City Council", "SCC")
        {
            Details = InvoicingDetails.Create("Civic Centre", "SO14 7LY", null, "Southampton City Council", "12-34-56", "87654321", "income@scc.example"),
        };
        var wight = new InvoiceParty("Isle of Wight Council", "IWC")
        {
            Details = InvoicingDetails.Create("County Hall", "PO30 1UD", null, "Isle of Wight Council", "65-43-21", "11112222", "payables@iow.example"),
        };

        draft.Issue("SCC-2013/14-0007", new DateOnly(2013, 11, 1), new InvoiceParties(southampton, wight));

        Assert.Equal(southampton, draft.ProviderAtIssue);
        var recipient = draft.RecipientAtIssue!;
        Assert.Equal(("Isle of Wight Council", "IWC", "County Hall", "PO30 1UD"), (recipient.Name, recipient.ShortCode, recipient.Details.Address, recipient.Details.Postcode));
        Assert.Equal((false, null), (recipient.Details.HasBankDetails, recipient.Details.RemittanceEmail));
    }

    [Fact]
    public void Draft_HasNoNumberAndOwesNothing()
    {
        var draft = Draft(Line(900_00));

        Assert.Equal((null, InvoiceStatus.Draft, Money.Zero), (draft.Number, draft.Status, draft.Outstanding));
        Assert.Equal(new Money(900_00), draft.Gross);
    }

    [Fact]
    public void Issue_GivesNumberDateAndDueDateFromTheTerms()
    {
        var invoice = Issued(Line(900_00));

        // Issued on 1 November 2013 with 30 days' terms: due on 1 December 2013.
        Assert.Equal(("SCC-2013/14-0007", new DateOnly(2013, 11, 1), new DateOnly(2013, 12, 1)), (invoice.Number, invoice.IssuedOn, invoice.DueOn));
        Assert.Equal(InvoiceStatus.Issued, invoice.Status);
        Assert.Equal(new Money(900_00), invoice.Outstanding);
    }

    [Fact]
    public void Issued_RefusesNewLinesAndASecondIssue()
    {
        var invoice = Issued(Line(900_00));

        var added = Assert.Throws<DomainException>(() => invoice.AddLine(Line(100_00)));
        Assert.Throws<DomainException>(() => invoice.Issue("SCC-2013/14-0008", new DateOnly(2013, 11, 2), TestParties.Any));

        Assert.Equal("SCC-2013/14-0007 has been issued, so it cannot have lines added. Correct it with a credit note or a supplementary invoice.", added.Message);
        Assert.Single(invoice.Lines);
    }

    [Fact]
    public void Issue_WithNoLines_IsRefused() =>
        Assert.Equal("An invoice with no lines cannot be issued.",
            Assert.Throws<DomainException>(() => Draft().Issue("SCC-2013/14-0001", new DateOnly(2013, 11, 1), TestParties.Any)).Message);

    [Fact]
    public void Vat_IsWorkedPerLineAtTheRateOnItsTaxPoint()
    {
        // £1,234.56 × 20% = £246.912 → £246.91 (after 4 January 2011); £1,000.00 × 17.5% = £175.00 (before it).
        var invoice = Draft(Line(1_234_56, VatTreatment.StandardRated, new DateOnly(2011, 1, 4)), Line(1_000_00, VatTreatment.StandardRated, new DateOnly(2011, 1, 3)));

        Assert.Equal([new Money(246_91), new Money(175_00)], invoice.Lines.Select(l => l.Vat));
        Assert.Equal((new Money(2_234_56), new Money(421_91), new Money(2_656_47)), (invoice.Net, invoice.Vat, invoice.Gross));
    }

    [Fact]
    public void Payments_MoveItToPartPaidThenPaid()
    {
        var invoice = Issued(Line(900_00));

        invoice.RecordPayment(new Payment(new DateOnly(2013, 11, 20), new Money(400_00), "BACS 1182"));
        Assert.Equal((InvoiceStatus.PartPaid, new Money(500_00)), (invoice.Status, invoice.Outstanding));
        invoice.RecordPayment(new Payment(new DateOnly(2013, 12, 2), new Money(500_00), "BACS 1201"));
        Assert.Equal((InvoiceStatus.Paid, Money.Zero), (invoice.Status, invoice.Outstanding));
    }

    [Fact]
    public void Payment_MoreThanOutstandingOrBeforeIssue_IsRefused()
    {
        var invoice = Issued(Line(900_00));

        var over = Assert.Throws<DomainException>(() => invoice.RecordPayment(new Payment(new DateOnly(2013, 11, 20), new Money(900_01), null)));
        var early = Assert.Throws<DomainException>(() => invoice.RecordPayment(new Payment(new DateOnly(2013, 10, 31), new Money(1_00), null)));
        var onDraft = Assert.Throws<DomainException>(() => Draft(Line(900_00)).RecordPayment(new Payment(new DateOnly(2013, 11, 20), new Money(1_00), null)));

        Assert.Equal("Amount: £900.01 is more than the £900.00 outstanding on SCC-2013/14-0007.", over.Message);
        Assert.Equal("Received on: 31 October 2013 is before the invoice was issued (1 November 2013).", early.Message);
        Assert.Equal("A payment can only be recorded against an issued invoice.", onDraft.Message);
        Assert.Empty(invoice.Payments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Payment_OfNothingOrLess_IsRefused(long pence) =>
        Assert.Throws<DomainException>(() => new Payment(new DateOnly(2013, 11, 20), new Money(pence), null));

    [Fact]
    public void Dispute_ShowsUntilResolvedOrPaid()
    {
        var invoice = Issued(Line(900_00));

        invoice.Dispute("  Days in October not agreed  ");
        Assert.Equal((InvoiceStatus.Disputed, "Days in October not agreed"), (invoice.Status, invoice.DisputeReason));
        invoice.ResolveDispute();
        Assert.Equal(InvoiceStatus.Issued, invoice.Status);
        Assert.Throws<DomainException>(() => invoice.Dispute(" "));
    }

    [Fact]
    public void CreditNote_Full_MarksTheInvoiceCredited_Partial_LeavesTheRestOwing()
    {
        var invoice = Issued(Line(900_00));
        var full = new Invoice(InvoiceKind.CreditNote, 1, Scc, Iwc, October2013, "October 2013", 30, correctsInvoiceId: invoice.Id);
        full.AddLine(Line(900_00));
        full.Issue("SCC-CN-2013/14-0001", new DateOnly(2013, 11, 5), TestParties.Any);
        var partialTarget = Issued(Line(900_00));
        var partial = new Invoice(InvoiceKind.CreditNote, 1, Scc, Iwc, October2013, "October 2013", 30, correctsInvoiceId: partialTarget.Id);
        partial.AddLine(Line(450_00));
        partial.Issue("SCC-CN-2013/14-0002", new DateOnly(2013, 11, 5), TestParties.Any);

        invoice.ApplyCredit(full);
        partialTarget.ApplyCredit(partial);

        Assert.Equal((InvoiceStatus.Credited, Money.Zero), (invoice.Status, invoice.Outstanding));
        Assert.Equal((InvoiceStatus.Issued, new Money(450_00)), (partialTarget.Status, partialTarget.Outstanding));
        Assert.Equal(Money.Zero, full.Outstanding);
    }

    [Fact]
    public void CreditNote_ForMoreThanIsUnpaid_IsRefused()
    {
        var invoice = Issued(Line(900_00));
        invoice.RecordPayment(new Payment(new DateOnly(2013, 11, 20), new Money(600_00), null));
        var credit = new Invoice(InvoiceKind.CreditNote, 1, Scc, Iwc, October2013, "October 2013", 30, correctsInvoiceId: invoice.Id);
        credit.AddLine(Line(300_01));
        credit.Issue("SCC-CN-2013/14-0003", new DateOnly(2013, 11, 21), TestParties.Any);

        var refused = Assert.Throws<DomainException>(() => invoice.ApplyCredit(credit));

        Assert.Equal("The credit note (£300.01) is more than the £300.00 still unpaid on SCC-2013/14-0007.", refused.Message);
        Assert.Equal(Money.Zero, invoice.Credited);
    }

    [Fact]
    public void CreditNote_WithoutAnInvoice_AndSelfBilling_AreRefused()
    {
        Assert.Throws<DomainException>(() => new Invoice(InvoiceKind.CreditNote, 1, Scc, Iwc, October2013, "October 2013", 30));
        Assert.Throws<DomainException>(() => new Invoice(InvoiceKind.Invoice, 1, Scc, Scc, October2013, "October 2013", 30));
        Assert.Throws<DomainException>(() => new Invoice(InvoiceKind.Invoice, 1, Scc, Iwc, October2013, "October 2013", 31));
    }
}
