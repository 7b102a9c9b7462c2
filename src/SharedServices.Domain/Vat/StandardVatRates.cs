namespace SharedServices.Domain.Vat;

/// <summary>
/// The UK standard rate of VAT for a span of days. <paramref name="From"/> null means "since before any date we
/// bill"; <paramref name="To"/> (inclusive) null means "until further notice".
/// </summary>
public sealed record StandardVatRate(DateOnly? From, DateOnly? To, decimal Percent);

/// <summary>
/// The standard rate of VAT over time: reference data an administrator can edit, so it is built from a list and
/// checked to cover every day exactly once (no gaps, no overlaps) before any invoice line uses it.
/// </summary>
public sealed class StandardVatRates
{
    private readonly List<StandardVatRate> rates;

    public StandardVatRates(IEnumerable<StandardVatRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        this.rates = rates.OrderBy(r => r.From ?? DateOnly.MinValue).ToList();
        if (this.rates.Count == 0) throw new DomainException("VAT rates: enter at least one standard rate.");
        foreach (var rate in this.rates)
        {
            if (rate.Percent is < 0m or > 100m)
                throw new DomainException($"VAT rates: {rate.Percent}% from {Show(rate.From)} must be from 0% to 100%.");
            if (rate.From is { } from && rate.To is { } to && to < from)
                throw new DomainException($"VAT rates: the rate from {Show(rate.From)} ends on {Show(rate.To)}, before it starts.");
        }
        for (var i = 1; i < this.rates.Count; i++) CheckJoin(this.rates[i - 1], this.rates[i]);
    }

    /// <summary>The UK standard rates since 1991: 17.5%, the 2008/09 cut to 15%, back to 17.5%, then 20%.</summary>
    public static StandardVatRates UnitedKingdom { get; } = new(
    [
        new(null, new DateOnly(2008, 11, 30), 17.5m),
        new(new DateOnly(2008, 12, 1), new DateOnly(2009, 12, 31), 15m),
        new(new DateOnly(2010, 1, 1), new DateOnly(2011, 1, 3), 17.5m),
        new(new DateOnly(2011, 1, 4), null, 20m),
    ]);

    /// <summary>The rates, earliest first.</summary>
    public IReadOnlyList<StandardVatRate> Rates => rates;

    /// <summary>The standard rate (a percentage, e.g. 17.5) in force on <paramref name="date"/>.</summary>
    public decimal RateOn(DateOnly date)
    {
        var found = rates.FirstOrDefault(r => (r.From is null || r.From <= date) && (r.To is null || date <= r.To))
            ?? throw new DomainException($"VAT rates: no standard rate is recorded for {VatTreatmentHistory.Show(date)}.");
        return found.Percent;
    }

    private static void CheckJoin(StandardVatRate earlier, StandardVatRate later)
    {
        if (later.From is null)
            throw new DomainException("VAT rates: only the earliest rate may have no start date.");
        if (earlier.To is null)
            throw new DomainException(
                $"VAT rates: the rate from {Show(earlier.From)} has no end date but another starts on {Show(later.From)}.");
        var nextDay = earlier.To.Value.AddDays(1);
        if (later.From.Value > nextDay)
            throw new DomainException(
                $"VAT rates: no rate covers {Show(nextDay)} to {Show(later.From.Value.AddDays(-1))}.");
        if (later.From.Value < nextDay)
            throw new DomainException(
                $"VAT rates: the rates from {Show(earlier.From)} and from {Show(later.From)} overlap on {Show(later.From)}.");
    }

    private static string Show(DateOnly? date) => date is { } d ? VatTreatmentHistory.Show(d) : "the start";
}
