using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;

namespace SharedServices.Core.Invoicing;

using SharedServices.Domain.Money;

/// <summary>Which invoices to list; every filter is optional.</summary>
/// <param name="IssuedIn">Only those issued in this financial year (whatever period they bill), as the dashboard counts them.</param>
/// <param name="Money">Only those with something paid, or with something still outstanding.</param>
public sealed record InvoiceFilter(int? OrganisationId = null, int? PartnershipId = null, DateOnly? PeriodFrom = null, DateOnly? PeriodTo = null,
    InvoiceStatus? Status = null, bool OverdueOnly = false, FinancialYear? IssuedIn = null, MoneyFilter Money = MoneyFilter.Any,
    int? CreditNotesOf = null)
{
    /// <summary>The filters worked out per invoice on the day asked about (the rest are applied by the database).</summary>
    public bool Admits(InvoiceStatus status, int daysOverdue, Money paid, Money outstanding) =>
        (Status is null || status == Status)
        && (!OverdueOnly || daysOverdue > 0)
        && Money switch
        {
            MoneyFilter.SomethingPaid => paid > Domain.Money.Money.Zero,
            MoneyFilter.SomethingOutstanding => outstanding > Domain.Money.Money.Zero,
            _ => true,
        };
}

/// <summary>Invoices by the money against them.</summary>
public enum MoneyFilter
{
    Any,
    /// <summary>Some or all of it paid.</summary>
    SomethingPaid,
    /// <summary>Some or all of it still owed.</summary>
    SomethingOutstanding,
}

/// <summary>One invoice in a list, with what is still owed and how late it is on the day asked about.</summary>
public sealed record InvoiceSummary(int Id, int Version, string? Number, InvoiceKind Kind, InvoiceStatus Status, string PartnershipName,
    int ProviderId, string ProviderName, int RecipientId, string RecipientName, string PeriodLabel, DateOnly? IssuedOn, DateOnly? DueOn, Money Gross, Money Paid,
    Money Credited, Money Outstanding, int DaysOverdue);

/// <summary>
/// One invoice in full for its page: the invoice with lines and payments, who is billing whom under which
/// partnership, the invoice it corrects (for a credit note or supplementary invoice), and the credit notes against it.
/// </summary>
/// <remarks>
/// The parties as the invoice shows them: for an issued invoice as they were on issue, for a draft as they are now.
/// </remarks>
public sealed record InvoiceDetail(Invoice Invoice, int Version, string PartnershipCode, string PartnershipName, InvoiceParty Provider,
    InvoiceParty Recipient, string? CorrectsNumber, IReadOnlyList<InvoiceSummary> CreditNotes)
{
    public string ProviderName => Provider.Name;
    public string RecipientName => Recipient.Name;
}

/// <summary>This financial year's money: invoiced (net of credits), paid and outstanding.</summary>
public sealed record YearTotals(FinancialYear Year, Money Invoiced, Money Paid, Money Outstanding);

/// <summary>
/// The money side of the invoices: the lists finance officers filter, aged debt per recipient, the settlement
/// statement between two councils, the statement of account one sends another, and the year's totals for the dashboard. Status and lateness are worked out from
/// each invoice (not stored), so they are always those of the day asked about.
/// </summary>
public sealed class Receivables(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<InvoiceSummary>> ListAsync(InvoiceFilter filter, DateOnly? asOf = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = asOf ?? clock.Today();
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var invoices = await Filtered(db, filter).Select(i => new { Invoice = i, Version = EF.Property<int>(i, SharedServicesDbContext.VersionColumn) }).ToListAsync(cancel);
        // Only the names these invoices need: a national register holds thousands of partnerships, and the dashboard's
        // year figures come through here on every view.
        var organisationIds = invoices.SelectMany(x => new[] { x.Invoice.ProviderId, x.Invoice.RecipientId }).Distinct().ToList();
        var partnershipIds = invoices.Select(x => x.Invoice.PartnershipId).Distinct().ToList();
        var names = organisationIds.Count == 0 ? [] : await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancel);
        var partnerships = partnershipIds.Count == 0 ? [] : await db.Partnerships.AsNoTracking().Where(p => partnershipIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancel);
        return invoices
            .Select(x => Summary(x.Invoice, x.Version, names, partnerships, today))
            .Where(s => filter.Admits(s.Status, s.DaysOverdue, s.Paid, s.Outstanding))
            .OrderBy(s => s.Number is null ? 0 : 1).ThenByDescending(s => s.IssuedOn).ThenBy(s => s.Number, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The register's rows for the invoices <paramref name="filter"/> matches, read from the database one at a time
    /// (a register can run to tens of thousands): drafts first, then in order of issue.
    /// </summary>
    public async IAsyncEnumerable<InvoiceRegisterRow> RegisterAsync(InvoiceFilter filter, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancel);
        var partnerships = await db.Partnerships.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancel);
        var invoices = Filtered(db, filter)
            .OrderBy(i => i.Number == null ? 0 : 1).ThenBy(i => i.IssuedOn).ThenBy(i => i.Number).ThenBy(i => i.Id)
            .AsAsyncEnumerable();
        await foreach (var invoice in invoices.WithCancellation(cancel))
        {
            var row = InvoiceRegisterRow.Of(invoice, partnerships.GetValueOrDefault(invoice.PartnershipId, ""),
                names.GetValueOrDefault(invoice.ProviderId, ""), names.GetValueOrDefault(invoice.RecipientId, ""), asOf);
            if (filter.Admits(row.Status, row.DaysOverdue, row.Paid, row.Outstanding)) yield return row;
        }
    }

    /// <summary>Invoices with their lines (and payments), narrowed by the filters the database can apply; status and lateness are worked out after.</summary>
    private static IQueryable<Invoice> Filtered(SharedServicesDbContext db, InvoiceFilter filter)
    {
        var query = db.Invoices.AsNoTracking().Include(i => i.Lines).AsQueryable();
        if (filter.OrganisationId is { } org) query = query.Where(i => i.ProviderId == org || i.RecipientId == org);
        if (filter.PartnershipId is { } partnership) query = query.Where(i => i.PartnershipId == partnership);
        if (filter.PeriodFrom is { } from) query = query.Where(i => i.PeriodTo >= from);
        if (filter.PeriodTo is { } to) query = query.Where(i => i.PeriodFrom <= to);
        if (filter.CreditNotesOf is { } credited) query = query.Where(i => i.Kind == InvoiceKind.CreditNote && i.CorrectsInvoiceId == credited);
        if (filter.IssuedIn is { } year)
        {
            var (first, last) = (year.Dates.Start, year.Dates.End);
            query = query.Where(i => i.Number != null && i.IssuedOn >= first && i.IssuedOn <= last);
        }
        return query;
    }

    /// <summary>The invoice with <paramref name="id"/>, or null when there is none.</summary>
    public async Task<InvoiceDetail?> FindAsync(int id, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var found = await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.Id == id)
            .Select(i => new { Invoice = i, Version = EF.Property<int>(i, SharedServicesDbContext.VersionColumn) }).SingleOrDefaultAsync(cancel);
        if (found is null) return null;
        var invoice = found.Invoice;
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == invoice.PartnershipId).Select(p => new { p.Code, p.Name }).SingleAsync(cancel);
        var parties = await InvoicePartiesAsShown.ForAsync(db, invoice, cancel);
        var corrects = invoice.CorrectsInvoiceId is { } c
            ? await db.Invoices.AsNoTracking().Where(i => i.Id == c).Select(i => i.Number).SingleOrDefaultAsync(cancel)
            : null;
        var credits = await ListAsync(new InvoiceFilter(CreditNotesOf: id), cancel: cancel);
        return new InvoiceDetail(invoice, found.Version, partnership.Code, partnership.Name, parties.Provider, parties.Recipient,
            corrects, credits);
    }

    /// <summary>What each recipient owes <paramref name="providerId"/> (or anyone), by how overdue, on <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlyList<AgedDebtRow>> AgedDebtAsync(DateOnly? asOf = null, int? providerId = null, CancellationToken cancel = default)
    {
        var today = asOf ?? clock.Today();
        return AgedDebt.On(today, await DebtsAsync(today, providerId, cancel));
    }

    /// <summary>Each issued invoice with money outstanding to <paramref name="providerId"/> (or anyone) on <paramref name="asOf"/>: what aged debt adds up.</summary>
    public async Task<IReadOnlyList<Debt>> DebtsAsync(DateOnly asOf, int? providerId = null, CancellationToken cancel = default)
    {
        var owing = await ListAsync(new InvoiceFilter(OrganisationId: providerId), asOf, cancel);
        return owing
            .Where(s => s.Outstanding > Money.Zero && s.DueOn is not null && (providerId is null || s.ProviderId == providerId))
            .Select(s => new Debt(s.RecipientId, s.RecipientName, s.Number!, s.DueOn!.Value, s.Outstanding))
            .ToList();
    }

    /// <summary>The settlement statement between two organisations, over invoices for periods touching <paramref name="from"/>–<paramref name="to"/>.</summary>
    public async Task<Settlement> SettlementAsync(int organisationA, int organisationB, DateOnly from, DateOnly to, CancellationToken cancel = default)
    {
        if (organisationA == organisationB) throw new DomainException("Choose two different organisations.");
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        // Between two other councils a person would see no invoices and so be told, wrongly, that all is settled.
        if (!db.Caller.ActsFor(organisationA) && !db.Caller.ActsFor(organisationB))
            throw new DomainException("Choose your own organisation as one of the two: a settlement between two other councils is theirs to see.");
        var names = await NamesOfBothAsync(db, organisationA, organisationB, cancel);
        var invoices = await IssuedBetween(db, organisationA, organisationB, from, to).ToListAsync(cancel);
        return Settlement.Between((organisationA, names[organisationA]), (organisationB, names[organisationB]), invoices);
    }

    /// <summary>The two organisations' names by id; refused when either no longer exists.</summary>
    private static async Task<Dictionary<int, string>> NamesOfBothAsync(SharedServicesDbContext db, int a, int b, CancellationToken cancel)
    {
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == a || o.Id == b).ToDictionaryAsync(o => o.Id, o => o.Name, cancel);
        return names.Count < 2 ? throw new DomainException("One of those organisations no longer exists.") : names;
    }

    /// <summary>The issued invoices and credit notes either organisation sent the other for periods touching <paramref name="from"/>–<paramref name="to"/>, with their lines.</summary>
    internal static IQueryable<Invoice> IssuedBetween(SharedServicesDbContext db, int organisationA, int organisationB, DateOnly from, DateOnly to) =>
        db.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => i.Number != null && i.PeriodTo >= from && i.PeriodFrom <= to
                        && ((i.ProviderId == organisationA && i.RecipientId == organisationB) || (i.ProviderId == organisationB && i.RecipientId == organisationA)));

    /// <summary>
    /// The statement of account <paramref name="providerId"/> sends <paramref name="recipientId"/> for
    /// <paramref name="from"/>–<paramref name="to"/>: everything issued before it makes the balance brought forward.
    /// </summary>
    public async Task<StatementOfAccount> StatementAsync(int providerId, int recipientId, DateOnly from, DateOnly to, CancellationToken cancel = default)
    {
        if (providerId == recipientId) throw new DomainException("Choose two different organisations: a council does not send a statement to itself.");
        if (from > to) throw new DomainException($"The statement cannot start ({DateText.Long(from)}) after it ends ({DateText.Long(to)}).");
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var names = await NamesOfBothAsync(db, providerId, recipientId, cancel);
        // Payments are never received before their invoice is issued, so invoices issued after the range have nothing on it.
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => i.Number != null && i.ProviderId == providerId && i.RecipientId == recipientId && i.IssuedOn <= to)
            .ToListAsync(cancel);
        return StatementOfAccount.For((providerId, names[providerId]), (recipientId, names[recipientId]), new DateRange(from, to), invoices);
    }

    /// <summary>
    /// What was invoiced in <paramref name="year"/> (by the day issued, whatever period it bills, so an invoice for
    /// March issued in April counts in the new year), less the credit notes issued in it; what has been paid on
    /// those invoices and what is still outstanding on them. The dashboard links each figure to the same list.
    /// </summary>
    public async Task<YearTotals> YearTotalsAsync(FinancialYear year, CancellationToken cancel = default)
    {
        var issued = await ListAsync(new InvoiceFilter(IssuedIn: year), cancel: cancel);
        var billed = issued.Where(i => i.Kind != InvoiceKind.CreditNote).ToList();
        var credits = issued.Where(i => i.Kind == InvoiceKind.CreditNote).Aggregate(Money.Zero, (sum, i) => sum + i.Gross);
        return new YearTotals(year, billed.Aggregate(Money.Zero, (sum, i) => sum + i.Gross) - credits,
            billed.Aggregate(Money.Zero, (sum, i) => sum + i.Paid), billed.Aggregate(Money.Zero, (sum, i) => sum + i.Outstanding));
    }

    private static InvoiceSummary Summary(Invoice i, int version, Dictionary<int, string> names, Dictionary<int, string> partnerships, DateOnly today) =>
        new(i.Id, version, i.Number, i.Kind, i.Status, partnerships.GetValueOrDefault(i.PartnershipId, ""), i.ProviderId, names.GetValueOrDefault(i.ProviderId, ""),
            i.RecipientId, names.GetValueOrDefault(i.RecipientId, ""), i.PeriodLabel, i.IssuedOn, i.DueOn, i.Gross, i.Paid, i.Credited, i.Outstanding,
            i.DueOn is { } due && i.Outstanding > Money.Zero ? Math.Max(0, today.DayNumber - due.DayNumber) : 0);
}
