namespace SharedServices.Domain.Vat;

/// <summary>
/// VAT on one invoice line: the net amount, the rate used, the VAT rounded to the penny (half away from zero) on
/// this line alone, and the gross. An invoice's VAT is the sum of its lines' VAT, so the workbook adds up.
/// </summary>
public sealed record LineVat(Money.Money Net, VatTreatment Treatment, decimal RatePercent, Money.Money Vat)
{
    public Money.Money Gross => Net + Vat;

    /// <summary>
    /// VAT for a line with <paramref name="net"/> under <paramref name="treatment"/>, at the rate in force on the
    /// tax point date. Outside the scope, exempt and zero-rated lines carry no VAT.
    /// </summary>
    public static LineVat For(Money.Money net, VatTreatment treatment, DateOnly taxPoint, StandardVatRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var percent = treatment switch
        {
            VatTreatment.OutsideTheScope or VatTreatment.Exempt or VatTreatment.ZeroRated => 0m,
            VatTreatment.StandardRated => rates.RateOn(taxPoint),
            _ => throw new DomainException($"VAT treatment: {(int)treatment} is not a treatment this product knows."),
        };
        return new LineVat(net, treatment, percent, net.Times(percent / 100m));
    }

    /// <summary>The same, with the service's treatment looked up on the tax point date.</summary>
    public static LineVat For(Money.Money net, VatTreatmentHistory service, DateOnly taxPoint, StandardVatRates rates)
    {
        ArgumentNullException.ThrowIfNull(service);
        return For(net, service.TreatmentOn(taxPoint), taxPoint, rates);
    }
}
