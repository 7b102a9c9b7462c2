namespace SharedServices.Core.Invoicing;

/// <summary>
/// The last number given in one provider's series (invoices, or credit notes) for one financial year. Issuing takes
/// the next number inside the same transaction as the issue, so a failed issue leaves no gap and two issues at once
/// wait for each other rather than sharing a number.
/// </summary>
public sealed class InvoiceSequence
{
    private InvoiceSequence()
    {
        Series = null!;
    }

    public InvoiceSequence(int providerId, string series, int financialYearStart)
    {
        ProviderId = providerId;
        Series = series;
        FinancialYearStart = financialYearStart;
    }

    public int ProviderId { get; private set; }
    public string Series { get; private set; }
    public int FinancialYearStart { get; private set; }
    public int LastNumber { get; private set; }
}
