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
    private InvoiceLine()
    {
        ServiceName = Explanation = null!;
    }

    public InvoiceLine(int tradedServiceId, string serviceName, RechargeLineKind kind, string explanation, DateRange covers,
        decimal? quantity, string? unit, Money? rate, LineVat vat, int? instalmentNumber = null)
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

    public Money Gross => Net + Vat;
    public DateRange Covers => new(CoversFrom, CoversTo);
}
