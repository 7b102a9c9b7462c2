using SharedServices.Domain.Dates;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Domain.Invoicing;

using SharedServices.Domain.Money;

/// <summary>
/// One line of an invoice or credit note: the service, the words that explain the charge, quantity, unit and rate
/// where there are some, the net amount, and VAT by the service's treatment on the tax point. On a credit note the
/// amounts are what is credited, written as positive figures.
/// </summary>
public sealed class InvoiceLine
{
    private readonly List<LineCorrectionLink> _corrects = [];

    private InvoiceLine()
    {
        ServiceName = Explanation = null!;
    }

    public InvoiceLine(int tradedServiceId, string serviceName, RechargeLineKind kind, string explanation, DateRange covers,
        decimal? quantity, string? unit, Money? rate, LineVat vat, int? instalmentNumber = null, string? billingKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(explanation);
        ArgumentNullException.ThrowIfNull(vat);
        TradedServiceId = tradedServiceId;
        ServiceName = serviceName;
        Kind = kind;
        Explanation = explanation;
        CoversFrom = covers.Start;
        CoversTo = covers.End;
        Quantity = quantity;
        Unit = unit;
        Rate = rate;
        Net = vat.Net;
        Treatment = vat.Treatment;
        VatPercent = vat.RatePercent;
        Vat = vat.Vat;
        InstalmentNumber = instalmentNumber;
        BillingKey = billingKey;
    }

    public int Id { get; private set; }
    public int TradedServiceId { get; private set; }
    public string ServiceName { get; private set; }
    public RechargeLineKind Kind { get; private set; }
    public string Explanation { get; private set; }
    public DateOnly CoversFrom { get; private set; }
    public DateOnly CoversTo { get; private set; }
    public decimal? Quantity { get; private set; }
    public string? Unit { get; private set; }
    public Money? Rate { get; private set; }
    public Money Net { get; private set; }
    public VatTreatment Treatment { get; private set; }
    public decimal VatPercent { get; private set; }
    public Money Vat { get; private set; }
    public int? InstalmentNumber { get; private set; }

    /// <summary>
    /// For a line that bills a slice of time rather than activity (an instalment, or part of one), a key naming that
    /// slice: the database holds each key once, so the same instalment can never be on two invoices.
    /// </summary>
    public string? BillingKey { get; private set; }

    /// <summary>
    /// The activity records this line bills, in id order. Held on the line as one list rather than a row per record,
    /// so that a year's run over a million records writes thousands of rows, not a million. Issuing marks each record
    /// with the line and invoice, once only, which the database enforces.
    /// </summary>
    public IReadOnlyList<int> ActivityIds { get; private set; } = [];

    /// <summary>For a backdated adjustment, the issued lines it corrects and by how much.</summary>
    public IReadOnlyList<LineCorrectionLink> Corrects => _corrects;

    public Money Gross => Net + Vat;

    /// <summary>
    /// The total of the billed records' edit counts when the line was drafted. Issuing totals them again: a record
    /// corrected since the draft raises it, so the draft no longer says what it bills and is not issued.
    /// </summary>
    public int ActivityRevisions { get; private set; }

    /// <param name="revisions">The total of the records' edit counts as read for the draft.</param>
    public void Bills(IEnumerable<int> activityIds, int revisions)
    {
        ArgumentNullException.ThrowIfNull(activityIds);
        ActivityIds = [.. ActivityIds.Concat(activityIds).Distinct().Order()];
        ActivityRevisions += revisions;
    }

    public void CorrectsLines(IEnumerable<(int LineId, Money Difference)> corrections)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        _corrects.AddRange(corrections.Select(c => new LineCorrectionLink(c.LineId, c.Difference)));
    }

    /// <summary>The key of instalment <paramref name="number"/> of <paramref name="year"/> for a service, from <paramref name="from"/>.</summary>
    public static string InstalmentKey(int tradedServiceId, FinancialYear year, int number, DateOnly from) =>
        $"instalment:{tradedServiceId}:{year.StartYear}:{number}:{from:yyyy-MM-dd}";
    public DateRange Covers => new(CoversFrom, CoversTo);
}

/// <summary>An issued line a backdated adjustment corrects, and by how much.</summary>
public sealed record LineCorrectionLink(int CorrectedLineId, Money Difference);
