using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Recharging;

using SharedServices.Domain.Money;

/// <summary>
/// Gathers one partnership's lines for a period into draft invoices, one per provider and recipient; backdated
/// adjustments go on a supplementary invoice (or, where the rate fell, a credit note against the first invoice
/// corrected). VAT is worked out per line by the service's treatment and the standard rate on the line's last day.
/// </summary>
internal sealed class DraftBuilder(int runId, Partnership partnership, RechargePeriod period, StandardVatRates rates, IReadOnlyDictionary<int, int> revisions)
{
    private readonly Dictionary<(InvoiceKind Kind, int Provider, int Recipient, int? Corrects), Invoice> _drafts = [];

    public IEnumerable<Invoice> Drafts => _drafts.Values;

    public void Add(TradedService service, ChargeSchedule schedule, VatTreatmentHistory vat, RechargeLine line)
    {
        var invoice = Draft(InvoiceKind.Invoice, service, schedule, line.Version, null);
        var key = line.Kind == RechargeLineKind.Instalment
            ? InvoiceLine.InstalmentKey(service.Id, period.FinancialYear, line.InstalmentNumber!.Value, line.Covers.Start)
            : null;
        var invoiceLine = new InvoiceLine(service.Id, service.Name, line.Kind, line.Explanation, line.Covers, line.Quantity, line.Unit, line.Rate,
            LineVat.For(line.Net, vat, line.Covers.End, rates), line.InstalmentNumber, key);
        invoiceLine.Bills(line.ActivityIds, line.ActivityIds.Sum(id => revisions.GetValueOrDefault(id)));
        invoice.AddLine(invoiceLine);
    }

    /// <param name="firstCorrectedInvoiceId">The invoice of the first line corrected: a credit note names it.</param>
    public void AddAdjustment(TradedService service, ChargeSchedule schedule, VatTreatmentHistory vat, BackdatedAdjustment adjustment, int firstCorrectedInvoiceId)
    {
        var line = adjustment.Line;
        var credit = line.Net < Money.Zero;
        // A credit note names one invoice it corrects; the explanation names them all.
        var invoice = Draft(credit ? InvoiceKind.CreditNote : InvoiceKind.Supplementary, service, schedule, line.Version,
            credit ? firstCorrectedInvoiceId : null);
        var amount = credit ? -line.Net : line.Net;
        var invoiceLine = new InvoiceLine(service.Id, service.Name, line.Kind, line.Explanation, line.Covers, line.Quantity, line.Unit,
            line.Rate is { } r && credit ? -r : line.Rate, LineVat.For(amount, vat, line.Covers.End, rates));
        invoiceLine.CorrectsLines(adjustment.Corrects.Select(c => (c.LineId, c.Difference)));
        invoice.AddLine(invoiceLine);
    }

    private Invoice Draft(InvoiceKind kind, TradedService service, ChargeSchedule schedule, RateVersion version, int? corrects)
    {
        var key = (kind, service.ProviderId, service.RecipientId, corrects);
        if (_drafts.TryGetValue(key, out var invoice)) return invoice;
        invoice = new Invoice(kind, partnership.Id, service.ProviderId, service.RecipientId, period.Dates, period.Label,
            version.PaymentTermsDays, schedule.Posting.PurchaseOrder, corrects);
        invoice.DraftedBy(runId);
        _drafts.Add(key, invoice);
        return invoice;
    }
}
