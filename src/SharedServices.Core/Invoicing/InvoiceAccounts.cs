using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Invoicing;

using SharedServices.Domain.Money;

/// <summary>What a credit note credits: the whole invoice, or an amount off one of its lines with the reason.</summary>
public sealed record CreditNoteRequest(string Reason, int? LineId = null, Money? Net = null)
{
    public bool IsFull => LineId is null;
}

/// <summary>
/// What happens to an invoice after it is issued: payments received, a dispute raised or resolved, and credit notes
/// drafted against it (issued, like any draft, by <see cref="InvoiceIssuer"/>). Each change is guarded by the
/// invoice's version, so two officers recording the same payment at once cannot both succeed.
/// </summary>
public sealed class InvoiceAccounts(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock)
{
    public async Task RecordPaymentAsync(int invoiceId, Payment payment, int expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        // A payment is recorded once received; one dated ahead would count as paid today.
        if (payment.ReceivedOn > clock.Today())
            throw new DomainException($"Received on: {DateText.Long(payment.ReceivedOn)} is in the future (today is {DateText.Long(clock.Today())}). Record a payment once it has been received.");
        await ChangeAsync(invoiceId, expectedVersion, invoice => invoice.RecordPayment(payment), cancel);
    }

    public Task DisputeAsync(int invoiceId, string reason, int expectedVersion, CancellationToken cancel = default) =>
        ChangeAsync(invoiceId, expectedVersion, invoice => invoice.Dispute(reason), cancel);

    public Task ResolveDisputeAsync(int invoiceId, int expectedVersion, CancellationToken cancel = default) =>
        ChangeAsync(invoiceId, expectedVersion, invoice => invoice.ResolveDispute(), cancel);

    /// <summary>Drafts a credit note against an issued invoice; returns its id, to issue.</summary>
    public async Task<int> DraftCreditNoteAsync(int invoiceId, CreditNoteRequest request, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new DomainException("Reason: say why the invoice is being credited.");
        if (reason.Length > 300) throw new DomainException($"Reason: keep it to 300 characters (it has {reason.Length:N0}).");
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == invoiceId, cancel)
                      ?? throw new DomainException("That invoice no longer exists.");
        if (!invoice.IsIssued || invoice.Kind == InvoiceKind.CreditNote)
            throw new DomainException("Only an issued invoice can be credited.");
        var credit = new Invoice(InvoiceKind.CreditNote, invoice.PartnershipId, invoice.ProviderId, invoice.RecipientId,
            new Domain.Dates.DateRange(invoice.PeriodFrom, invoice.PeriodTo), invoice.PeriodLabel, invoice.PaymentTermsDays,
            invoice.PurchaseOrder, invoice.Id);
        if (request.IsFull)
        {
            foreach (var line in invoice.Lines)
                credit.AddLine(CreditLine(line, line.Net, $"Credit of {invoice.Number}: {reason}. Was: {line.Explanation}"));
        }
        else
        {
            var line = invoice.Lines.SingleOrDefault(l => l.Id == request.LineId)
                       ?? throw new DomainException($"Line: {invoice.Number} has no such line.");
            if (request.Net is not { } net || net <= Money.Zero || net > line.Net)
                throw new DomainException($"Amount: enter more than £0.00 and no more than the line's {line.Net}.");
            credit.AddLine(CreditLine(line, net, $"Part credit of {invoice.Number}: {reason}"));
        }
        if (credit.Gross > invoice.Outstanding)
            throw new DomainException($"The credit ({credit.Gross}) is more than the {invoice.Outstanding} still unpaid on {invoice.Number}.");
        db.Invoices.Add(credit);
        await db.SaveChangesAsync(cancel);
        return credit.Id;
    }

    // The credit carries the line's own VAT treatment and rate, so it reverses exactly the VAT that was charged.
    private static InvoiceLine CreditLine(InvoiceLine line, Money net, string explanation) =>
        new(line.TradedServiceId, line.ServiceName, line.Kind, explanation.Length > 1000 ? explanation[..1000] : explanation, line.Covers,
            net == line.Net ? line.Quantity : null, net == line.Net ? line.Unit : null, net == line.Net ? line.Rate : null,
            net == line.Net ? new LineVat(line.Net, line.Treatment, line.VatPercent, line.Vat) : new LineVat(net, line.Treatment, line.VatPercent, net.Times(line.VatPercent / 100m)));

    private async Task ChangeAsync(int invoiceId, int expectedVersion, Action<Invoice> change, CancellationToken cancel)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var invoice = await db.Invoices.Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == invoiceId, cancel)
                      ?? throw new DomainException("That invoice no longer exists.");
        EditVersion.Expect(db.Entry(invoice).Property<int>(SharedServicesDbContext.VersionColumn), expectedVersion, Conflict);
        change(invoice);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
    }

    private static EditConflictException Conflict() =>
        new("This invoice was changed by someone else (a payment, a dispute or a credit) since you opened it. Nothing was saved.");
}
