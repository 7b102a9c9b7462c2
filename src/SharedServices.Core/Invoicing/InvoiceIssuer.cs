using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Audit;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;

namespace SharedServices.Core.Invoicing;

/// <summary>
/// Issues draft invoices: each takes the next number in its provider's series for the financial year of its issue
/// date, in the same transaction as the issue, so numbers have no gaps and are never shared. The activity each line
/// bills is marked with the number, which locks it; a credit note is applied to the invoice it corrects.
/// </summary>
public sealed class InvoiceIssuer(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>Issues the drafts in id order, all or none; returns their numbers.</summary>
    public async Task<IReadOnlyList<string>> IssueAsync(IReadOnlyList<int> invoiceIds, DateOnly? issuedOn = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceIds);
        var date = issuedOn ?? clock.Today();
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        // What each needs, read before the transaction so that its first statement is a write (see below).
        var drafts = await db.Invoices.AsNoTracking().Where(i => invoiceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Kind, i.ProviderId, i.RecipientId, i.Number }).OrderBy(i => i.Id).ToListAsync(cancel);
        if (drafts.Count != invoiceIds.Distinct().Count()) throw new DomainException("Some of those drafts no longer exist: a re-run may have replaced them. Nothing was issued.");
        if (drafts.FirstOrDefault(d => d.Number is not null) is { } done) throw new DomainException($"{done.Number} has already been issued. Nothing was issued.");
        // The parties as they are now go onto each invoice, which then shows them so for good; the provider's code
        // starts its number. Read once for all the drafts.
        var parties = await InvoicePartiesAsShown.CurrentAsync(db, drafts.SelectMany(d => new[] { d.ProviderId, d.RecipientId }).ToList(), cancel);
        // A credit note records a credit already agreed; dated ahead, it would count against what is owed today.
        if (date > clock.Today() && drafts.Any(d => d.Kind == InvoiceKind.CreditNote))
            throw new DomainException($"Issue date: a credit note cannot be dated in the future ({DateText.Long(date)}; today is {DateText.Long(clock.Today())}). Nothing was issued.");
        var year = FinancialYear.Containing(date);

        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var numbers = new List<string>();
        foreach (var draft in drafts)
        {
            // The sequence row is written first: on SQLite that takes the write lock before anything is read; on
            // PostgreSQL it locks the row, so a second issue for the same provider waits for this one to finish.
            var series = InvoiceNumbering.Series(draft.Kind);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "InvoiceSequences" ("ProviderId", "Series", "FinancialYearStart", "LastNumber") VALUES ({draft.ProviderId}, {series}, {year.StartYear}, 0) ON CONFLICT DO NOTHING""", cancel);
            var next = (await db.Database.SqlQuery<int>(
                $"""UPDATE "InvoiceSequences" SET "LastNumber" = "LastNumber" + 1 WHERE "ProviderId" = {draft.ProviderId} AND "Series" = {series} AND "FinancialYearStart" = {year.StartYear} RETURNING "LastNumber" AS "Value" """)
                .ToListAsync(cancel)).Single();

            var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == draft.Id, cancel);
            var number = InvoiceNumbering.Format(parties[draft.ProviderId].ShortCode, draft.Kind, year, next);
            invoice.Issue(number, date, new InvoiceParties(parties[draft.ProviderId], parties[draft.RecipientId]));
            var billed = await MarkActivityBilledAsync(db, invoice, number, cancel);
            // The number itself is recorded on the invoice's own entry (its Number field, before and after). Marking
            // the activity billed is a bulk update the change tracker does not see, so it has its own entry.
            if (billed > 0)
                db.AddAuditEntry(AuditAction.Updated, AuditRecordNames.Activity, number, invoice.PartnershipId, null,
                    $"{billed:N0} activity record{(billed == 1 ? "" : "s")} marked billed on {number}",
                    new Dictionary<string, string?> { ["BilledOnInvoice"] = null }, new Dictionary<string, string?> { ["BilledOnInvoice"] = number, ["Records"] = billed.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) });
            if (invoice.Kind == InvoiceKind.CreditNote)
            {
                var corrected = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == invoice.CorrectsInvoiceId, cancel);
                corrected.ApplyCredit(invoice);
            }
            numbers.Add(number);
        }
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Someone else issued or changed one of these invoices at the same moment. Nothing was issued.");
        }
        await transaction.CommitAsync(cancel);
        return numbers;
    }

    /// <summary>
    /// Locks each record the invoice's lines bill to its line and number. Only records still unbilled are marked (the
    /// database refuses to re-mark a billed one); then the marked records are counted and their edit counts totalled.
    /// If any was billed elsewhere, deleted or corrected since the run drafted it, the draft no longer says what it
    /// bills, so nothing is issued. Checked after the update, when the records are this transaction's to hold.
    /// </summary>
    /// <returns>How many records were marked.</returns>
    private static async Task<int> MarkActivityBilledAsync(SharedServicesDbContext db, Invoice invoice, string number, CancellationToken cancel)
    {
        var marked = 0;
        foreach (var line in invoice.Lines.Where(l => l.ActivityIds.Count > 0))
        {
            var ids = line.ActivityIds.ToArray();
            var lineId = line.Id;
            await db.ActivityEntries.Where(e => ids.Contains(e.Id) && e.BilledOnInvoice == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.BilledOnInvoice, number).SetProperty(e => e.BilledOnLineId, lineId), cancel);
            var onLine = await db.ActivityEntries.Where(e => e.BilledOnLineId == lineId)
                .GroupBy(e => 1).Select(g => new { Count = g.Count(), Revisions = g.Sum(e => EF.Property<int>(e, SharedServicesDbContext.VersionColumn)) })
                .SingleOrDefaultAsync(cancel);
            if (onLine?.Count != ids.Length || onLine.Revisions != line.ActivityRevisions)
                throw new DomainException($"Some of the activity on the draft for {invoice.PeriodLabel} ({line.ServiceName}) has been billed, corrected or deleted " +
                                          "since the recharge drafted it. Run the recharge for that period again to redraft it. Nothing was issued.");
            marked += onLine.Count;
        }
        return marked;
    }
}
