using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Recharging;

using SharedServices.Domain.Money;

/// <summary>
/// Every issued line of one service with the activity behind it and the corrections made since, for reworking under
/// a backdated rate version. Read only for the services <see cref="RechargeData"/> finds may need it.
/// </summary>
internal static class BillingHistory
{
    /// <summary>The service's invoice lines with their invoice's number (null on a draft) and kind.</summary>
    private static IQueryable<ServiceLine> LinesOf(SharedServicesDbContext db, int serviceId) =>
        from line in db.InvoiceLines.AsNoTracking()
        join invoice in db.Invoices on EF.Property<int>(line, "InvoiceId") equals invoice.Id
        where line.TradedServiceId == serviceId
        select new ServiceLine { Number = invoice.Number, IssuedOn = invoice.IssuedOn, Kind = invoice.Kind, Line = line };

    // Built by member initialisation, not a constructor, so EF Core can still filter on it after the projection.
    private sealed class ServiceLine
    {
        public string? Number { get; init; }
        public DateOnly? IssuedOn { get; init; }
        public InvoiceKind Kind { get; init; }
        public InvoiceLine Line { get; init; } = null!;
    }

    /// <summary>Every issued line of the service that a backdated rate could change (and its true-ups), with when it was issued and the corrections made since.</summary>
    public static async Task<IReadOnlyList<BilledLine>> IssuedLinesAsync(SharedServicesDbContext db, int serviceId, CancellationToken cancel)
    {
        var issued = await LinesOf(db, serviceId).Where(x => x.Number != null && x.Kind != InvoiceKind.CreditNote).ToListAsync(cancel);
        var corrections = issued.SelectMany(x => x.Line.Corrects).GroupBy(c => c.CorrectedLineId)
            .ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, c) => sum + c.Difference));
        // Credit notes that adjusted a line (a fall in a backdated rate) correct it too.
        var credits = (await LinesOf(db, serviceId).Where(x => x.Number != null && x.Kind == InvoiceKind.CreditNote).ToListAsync(cancel))
            .SelectMany(x => x.Line.Corrects);
        foreach (var credit in credits)
            corrections[credit.CorrectedLineId] = corrections.GetValueOrDefault(credit.CorrectedLineId, Money.Zero) + credit.Difference;

        var activityIds = issued.SelectMany(x => x.Line.ActivityIds).ToList();
        var activity = await db.ActivityEntries.AsNoTracking().Where(e => activityIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, cancel);
        // True-ups are not reworked, but they count towards the year's total billed, which the cap holds corrections to.
        return issued.Where(x => x.Line.Kind is RechargeLineKind.Quantity or RechargeLineKind.Instalment or RechargeLineKind.FullCost or RechargeLineKind.TrueUp)
            .Select(x => new BilledLine(x.Line.Id, x.Number!, x.IssuedOn!.Value, x.Line.Kind, x.Line.Covers, x.Line.InstalmentNumber,
                x.Line.Net, corrections.GetValueOrDefault(x.Line.Id, Money.Zero),
                x.Line.ActivityIds.Select(id => activity[id])
                    .Select(e => new BillableActivity(e.Id, e.Details.From, e.Details.To, e.Details.Quantity, e.Details.Unit, e.Details.ActualCost))
                    .ToList()))
            .ToList();
    }
}
