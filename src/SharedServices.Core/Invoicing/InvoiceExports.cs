using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Invoicing;

/// <summary>An issued invoice (or credit note) to export: its id and number.</summary>
public sealed record IssuedInvoice(int Id, string Number);

/// <summary>
/// The workbooks beyond a single invoice's: the invoice register, aged debt, the settlement statement, and a recharge
/// run's issued invoices together as a zip. Each reads what it needs and writes to the stream it is given.
/// </summary>
public sealed class InvoiceExports(IDbContextFactory<SharedServicesDbContext> contextFactory, Receivables receivables, InvoiceWorkbooks workbooks)
{
    public const string ZipContentType = "application/zip";
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string RegisterFileName(DateOnly asOf) => $"invoice-register-{asOf:yyyy-MM-dd}.xlsx";

    public static string RunZipFileName(int runId, string periodCode) =>
        $"recharge-run-{runId}-{new string(periodCode.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray())}-invoices.zip";

    /// <summary>The register of the invoices <paramref name="filter"/> matches, statuses and lateness as on <paramref name="asOf"/>.</summary>
    public async Task<InvoiceRegisterTotals> WriteRegisterAsync(InvoiceFilter filter, DateOnly asOf, Stream output, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var note = $"{await DescribeAsync(filter, cancel)} Statuses and days overdue as on {DateText.Long(asOf)}.";
        return await InvoiceRegisterWorkbook.WriteAsync(receivables.RegisterAsync(filter, asOf, cancel), output, $"Invoice register on {DateText.Long(asOf)}", note, cancel);
    }

    /// <summary>Aged debt on <paramref name="asOf"/>, owed to <paramref name="providerId"/> or to anyone.</summary>
    public async Task WriteAgedDebtAsync(DateOnly asOf, int? providerId, Stream output, CancellationToken cancel = default)
    {
        var debts = await receivables.DebtsAsync(asOf, providerId, cancel);
        string? provider = null;
        if (providerId is { } id)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancel);
            provider = await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancel)
                       ?? throw new DomainException("Owed to: that organisation no longer exists.");
        }
        AgedDebtWorkbook.Write(AgedDebt.On(asOf, debts), debts, asOf, provider, output);
    }

    /// <summary>The settlement statement between two organisations for <paramref name="period"/>.</summary>
    public async Task WriteSettlementAsync(int organisationA, int organisationB, RechargePeriod period, Stream output, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var settlement = await receivables.SettlementAsync(organisationA, organisationB, period.Dates.Start, period.Dates.End, cancel);
        SettlementWorkbook.Write(settlement, period, await BetweenAsync(settlement, period, cancel), output);
    }

    /// <summary>The issued invoices (and supplementary invoices) recharge run <paramref name="runId"/> drafted; refuses an unknown run.</summary>
    public async Task<(RechargeRun Run, IReadOnlyList<IssuedInvoice> Invoices)> IssuedOfRunAsync(int runId, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var run = await db.RechargeRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancel)
                  ?? throw new DomainException($"There is no recharge run {runId}.");
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.RunId == runId && i.Number != null).OrderBy(i => i.Id)
            .Select(i => new IssuedInvoice(i.Id, i.Number!)).ToListAsync(cancel);
        return (run, invoices);
    }

    /// <summary>How many issued invoices each of <paramref name="runIds"/> has; a run with none is left out.</summary>
    public async Task<IReadOnlyDictionary<int, int>> IssuedCountsAsync(IReadOnlyCollection<int> runIds, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        if (runIds.Count == 0) return new Dictionary<int, int>();
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return await db.Invoices.AsNoTracking().Where(i => i.RunId != null && runIds.Contains(i.RunId.Value) && i.Number != null)
            .GroupBy(i => i.RunId!.Value).Select(g => new { RunId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.RunId, g => g.Count, cancel);
    }

    /// <summary>The issued invoice numbered <paramref name="number"/> (any case), or every issued invoice and credit note when it is null.</summary>
    public async Task<IReadOnlyList<IssuedInvoice>> IssuedAsync(string? number = null, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var query = db.Invoices.AsNoTracking().Where(i => i.Number != null);
        if (number is not null)
        {
            var wanted = number.Trim().ToUpperInvariant();
            query = query.Where(i => i.Number!.ToUpper() == wanted);
        }
        return await query.OrderBy(i => i.Id).Select(i => new IssuedInvoice(i.Id, i.Number!)).ToListAsync(cancel);
    }

    /// <summary>
    /// Every issued invoice of run <paramref name="runId"/> as its workbook, named by its number, in one zip written to
    /// <paramref name="output"/>; returns the zip's file name. Refuses an unknown run, or one with nothing issued yet.
    /// </summary>
    public async Task<string> WriteRunZipAsync(int runId, Stream output, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (run, invoices) = await IssuedOfRunAsync(runId, cancel);
        if (invoices.Count == 0) throw new DomainException($"Recharge run {runId} has no issued invoices yet: issue its drafts first.");
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var invoice in invoices)
            {
                // An .xlsx is already compressed: storing it saves time and loses nothing.
                var entry = zip.CreateEntry(InvoiceWorkbook.FileName(invoice.Number), CompressionLevel.NoCompression);
                await using var stream = entry.Open();
                await workbooks.WriteAsync(invoice.Id, stream, cancel);
            }
        }
        return RunZipFileName(runId, run.PeriodCode);
    }

    /// <summary>The issued invoices and credit notes the settlement adds up, in order of issue, as the register shows them.</summary>
    private async Task<IReadOnlyList<InvoiceRegisterRow>> BetweenAsync(Settlement settlement, RechargePeriod period, CancellationToken cancel)
    {
        var (a, b) = (settlement.AToB.FromId, settlement.AToB.ToId);
        var names = new Dictionary<int, string> { [a] = settlement.AToB.FromName, [b] = settlement.AToB.ToName };
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var invoices = await Receivables.IssuedBetween(db, a, b, period.Dates.Start, period.Dates.End)
            .OrderBy(i => i.IssuedOn).ThenBy(i => i.Number).ToListAsync(cancel);
        var partnershipIds = invoices.Select(i => i.PartnershipId).Distinct().ToList();
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => partnershipIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancel);
        return invoices.Select(i => InvoiceRegisterRow.Of(i, partnerships.GetValueOrDefault(i.PartnershipId, ""), names[i.ProviderId], names[i.RecipientId], period.Dates.End))
            .ToList();
    }

    /// <summary>The filters in words, for the register's note: "Every invoice." or "Invoices to or from X; status Paid; overdue only."</summary>
    private async Task<string> DescribeAsync(InvoiceFilter filter, CancellationToken cancel)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var parts = new List<string>();
        if (filter.OrganisationId is { } org)
            parts.Add("to or from " + (await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync(cancel) ?? "an organisation no longer recorded"));
        if (filter.PartnershipId is { } p)
            parts.Add("under " + (await db.Partnerships.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).SingleOrDefaultAsync(cancel) ?? "a partnership no longer recorded"));
        if (filter.PeriodFrom is { } from) parts.Add($"for periods ending on or after {DateText.Long(from)}");
        if (filter.PeriodTo is { } to) parts.Add($"for periods starting on or before {DateText.Long(to)}");
        if (filter.Status is { } status) parts.Add("with status " + InvoiceRegisterWorkbook.StatusText(status));
        if (filter.OverdueOnly) parts.Add("overdue only");
        return parts.Count == 0 ? "Every invoice and credit note." : $"Invoices and credit notes {string.Join("; ", parts)}.";
    }
}
