using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Audit;
using SharedServices.Core.Persistence;
using SharedServices.Core.Persistence.Configurations;
using SharedServices.Domain;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Recharging;

using SharedServices.Domain.Money;

/// <summary>Progress through a run: partnerships done out of those in scope.</summary>
public sealed record RechargeProgress(int PartnershipsDone, int PartnershipsInScope, string? Current);

/// <summary>What a run drafted, and the services it could not bill with the reason.</summary>
public sealed record RechargeOutcome(int RunId, int Drafts, int Lines, Money Total, IReadOnlyList<string> Problems);

/// <summary>
/// The month-end job: for a period and a scope (everything, one partnership or one provider), drafts the invoices
/// each provider sends each recipient, with one line or more per service, plus supplementary invoices (or credit
/// notes) for backdated rate changes to periods already issued. Re-running replaces only the period's drafts.
/// A run holds a lock key the database keeps unique, so the same run cannot be started twice at once; each draft
/// fills a slot (partnership, provider, recipient, period) and each instalment slice a key the database also keeps
/// unique, so runs over overlapping scopes cannot both draft them. Activity on another period's draft is left to it,
/// and issuing marks each record billed once only (see <see cref="Invoicing.InvoiceIssuer"/>), so nothing is billed twice.
/// Everything is drafted in one transaction: cancelled or failed, nothing is left half-written.
/// </summary>
public sealed class RechargeRuns(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock)
{
    public async Task<RechargeOutcome> RunAsync(RechargePeriod period, RechargeScope scope, int? scopeId, string startedBy,
        IProgress<RechargeProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var run = await StartAsync(period, scope, scopeId, startedBy, cancel);
        try
        {
            var outcome = await DraftAsync(run.Id, period, scope, scopeId, progress, cancel);
            await FinishAsync(run.Id, RechargeRunStatus.Completed,
                $"{outcome.Drafts:N0} draft{(outcome.Drafts == 1 ? "" : "s")}, {outcome.Lines:N0} line{(outcome.Lines == 1 ? "" : "s")}, {outcome.Total} net" +
                (outcome.Problems.Count > 0 ? $"; {outcome.Problems.Count:N0} service{(outcome.Problems.Count == 1 ? "" : "s")} not billed" : ""));
            return outcome;
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(run.Id, RechargeRunStatus.Cancelled, "Cancelled: nothing was drafted.");
            throw;
        }
        catch (Exception ex) when (ex.IsUniqueViolation())
        {
            await FinishAsync(run.Id, RechargeRunStatus.Failed, "Another run drafted some of the same activity at the same time: nothing was drafted.");
            throw new DomainException($"Another recharge run was drafting some of the same activity for {period} at the same time. Nothing was drafted by this run; look at that run's drafts.");
        }
        catch (Exception ex)
        {
            await FinishAsync(run.Id, RechargeRunStatus.Failed, $"Failed: nothing was drafted. {ex.Message}");
            throw;
        }
    }

    /// <summary>The latest runs, newest first.</summary>
    public async Task<IReadOnlyList<RechargeRun>> RecentAsync(int count = 20, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return await db.RechargeRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancel);
    }

    /// <summary>The drafts a run left (those not since issued or replaced by a re-run).</summary>
    public async Task<IReadOnlyList<int>> DraftsOfAsync(int runId, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return await db.Invoices.AsNoTracking().Where(i => i.RunId == runId && i.Number == null).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancel);
    }

    private async Task<RechargeRun> StartAsync(RechargePeriod period, RechargeScope scope, int? scopeId, string startedBy, CancellationToken cancel)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var run = new RechargeRun(period, scope, scopeId, startedBy, clock.GetUtcNow(), db.Caller.OrganisationId);
        db.RechargeRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            var running = await db.RechargeRuns.AsNoTracking().FirstOrDefaultAsync(r => r.LockKey == run.LockKey, cancel);
            throw new DomainException($"The recharge for {period} is already running" +
                (running is null ? "." : $", started by {running.StartedBy} at {UkTime.Show(running.StartedAtUtc)}.") + " Wait for it to finish.");
        }
        return run;
    }

    // Always saved, even when the caller's token is cancelled, so the lock is released.
    private async Task FinishAsync(int runId, RechargeRunStatus status, string summary)
    {
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        var run = await db.RechargeRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
        run.Finish(status, summary, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<RechargeOutcome> DraftAsync(int runId, RechargePeriod period, RechargeScope scope, int? scopeId,
        IProgress<RechargeProgress>? progress, CancellationToken cancel)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var partnerships = await InScopeAsync(db, scope, scopeId, cancel);
        var ids = partnerships.Select(p => p.Id).ToList();

        // Re-running a period replaces its drafts, and only its drafts. Deleting first makes the transaction's first
        // statement a write, so on SQLite it takes the write lock before reading anything another run may change.
        var periodDrafts = db.Invoices.Where(i => i.Number == null && ids.Contains(i.PartnershipId) && i.PeriodFrom == period.Dates.Start && i.PeriodTo == period.Dates.End);
        // The drafts about to be replaced, read before the transaction (see below) for the audit trail: the bulk
        // delete is not seen by the change tracker, so each replaced draft gets its own entry here.
        var replacing = await periodDrafts.AsNoTracking().Select(i => new { i.Id, i.PartnershipId, i.PeriodLabel, i.Kind }).ToListAsync(cancel);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var deleted = await periodDrafts.ExecuteDeleteAsync(cancel);
        foreach (var draft in replacing)
            db.AddAuditEntry(AuditAction.Deleted, draft.Kind == InvoiceKind.CreditNote ? AuditRecordNames.CreditNote : AuditRecordNames.Invoice,
                draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), draft.PartnershipId, null,
                $"Draft for {draft.PeriodLabel} (#{draft.Id}) deleted: replaced by recharge run #{runId}");
        if (deleted != replacing.Count)
            // Another run changed the period's drafts between the read and the delete: the count is still recorded.
            db.AddAuditEntry(AuditAction.Deleted, AuditRecordNames.Invoice, $"run {runId}", null, db.Caller.OrganisationId,
                $"Recharge run #{runId} replaced {deleted:N0} draft(s) for {period}; {replacing.Count:N0} were listed just before");

        var rates = new StandardVatRates((await db.StandardVatRates.AsNoTracking().ToListAsync(cancel)).OrderBy(r => r.From ?? DateOnly.MinValue));
        var inScope = partnerships.ToDictionary(p => p, p => p.Services.Where(s => scope != RechargeScope.Provider || s.ProviderId == scopeId).ToList());
        var data = await RechargeData.LoadAsync(db, inScope.Values.SelectMany(s => s).Select(s => s.Id).ToList(), period.FinancialYear, cancel);
        var builders = new List<DraftBuilder>();
        var problems = new List<string>();
        for (var p = 0; p < partnerships.Count; p++)
        {
            var partnership = partnerships[p];
            if (p % 10 == 0) progress?.Report(new RechargeProgress(p, partnerships.Count, partnership.Name));
            var builder = new DraftBuilder(runId, partnership, period, rates, data.Revisions);
            foreach (var service in inScope[partnership])
            {
                cancel.ThrowIfCancellationRequested();
                try
                {
                    if (await BillServiceAsync(db, data, builder, partnership, service, period, cancel) is { } warning)
                        problems.Add($"{partnership.Name}, {service.Name}: {warning}");
                }
                catch (DomainException ex)
                {
                    problems.Add($"{partnership.Name}, {service.Name}: {ex.Message}");
                }
            }
            builders.Add(builder);
        }
        var drafts = builders.SelectMany(b => b.Drafts).ToList();
        db.Invoices.AddRange(drafts);
        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
        progress?.Report(new RechargeProgress(partnerships.Count, partnerships.Count, null));
        return new RechargeOutcome(runId, drafts.Count, drafts.Sum(d => d.Lines.Count),
            drafts.Where(d => d.Kind != InvoiceKind.CreditNote).Aggregate(Money.Zero, (sum, d) => sum + d.Net)
            - drafts.Where(d => d.Kind == InvoiceKind.CreditNote).Aggregate(Money.Zero, (sum, d) => sum + d.Net),
            problems);
    }

    /// <returns>A warning about activity left unbilled, or null.</returns>
    private static async Task<string?> BillServiceAsync(SharedServicesDbContext db, RechargeData data, DraftBuilder builder, Partnership partnership,
        TradedService service, RechargePeriod period, CancellationToken cancel)
    {
        if (!data.Schedules.TryGetValue(service.Id, out var schedule) || schedule.Versions.Count == 0) return null;
        var changes = data.Vat[service.Id].ToList();
        if (changes.Count == 0)
            throw new DomainException("no VAT treatment is recorded; set one on the service's schedule of charges.");
        var vat = new VatTreatmentHistory(changes);

        var (start, end) = partnership.BillableDatesOf(service);
        var recharge = new ServiceRecharge(schedule, start, end);
        var lines = recharge.Lines(period, data.Unbilled[service.Id].ToList(), data.SoFar[service.Id]);
        foreach (var line in lines) builder.Add(service, schedule, vat, line);
        var outside = recharge.OutsideTheService(data.Unbilled[service.Id].Where(a => period.Dates.Contains(a.From)));
        var warning = outside.Count == 0 ? null
            : $"{outside.Count:N0} activity record{(outside.Count == 1 ? " is" : "s are")} dated " +
              (end is { } last && outside.Any(a => a.From > last) ? $"after the service ended on {DateText.Long(last)}" : $"before the service started on {DateText.Long(start!.Value)}") +
              ", so not billed; correct or delete them.";

        if (!data.MayNeedAdjusting.Contains(service.Id)) return warning;
        // The period's own lines come first under the year's cap; a backdated rise gets what room is left.
        var drafted = new Dictionary<FinancialYear, Money> { [period.FinancialYear] = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Net) };
        var adjustments = new BackdatedAdjustments(schedule).For(await BillingHistory.IssuedLinesAsync(db, service.Id, cancel), drafted);
        foreach (var adjustment in adjustments)
        {
            var firstLine = adjustment.Corrects[0].LineId;
            var invoiceId = await db.InvoiceLines.Where(l => l.Id == firstLine).Select(l => EF.Property<int>(l, "InvoiceId")).SingleAsync(cancel);
            builder.AddAdjustment(service, schedule, vat, adjustment, invoiceId);
        }
        return warning;
    }

    private static async Task<List<Partnership>> InScopeAsync(SharedServicesDbContext db, RechargeScope scope, int? scopeId, CancellationToken cancel)
    {
        var query = db.Partnerships.AsNoTracking().Include(p => p.Services).AsQueryable();
        query = scope switch
        {
            RechargeScope.Partnership => query.Where(p => p.Id == scopeId),
            RechargeScope.Provider => query.Where(p => p.Services.Any(s => s.ProviderId == scopeId)),
            _ => query,
        };
        var found = await query.OrderBy(p => p.Name).ToListAsync(cancel);
        if (scope == RechargeScope.Partnership && found.Count == 0) throw new DomainException("That partnership no longer exists.");
        return found;
    }
}
