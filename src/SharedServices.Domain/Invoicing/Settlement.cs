namespace SharedServices.Domain.Invoicing;

using SharedServices.Domain.Money;

/// <summary>What one council billed another over a period: invoiced (after credits) and paid.</summary>
public sealed record OneWay(int FromId, string FromName, int ToId, string ToName, Money Invoiced, Money Credited, Money Paid)
{
    public Money Outstanding => Invoiced - Credited - Paid;
}

/// <summary>
/// The settlement statement between two councils that bill each other: what each invoiced the other, what has been
/// paid, and the single net amount one owes the other once the two balances are set against each other.
/// </summary>
public sealed record Settlement(OneWay AToB, OneWay BToA)
{
    /// <summary>Positive: B owes A; negative: A owes B.</summary>
    public Money NetOwedToA => AToB.Outstanding - BToA.Outstanding;

    public string Summary => NetOwedToA == Money.Zero
        ? $"{AToB.FromName} and {AToB.ToName} owe each other nothing: the balances are settled."
        : NetOwedToA > Money.Zero
            ? $"{AToB.ToName} owes {AToB.FromName} {NetOwedToA}."
            : $"{AToB.FromName} owes {AToB.ToName} {-NetOwedToA}.";

    /// <summary>The statement from the issued invoices and credit notes between <paramref name="a"/> and <paramref name="b"/> (others are ignored).</summary>
    public static Settlement Between((int Id, string Name) a, (int Id, string Name) b, IEnumerable<Invoice> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var issued = invoices.Where(i => i.IsIssued).ToList();
        OneWay Way((int Id, string Name) from, (int Id, string Name) to)
        {
            var between = issued.Where(i => i.ProviderId == from.Id && i.RecipientId == to.Id).ToList();
            var billed = between.Where(i => i.Kind != InvoiceKind.CreditNote).ToList();
            return new OneWay(from.Id, from.Name, to.Id, to.Name,
                billed.Aggregate(Money.Zero, (sum, i) => sum + i.Gross),
                between.Where(i => i.Kind == InvoiceKind.CreditNote).Aggregate(Money.Zero, (sum, i) => sum + i.Gross),
                billed.Aggregate(Money.Zero, (sum, i) => sum + i.Paid));
        }
        return new Settlement(Way(a, b), Way(b, a));
    }
}
