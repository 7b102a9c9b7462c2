using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Charging;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Organisations;

namespace SharedServices.Core.Invoicing;

using SharedServices.Domain.Money;

/// <summary>
/// One activity record an invoice billed, with where it came from: the import file and row, or nothing when it was
/// entered by hand; and who entered (or last corrected) it and when, in UTC.
/// </summary>
public sealed record InvoicedActivity(
    DateOnly From, DateOnly To, string ServiceName, decimal? Quantity, string? Unit, Money? ActualCost,
    string? Description, string? Reference, string? ImportFileName, string EnteredBy, DateTime EnteredAtUtc, int? ImportRow = null)
{
    public string Source => ImportFileName is null ? "Entered by hand"
        : ImportRow is { } row ? $"Imported from {ImportFileName}, row {row:N0}" : $"Imported from {ImportFileName}";
}

/// <summary>A version of a service's schedule of charges that one or more of the invoice's lines were charged under.</summary>
public sealed record AppliedRate(string ServiceName, DateOnly EffectiveFrom, DateOnly EnteredOn, string Basis, Money? Rate, bool IsBackdated);

/// <summary>Where a service's charges are posted, for the recipient's accounts payable team.</summary>
public sealed record ServicePosting(string ServiceName, PostingDetails Posting);

/// <summary>Everything the Excel workbook of one issued invoice (or credit note) shows.</summary>
public sealed record InvoiceWorkbookData(
    Invoice Invoice,
    InvoiceParty Provider,
    InvoiceParty Recipient,
    string PartnershipName,
    string PartnershipCode,
    string? CorrectsInvoiceNumber,
    IReadOnlyList<InvoicedActivity> Activity,
    IReadOnlyList<AppliedRate> Rates,
    IReadOnlyList<ServicePosting> Posting)
{
    /// <summary>
    /// The versions of <paramref name="schedule"/> the lines were charged under, earliest first: for each use, those
    /// in force on any day it covers, counting only versions entered by <see cref="RateUse.KnownOn"/> when it is
    /// given (so a backdated correction shows the rate first billed as well as the one that replaced it).
    /// </summary>
    public static IEnumerable<AppliedRate> RatesApplied(string serviceName, ChargeSchedule schedule, IEnumerable<RateUse> uses)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(uses);
        var applied = new HashSet<RateVersion>(ReferenceEqualityComparer.Instance);
        foreach (var use in uses)
        {
            var versions = schedule.Versions.Where(v => use.KnownOn is not { } known || v.EnteredOn <= known).ToList();
            for (var i = 0; i < versions.Count; i++)
            {
                var last = i + 1 < versions.Count ? versions[i + 1].EffectiveFrom.AddDays(-1) : schedule.ServiceEnd ?? DateOnly.MaxValue;
                if (last >= versions[i].EffectiveFrom && use.Covers.Overlaps(new DateRange(versions[i].EffectiveFrom, last))) applied.Add(versions[i]);
            }
        }
        return schedule.Versions.Where(applied.Contains).Select(v => new AppliedRate(serviceName, v.EffectiveFrom, v.EnteredOn,
            ChargeText.Basis(v.Basis, v.Basis.Rate), v.Basis.Rate, v.IsBackdated));
    }
}

/// <summary>Days a line charged for, and for a correction of lines already issued, the day those were issued.</summary>
public sealed record RateUse(DateRange Covers, DateOnly? KnownOn = null);

/// <summary>Reads what an issued invoice's workbook needs, and writes the workbook.</summary>
public sealed class InvoiceWorkbooks(IDbContextFactory<SharedServicesDbContext> contextFactory)
{
    /// <summary>Writes the workbook of issued invoice <paramref name="invoiceId"/> to <paramref name="output"/>; returns its file name.</summary>
    public async Task<string> WriteAsync(int invoiceId, Stream output, CancellationToken cancel = default)
    {
        var data = await LoadAsync(invoiceId, cancel);
        InvoiceWorkbook.Write(data, output);
        return InvoiceWorkbook.FileName(data.Invoice.Number!);
    }

    public async Task<InvoiceWorkbookData> LoadAsync(int invoiceId, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == invoiceId, cancel)
            ?? throw new DomainException("That invoice no longer exists.");
        if (!invoice.IsIssued)
            throw new DomainException("A draft has no number yet: issue it before sending its workbook.");

        // As the invoice was issued, not as the councils are now.
        var parties = await InvoicePartiesAsShown.ForAsync(db, invoice, cancel);
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == invoice.PartnershipId)
            .Select(p => new { p.Name, p.Code }).SingleAsync(cancel);
        var corrects = invoice.CorrectsInvoiceId is { } correctsId
            ? await db.Invoices.AsNoTracking().Where(i => i.Id == correctsId).Select(i => i.Number).SingleAsync(cancel)
            : null;

        // Each service by the name the invoice billed it under.
        var serviceNames = invoice.Lines.GroupBy(l => l.TradedServiceId).ToDictionary(g => g.Key, g => g.First().ServiceName);
        var serviceIds = serviceNames.Keys.ToList();
        var schedules = await db.ChargeSchedules.AsNoTracking().Include(s => s.Versions)
            .Where(s => serviceIds.Contains(s.TradedServiceId)).ToListAsync(cancel);
        var ordered = schedules.OrderBy(s => serviceNames[s.TradedServiceId], StringComparer.OrdinalIgnoreCase).ToList();
        var uses = await RateUsesAsync(db, invoice, cancel);
        var rates = ordered.SelectMany(s => InvoiceWorkbookData.RatesApplied(serviceNames[s.TradedServiceId], s, uses[s.TradedServiceId])).ToList();
        var posting = ordered.Where(s => s.Posting != PostingDetails.None)
            .Select(s => new ServicePosting(serviceNames[s.TradedServiceId], s.Posting)).ToList();

        return new InvoiceWorkbookData(invoice, parties.Provider, parties.Recipient, partnership.Name, partnership.Code,
            corrects, await ActivityAsync(db, invoice, cancel), rates, posting);
    }

    /// <summary>Per service, the days each line covers; for a backdated correction also the lines it corrects, as of their issue.</summary>
    private static async Task<Dictionary<int, List<RateUse>>> RateUsesAsync(SharedServicesDbContext db, Invoice invoice, CancellationToken cancel)
    {
        var correctedIds = invoice.Lines.SelectMany(l => l.Corrects).Select(c => c.CorrectedLineId).Distinct().ToList();
        var corrected = correctedIds.Count == 0
            ? new Dictionary<int, RateUse>()
            : await db.InvoiceLines.AsNoTracking().Where(l => correctedIds.Contains(l.Id))
                .Join(db.Invoices, l => EF.Property<int>(l, "InvoiceId"), i => i.Id, (l, i) => new { l.Id, l.CoversFrom, l.CoversTo, i.IssuedOn })
                .ToDictionaryAsync(c => c.Id, c => new RateUse(new DateRange(c.CoversFrom, c.CoversTo), c.IssuedOn), cancel);
        return invoice.Lines.GroupBy(l => l.TradedServiceId).ToDictionary(g => g.Key, g => g
            .SelectMany(l => l.Corrects.Select(c => corrected[c.CorrectedLineId]).Prepend(new RateUse(l.Covers)))
            .ToList());
    }

    private static async Task<IReadOnlyList<InvoicedActivity>> ActivityAsync(SharedServicesDbContext db, Invoice invoice, CancellationToken cancel)
    {
        var serviceOf = invoice.Lines.SelectMany(l => l.ActivityIds.Select(id => (Id: id, l.ServiceName)))
            .ToDictionary(a => a.Id, a => a.ServiceName);
        if (serviceOf.Count == 0) return [];
        var ids = serviceOf.Keys.ToList();
        var entries = await db.ActivityEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancel);
        var importIds = entries.Where(e => e.ImportId is not null).Select(e => e.ImportId!.Value).Distinct().ToList();
        var files = await db.ActivityImports.AsNoTracking().Where(i => importIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.FileName, cancel);
        return entries.OrderBy(e => e.Details.From).ThenBy(e => e.Id)
            .Select(e => new InvoicedActivity(e.Details.From, e.Details.To, serviceOf[e.Id], e.Details.Quantity, e.Details.Unit,
                e.Details.ActualCost, e.Details.Description, e.Details.Reference,
                e.ImportId is { } importId ? files.GetValueOrDefault(importId) : null, e.EnteredBy, e.EnteredAtUtc, e.ImportRow))
            .ToList();
    }
}
