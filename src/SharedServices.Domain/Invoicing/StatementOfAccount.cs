using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Invoicing;

using SharedServices.Domain.Money;

/// <summary>What one line of a statement of account records.</summary>
public enum StatementEntryKind
{
    Invoice,
    SupplementaryInvoice,
    CreditNote,
    Payment,
}

/// <summary>
/// One transaction on a statement of account: the day, what it was, its reference (the invoice or credit note
/// number, or the remittance reference of a payment), what it relates to, the amount charged (debit) or taken off
/// (credit), and the balance owed after it.
/// </summary>
public sealed record StatementEntry(DateOnly On, StatementEntryKind Kind, string? Reference, string Details, Money Debit, Money Credit, Money Balance);

/// <summary>
/// The statement of account one council (the provider) sends another (the recipient) for a date range: the balance
/// brought forward from everything before the range, each invoice, supplementary invoice, credit note and payment in
/// it with the running balance, and the balance carried forward. Only issued documents count; drafts are not owed.
/// </summary>
/// <remarks>
/// Invoices and supplementary invoices are debits at their gross on the day they were issued; credit notes are
/// credits at their gross on the day they were issued; payments are credits on the day they were received.
/// On one day, invoices and supplementary invoices come first (by number), then credit notes (by number), then
/// payments (by the number of the invoice paid, then reference): a credit note or payment can only follow the invoice
/// it settles, so this order never shows a balance in the recipient's favour that did not exist.
/// </remarks>
public sealed record StatementOfAccount(int ProviderId, string ProviderName, int RecipientId, string RecipientName, DateRange Period,
    Money OpeningBalance, IReadOnlyList<StatementEntry> Entries, Money ClosingBalance)
{
    /// <summary>The statement from <paramref name="invoices"/>; those not from the provider to the recipient, and drafts, are ignored.</summary>
    public static StatementOfAccount For((int Id, string Name) provider, (int Id, string Name) recipient, DateRange period, IEnumerable<Invoice> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        if (provider.Id == recipient.Id) throw new DomainException("Choose two different organisations: a council does not send a statement to itself.");
        var issued = invoices.Where(i => i.IsIssued && i.ProviderId == provider.Id && i.RecipientId == recipient.Id).ToList();
        var numbers = issued.DistinctBy(i => i.Id).ToDictionary(i => i.Id, i => i.Number!);

        var transactions = issued.Select(i => Document(i, numbers))
            .Concat(issued.Where(i => i.Kind != InvoiceKind.CreditNote)
                .SelectMany(i => i.Payments.Select(p => new Transaction(p.ReceivedOn, StatementEntryKind.Payment, p.Reference, $"Payment against {i.Number}",
                    Money.Zero, p.Amount, i.Number!))))
            .ToList();

        var opening = transactions.Where(t => t.On < period.Start).Aggregate(Money.Zero, (sum, t) => sum + t.Debit - t.Credit);
        var balance = opening;
        var entries = new List<StatementEntry>();
        foreach (var t in transactions.Where(t => period.Contains(t.On))
                     .OrderBy(t => t.On).ThenBy(t => Order(t.Kind)).ThenBy(t => t.SortKey, StringComparer.Ordinal).ThenBy(t => t.Reference, StringComparer.Ordinal))
        {
            balance += t.Debit - t.Credit;
            entries.Add(new StatementEntry(t.On, t.Kind, t.Reference, t.Details, t.Debit, t.Credit, balance));
        }
        return new StatementOfAccount(provider.Id, provider.Name, recipient.Id, recipient.Name, period, opening, entries, balance);
    }

    private sealed record Transaction(DateOnly On, StatementEntryKind Kind, string? Reference, string Details, Money Debit, Money Credit, string SortKey);

    private static Transaction Document(Invoice invoice, Dictionary<int, string> numbers)
    {
        var on = invoice.IssuedOn!.Value;
        var number = invoice.Number!;
        return invoice.Kind switch
        {
            InvoiceKind.CreditNote => new Transaction(on, StatementEntryKind.CreditNote, number,
                invoice.CorrectsInvoiceId is { } c && numbers.TryGetValue(c, out var corrects) ? $"Credit against {corrects}" : $"Credit, {invoice.PeriodLabel}",
                Money.Zero, invoice.Gross, number),
            InvoiceKind.Supplementary => new Transaction(on, StatementEntryKind.SupplementaryInvoice, number,
                invoice.CorrectsInvoiceId is { } s && numbers.TryGetValue(s, out var supplements) ? $"{invoice.PeriodLabel}, supplementing {supplements}" : invoice.PeriodLabel,
                invoice.Gross, Money.Zero, number),
            _ => new Transaction(on, StatementEntryKind.Invoice, number, invoice.PeriodLabel, invoice.Gross, Money.Zero, number),
        };
    }

    // Invoices (and supplementary invoices) before credit notes before payments on the same day.
    private static int Order(StatementEntryKind kind) => kind switch
    {
        StatementEntryKind.Invoice or StatementEntryKind.SupplementaryInvoice => 0,
        StatementEntryKind.CreditNote => 1,
        _ => 2,
    };
}
