using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Invoicing;

using SharedServices.Domain.Money;

public enum InvoiceStatus
{
    Draft,
    Issued,
    PartPaid,
    Paid,
    Disputed,
    Credited,
}

/// <summary>
/// An invoice (or supplementary invoice, or credit note) from one council to another for one partnership and period.
/// A draft has no number and may be replaced by a re-run. Issuing gives it its number, date and due date; from then
/// on its lines never change: it is corrected only by a credit note or a supplementary invoice. Payments, a dispute
/// and credits move its status on.
/// </summary>
public sealed class Invoice
{
    public const int MaxDisputeReasonLength = 1000;

    private readonly List<InvoiceLine> _lines = [];
    private readonly List<Payment> _payments = [];

    private Invoice()
    {
        PeriodLabel = null!;
    }

    public Invoice(InvoiceKind kind, int partnershipId, int providerId, int recipientId, DateRange period, string periodLabel,
        int paymentTermsDays, string? purchaseOrder = null, int? correctsInvoiceId = null)
    {
        if (providerId == recipientId) throw new DomainException("A council cannot invoice itself.");
        if (paymentTermsDays is < 1 or > Charging.RateVersion.StatutoryPaymentTermsDays)
            throw new DomainException($"Payment terms must be between 1 and {Charging.RateVersion.StatutoryPaymentTermsDays} days (it was {paymentTermsDays}).");
        if (kind == InvoiceKind.CreditNote && correctsInvoiceId is null)
            throw new DomainException("A credit note must name the invoice it corrects.");
        Kind = kind;
        PartnershipId = partnershipId;
        ProviderId = providerId;
        RecipientId = recipientId;
        PeriodFrom = period.Start;
        PeriodTo = period.End;
        PeriodLabel = periodLabel;
        PaymentTermsDays = paymentTermsDays;
        PurchaseOrder = purchaseOrder;
        CorrectsInvoiceId = correctsInvoiceId;
    }

    public int Id { get; private set; }
    public InvoiceKind Kind { get; private set; }
    public int PartnershipId { get; private set; }
    public int ProviderId { get; private set; }
    public int RecipientId { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public string PeriodLabel { get; private set; }
    public int PaymentTermsDays { get; private set; }
    public string? PurchaseOrder { get; private set; }

    /// <summary>The recharge run that drafted it; null for one raised by hand (a credit note).</summary>
    public int? RunId { get; private set; }

    /// <summary>
    /// While a run's draft: the slot it fills (kind, partnership, provider, recipient, period and the invoice it
    /// corrects). The database holds each slot once, so two runs that overlap cannot both draft it; cleared on issue.
    /// </summary>
    public string? DraftSlot { get; private set; }

    /// <summary>Marks the draft as <paramref name="runId"/>'s, taking its slot.</summary>
    public void DraftedBy(int runId)
    {
        EnsureDraft("be re-drafted");
        RunId = runId;
        DraftSlot = $"{Kind}:{PartnershipId}:{ProviderId}:{RecipientId}:{PeriodFrom:yyyy-MM-dd}:{PeriodTo:yyyy-MM-dd}:{CorrectsInvoiceId}";
    }

    /// <summary>For a credit note or supplementary invoice, the invoice it corrects.</summary>
    public int? CorrectsInvoiceId { get; private set; }

    /// <summary>Null while a draft.</summary>
    public string? Number { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public string? DisputeReason { get; private set; }

    /// <summary>The gross of the credit notes issued against this invoice.</summary>
    public Money Credited { get; private set; }

    public IReadOnlyList<InvoiceLine> Lines => _lines;
    public IReadOnlyList<Payment> Payments => _payments;

    public bool IsIssued => Number is not null;
    public Money Net => _lines.Aggregate(Money.Zero, (sum, l) => sum + l.Net);
    public Money Vat => _lines.Aggregate(Money.Zero, (sum, l) => sum + l.Vat);
    public Money Gross => Net + Vat;
    public Money Paid => _payments.Aggregate(Money.Zero, (sum, p) => sum + p.Amount);

    /// <summary>What the recipient still owes: the gross, less payments and credits. Nothing is owed on a draft or a credit note.</summary>
    public Money Outstanding => !IsIssued || Kind == InvoiceKind.CreditNote ? Money.Zero : Gross - Paid - Credited;

    /// <summary>
    /// Draft until issued. Once nothing is outstanding: credited when credit notes cleared it with nothing paid,
    /// otherwise paid. While something is outstanding: disputed if a reason is recorded, part-paid once any payment
    /// is in, otherwise issued (a partial credit leaves it issued). A credit note is simply issued.
    /// </summary>
    public InvoiceStatus Status
    {
        get
        {
            if (!IsIssued) return InvoiceStatus.Draft;
            if (Kind == InvoiceKind.CreditNote) return InvoiceStatus.Issued;
            if (Outstanding == Money.Zero && Paid == Money.Zero && Credited > Money.Zero) return InvoiceStatus.Credited;
            if (Outstanding == Money.Zero && Paid > Money.Zero) return InvoiceStatus.Paid;
            if (DisputeReason is not null) return InvoiceStatus.Disputed;
            return Paid > Money.Zero ? InvoiceStatus.PartPaid : InvoiceStatus.Issued;
        }
    }

    public void AddLine(InvoiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        EnsureDraft("have lines added");
        _lines.Add(line);
    }

    /// <summary>
    /// The provider as the issued invoice shows it, copied on issue so that later changes to the council's address or
    /// bank details do not reach an invoice already sent; null on a draft, which shows the council as it is now.
    /// </summary>
    public InvoiceParty? ProviderAtIssue { get; private set; }

    /// <summary>The recipient as the issued invoice shows it (name, address, VAT registration); null on a draft.</summary>
    public InvoiceParty? RecipientAtIssue { get; private set; }

    /// <summary>
    /// Issues the draft under <paramref name="number"/> on <paramref name="issuedOn"/>; it is due after the payment
    /// terms, and keeps <paramref name="parties"/> as they are today.
    /// </summary>
    public void Issue(string number, DateOnly issuedOn, InvoiceParties parties)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentNullException.ThrowIfNull(parties);
        EnsureDraft("be issued again");
        if (_lines.Count == 0) throw new DomainException("An invoice with no lines cannot be issued.");
        if (Kind != InvoiceKind.CreditNote && Gross < Money.Zero)
            throw new DomainException($"An invoice cannot total less than £0.00 ({Gross}): issue a credit note instead.");
        Number = number;
        IssuedOn = issuedOn;
        DueOn = issuedOn.AddDays(PaymentTermsDays);
        DraftSlot = null;
        ProviderAtIssue = parties.Provider;
        RecipientAtIssue = parties.RecipientAsShown;
    }

    public void RecordPayment(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (!IsIssued) throw new DomainException("A payment can only be recorded against an issued invoice.");
        if (Kind == InvoiceKind.CreditNote) throw new DomainException($"{Number} is a credit note: nothing is paid against it.");
        if (payment.ReceivedOn < IssuedOn)
            throw new DomainException($"Received on: {DateText.Long(payment.ReceivedOn)} is before the invoice was issued ({DateText.Long(IssuedOn!.Value)}).");
        if (payment.Amount > Outstanding)
            throw new DomainException($"Amount: {payment.Amount} is more than the {Outstanding} outstanding on {Number}.");
        _payments.Add(payment);
    }

    public void Dispute(string reason)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw new DomainException("Reason: say why the invoice is disputed.");
        if (trimmed.Length > MaxDisputeReasonLength)
            throw new DomainException($"Reason: keep it to {MaxDisputeReasonLength:N0} characters (it has {trimmed.Length:N0}).");
        if (!IsIssued || Kind == InvoiceKind.CreditNote) throw new DomainException("Only an issued invoice can be disputed.");
        DisputeReason = trimmed;
    }

    public void ResolveDispute() => DisputeReason = null;

    /// <summary>Records a credit note issued against this invoice; refuses one that would credit more than is unpaid.</summary>
    public void ApplyCredit(Invoice creditNote)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        if (creditNote.Kind != InvoiceKind.CreditNote || creditNote.CorrectsInvoiceId != Id || !creditNote.IsIssued)
            throw new DomainException("Only an issued credit note for this invoice can be applied to it.");
        if (creditNote.IssuedOn < IssuedOn)
            throw new DomainException($"Issue date: a credit note against {Number} cannot be dated {DateText.Long(creditNote.IssuedOn!.Value)}, " +
                                      $"before the invoice was issued on {DateText.Long(IssuedOn!.Value)}.");
        if (creditNote.Gross > Outstanding)
            throw new DomainException($"The credit note ({creditNote.Gross}) is more than the {Outstanding} still unpaid on {Number}.");
        Credited += creditNote.Gross;
    }

    private void EnsureDraft(string action)
    {
        if (IsIssued) throw new DomainException($"{Number} has been issued, so it cannot {action}. Correct it with a credit note or a supplementary invoice.");
    }
}
