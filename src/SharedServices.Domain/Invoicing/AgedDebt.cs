namespace SharedServices.Domain.Invoicing;

using SharedServices.Domain.Money;

public enum DebtBand
{
    Current,
    Overdue1To30,
    Overdue31To60,
    Overdue61To90,
    OverdueOver90,
}

/// <summary>An amount outstanding on one invoice, owed by <see cref="RecipientId"/>, falling due on <see cref="DueOn"/>.</summary>
public sealed record Debt(int RecipientId, string RecipientName, string InvoiceNumber, DateOnly DueOn, Money Outstanding);

/// <summary>One recipient's debt by how long it has been overdue.</summary>
public sealed record AgedDebtRow(int RecipientId, string RecipientName, IReadOnlyDictionary<DebtBand, Money> Bands)
{
    public Money Total => Bands.Values.Aggregate(Money.Zero, (sum, m) => sum + m);

    public Money this[DebtBand band] => Bands.GetValueOrDefault(band, Money.Zero);
}

/// <summary>
/// Aged debt as councils report it: what each recipient owes, in the bands current (not yet due), 1–30, 31–60,
/// 61–90 and over 90 days overdue on the report's date. An invoice due today is current; tomorrow it is 1 day overdue.
/// </summary>
public static class AgedDebt
{
    public static readonly IReadOnlyList<DebtBand> Bands = Enum.GetValues<DebtBand>();

    public static string Label(DebtBand band) => band switch
    {
        DebtBand.Current => "Current",
        DebtBand.Overdue1To30 => "1–30 days",
        DebtBand.Overdue31To60 => "31–60 days",
        DebtBand.Overdue61To90 => "61–90 days",
        _ => "Over 90 days",
    };

    public static DebtBand BandOf(DateOnly dueOn, DateOnly asOf) => (asOf.DayNumber - dueOn.DayNumber) switch
    {
        <= 0 => DebtBand.Current,
        <= 30 => DebtBand.Overdue1To30,
        <= 60 => DebtBand.Overdue31To60,
        <= 90 => DebtBand.Overdue61To90,
        _ => DebtBand.OverdueOver90,
    };

    /// <summary>The rows, one per recipient owing anything, by name.</summary>
    public static IReadOnlyList<AgedDebtRow> On(DateOnly asOf, IEnumerable<Debt> debts)
    {
        ArgumentNullException.ThrowIfNull(debts);
        return debts.Where(d => d.Outstanding != Money.Zero)
            .GroupBy(d => (d.RecipientId, d.RecipientName))
            .OrderBy(g => g.Key.RecipientName, StringComparer.OrdinalIgnoreCase)
            .Select(g => new AgedDebtRow(g.Key.RecipientId, g.Key.RecipientName,
                g.GroupBy(d => BandOf(d.DueOn, asOf)).ToDictionary(b => b.Key, b => b.Aggregate(Money.Zero, (sum, d) => sum + d.Outstanding))))
            .ToList();
    }
}
