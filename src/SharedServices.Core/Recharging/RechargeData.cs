using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Core.Persistence.Configurations;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Recharging;

using SharedServices.Domain.Money;

/// <summary>
/// Everything a run needs about the services in its scope, read in a handful of queries for all of them at once
/// rather than several per service: schedules, VAT treatments, unbilled activity in the financial year, and what
/// the year has billed so far. Issued lines with their activity are read only for the services where a rate
/// version was entered after one of their invoices was issued: the only ones a backdated change can touch.
/// </summary>
internal sealed class RechargeData
{
    public required IReadOnlyDictionary<int, ChargeSchedule> Schedules { get; init; }
    public required ILookup<int, VatTreatmentChange> Vat { get; init; }
    public required ILookup<int, BillableActivity> Unbilled { get; init; }
    public required IReadOnlyDictionary<int, YearToDate> SoFar { get; init; }
    public required IReadOnlySet<int> MayNeedAdjusting { get; init; }

    /// <summary>The edit count of each unbilled record that has one (most have none), for <see cref="InvoiceLine.ActivityRevisions"/>.</summary>
    public required IReadOnlyDictionary<int, int> Revisions { get; init; }

    public static async Task<RechargeData> LoadAsync(SharedServicesDbContext db, IReadOnlyCollection<int> serviceIds, FinancialYear year, CancellationToken cancel)
    {
        var ids = serviceIds.ToList();
        var schedules = await db.ChargeSchedules.AsNoTracking().Include(s => s.Versions)
            .Where(s => ids.Contains(s.TradedServiceId)).ToDictionaryAsync(s => s.TradedServiceId, cancel);
        var vat = (await db.ServiceVatTreatments.AsNoTracking()
                .Where(c => ids.Contains(EF.Property<int>(c, ServiceVatTreatmentConfiguration.ServiceKey)))
                .Select(c => new { ServiceId = EF.Property<int>(c, ServiceVatTreatmentConfiguration.ServiceKey), Change = c })
                .ToListAsync(cancel))
            .ToLookup(x => x.ServiceId, x => x.Change);

        // Activity on another period's draft is left to that draft (this period's drafts were deleted before this read).
        var onDrafts = (await (from line in db.InvoiceLines.AsNoTracking()
                               join invoice in db.Invoices on EF.Property<int>(line, "InvoiceId") equals invoice.Id
                               where ids.Contains(line.TradedServiceId) && invoice.Number == null
                               select line.ActivityIds).ToListAsync(cancel))
            .SelectMany(a => a).ToHashSet();
        var unbilled = new List<(int ServiceId, BillableActivity Activity)>();
        var revisions = new Dictionary<int, int>();
        await foreach (var e in db.ActivityEntries.AsNoTracking()
                           .Where(e => ids.Contains(e.TradedServiceId) && e.BilledOnInvoice == null
                                       && e.Details.From >= year.Dates.Start && e.Details.From <= year.Dates.End)
                           .Select(e => new { e.Id, e.TradedServiceId, e.Details.From, e.Details.To, e.Details.Quantity, e.Details.Unit, e.Details.ActualCost,
                               Revision = EF.Property<int>(e, SharedServicesDbContext.VersionColumn) })
                           .AsAsyncEnumerable().WithCancellation(cancel))
        {
            if (onDrafts.Contains(e.Id)) continue;
            unbilled.Add((e.TradedServiceId, new BillableActivity(e.Id, e.From, e.To, e.Quantity, e.Unit, e.ActualCost)));
            if (e.Revision != 0) revisions.Add(e.Id, e.Revision);
        }

        // Every line of these services (draft or issued), without its activity: enough for the year so far and to
        // see which services a version entered after an issue could change.
        var all = await (from line in db.InvoiceLines.AsNoTracking()
                         join invoice in db.Invoices on EF.Property<int>(line, "InvoiceId") equals invoice.Id
                         where ids.Contains(line.TradedServiceId)
                         select new
                         {
                             line.TradedServiceId, line.Kind, line.Net, line.InstalmentNumber, line.CoversFrom, line.CoversTo,
                             Issued = invoice.Number != null, invoice.IssuedOn, Credit = invoice.Kind == InvoiceKind.CreditNote,
                         }).ToListAsync(cancel);
        var lines = all.Where(l => !l.Credit).ToList();
        // Issued credit notes' lines for the year (stored positive) take back what they credit, so the year's charged
        // total towards the cap is what the recipient was really charged: after a backdated fall is credited, the
        // room left under the cap grows by the credit.
        var credited = all.Where(l => l.Credit && l.Issued && year.Dates.Contains(l.CoversFrom))
            .ToLookup(l => l.TradedServiceId, l => l.Net);
        var trued = (await (from line in db.InvoiceLines.AsNoTracking()
                            join invoice in db.Invoices on EF.Property<int>(line, "InvoiceId") equals invoice.Id
                            where ids.Contains(line.TradedServiceId) && line.Kind == RechargeLineKind.TrueUp && invoice.Number != null
                                  && line.CoversFrom >= year.Dates.Start && line.CoversFrom <= year.Dates.End
                            join entry in db.ActivityEntries on (int?)line.Id equals entry.BilledOnLineId
                            select new { line.TradedServiceId, entry.Details.ActualCost }).ToListAsync(cancel))
            .ToLookup(x => x.TradedServiceId, x => x.ActualCost ?? Money.Zero);

        var inYear = lines.Where(l => year.Dates.Contains(l.CoversFrom)).ToLookup(l => l.TradedServiceId);
        var soFar = ids.ToDictionary(id => id, id =>
        {
            var issued = inYear[id].Where(l => l.Issued).ToList();
            return new YearToDate(Sum(issued.Select(l => l.Net)) - Sum(credited[id]),
                Sum(issued.Where(l => l.Kind is RechargeLineKind.Instalment or RechargeLineKind.TrueUp).Select(l => l.Net)))
            {
                BilledInstalments = inYear[id].Where(l => l.Kind == RechargeLineKind.Instalment && l.InstalmentNumber is not null)
                    .Select(l => l.InstalmentNumber!.Value).ToHashSet(),
                OutturnAlreadyTrued = Sum(trued[id]),
            };
        });

        var issuedByService = lines.Where(l => l.Issued).ToLookup(l => l.TradedServiceId);
        var mayNeedAdjusting = schedules.Values
            .Where(s => s.Versions.Any(v => issuedByService[s.TradedServiceId].Any(l => v.EnteredOn > l.IssuedOn && l.CoversTo >= v.EffectiveFrom)))
            .Select(s => s.TradedServiceId).ToHashSet();
        return new RechargeData { Schedules = schedules, Vat = vat, Unbilled = unbilled.ToLookup(u => u.ServiceId, u => u.Activity), SoFar = soFar, MayNeedAdjusting = mayNeedAdjusting, Revisions = revisions };
    }

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (sum, m) => sum + m);
}
