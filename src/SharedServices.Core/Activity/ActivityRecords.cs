using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Activity;

/// <summary>
/// The activity grid: one service's activity over a period with its totals, and adding, correcting and deleting a
/// record. Each check that a record belongs to its service (its dates, its unit, not recorded twice) is made here as
/// well as on import, so a record typed in meets the same rules as one imported. Billed records are refused.
/// </summary>
public sealed class ActivityRecords(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock, ActivityFormValidator validator)
{
    /// <summary>The service's activity touching <paramref name="from"/>–<paramref name="to"/> (inclusive), or null when there is no such service.</summary>
    public async Task<ActivityPeriod?> ForPeriodAsync(int tradedServiceId, DateOnly from, DateOnly to, CancellationToken cancel = default)
    {
        if (to < from) throw new DomainException($"The period ends ({DateText.Long(to)}) before it starts ({DateText.Long(from)}).");
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        if (await ActivityServices.PartnershipCodeOfAsync(db, tradedServiceId, cancel) is not { } code) return null;
        var services = await ActivityServices.LoadAsync(db, code, cancel);
        var service = services.FindService(tradedServiceId)!;
        var rows = await db.ActivityEntries.AsNoTracking()
            .Where(e => e.TradedServiceId == tradedServiceId && e.Details.From <= to && e.Details.To >= from)
            .OrderBy(e => e.Details.From).ThenBy(e => e.Id)
            .Select(e => new
            {
                Entry = e,
                Version = EF.Property<int>(e, SharedServicesDbContext.VersionColumn),
                FileName = db.ActivityImports.Where(i => i.Id == e.ImportId).Select(i => i.FileName).FirstOrDefault(),
            })
            .ToListAsync(cancel);
        return new ActivityPeriod(services.PartnershipCode, services.PartnershipName, service, from, to,
            rows.Select(r => new ActivityRow(r.Entry.Id, r.Version, r.Entry.Details, r.Entry.EnteredBy, r.Entry.EnteredAtUtc,
                r.FileName, r.Entry.IsIllustrative, r.Entry.BilledOnInvoice, r.Entry.ImportRow)).ToList());
    }

    public async Task<ActivityEntry> AddAsync(int tradedServiceId, ActivityForm form, string enteredBy, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await validator.CheckAsync(form, cancel);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var details = form.ToDetails();
        await CheckFitsServiceAsync(db, tradedServiceId, details, exceptId: null, cancel);
        var entry = new ActivityEntry(tradedServiceId, details, enteredBy, clock.GetUtcNow());
        db.ActivityEntries.Add(entry);
        await db.SaveChangesAsync(cancel);
        return entry;
    }

    /// <summary>Corrects an unbilled record, if it is still at the version the form loaded.</summary>
    public async Task CorrectAsync(int entryId, ActivityForm form, int expectedVersion, string correctedBy, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await validator.CheckAsync(form, cancel);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var entry = await LoadAsync(db, entryId, expectedVersion, cancel);
        var details = form.ToDetails();
        await CheckFitsServiceAsync(db, entry.TradedServiceId, details, exceptId: entryId, cancel);
        entry.Correct(details, correctedBy, clock.GetUtcNow());
        await SaveAsync(db, cancel);
    }

    /// <summary>Deletes an unbilled record, if it is still at the version the list showed.</summary>
    public async Task DeleteAsync(int entryId, int expectedVersion, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var entry = await LoadAsync(db, entryId, expectedVersion, cancel);
        entry.EnsureCanDelete();
        db.ActivityEntries.Remove(entry);
        await SaveAsync(db, cancel);
    }

    private static async Task<ActivityEntry> LoadAsync(SharedServicesDbContext db, int entryId, int expectedVersion, CancellationToken cancel)
    {
        var entry = await db.ActivityEntries.SingleOrDefaultAsync(e => e.Id == entryId, cancel) ?? throw EditConflictException.Activity();
        if (db.Entry(entry).Property<int>(SharedServicesDbContext.VersionColumn).CurrentValue != expectedVersion)
            throw EditConflictException.Activity();
        return entry;
    }

    private static async Task SaveAsync(SharedServicesDbContext db, CancellationToken cancel)
    {
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflictException.Activity();
        }
    }

    /// <summary>The same rules an imported row meets: within the service's dates, in its unit, and not already recorded.</summary>
    private static async Task CheckFitsServiceAsync(SharedServicesDbContext db, int tradedServiceId, ActivityDetails details, int? exceptId,
        CancellationToken cancel)
    {
        var code = await ActivityServices.PartnershipCodeOfAsync(db, tradedServiceId, cancel)
                   ?? throw new DomainException("That traded service no longer exists.");
        var service = (await ActivityServices.LoadAsync(db, code, cancel)).FindService(tradedServiceId)!;
        var failures = ActivityFit.Problems(service.Rules, details)
            .Select(p => new ValidationFailure(p.Property, p.Message)).ToList();

        var key = ActivityDuplicateKey.For(tradedServiceId, details);
        var sameDay = await db.ActivityEntries.AsNoTracking()
            .Where(e => e.TradedServiceId == tradedServiceId && e.Details.From == details.From && e.Details.To == details.To && e.Id != exceptId)
            .ToListAsync(cancel);
        if (sameDay.FirstOrDefault(e => e.DuplicateKey == key) is { } twin)
            failures.Add(new ValidationFailure(nameof(ActivityForm.Reference),
                $"Reference: the same work ({Describe(details)}, reference \"{details.Reference ?? "none"}\") is already recorded, " +
                $"entered by {twin.EnteredBy}. Give a different reference if this is separate work."));
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    private static string Describe(ActivityDetails d) =>
        (d.From == d.To ? DateText.Long(d.From) : $"{DateText.Long(d.From)} to {DateText.Long(d.To)}") + ", " +
        (d.Quantity is { } q ? $"{q:0.####} {d.Unit}" : d.ActualCost.ToString());
}

/// <summary>One service's activity over a period, with its totals.</summary>
public sealed record ActivityPeriod(string PartnershipCode, string PartnershipName, ActivityService Service, DateOnly From, DateOnly To,
    IReadOnlyList<ActivityRow> Rows)
{
    /// <summary>The quantity recorded in each unit ("days", "day" and "Days" count together), largest first.</summary>
    public IReadOnlyList<UnitTotal> QuantityByUnit => Rows.Where(r => r.Details.Quantity is not null)
        .GroupBy(r => UnitKey(r.Details.Unit!), StringComparer.OrdinalIgnoreCase)
        .Select(g => new UnitTotal(g.First().Details.Unit!, g.Sum(r => r.Details.Quantity!.Value)))
        .OrderByDescending(t => t.Quantity).ToList();

    public Money CostTotal => Rows.Aggregate(Money.Zero, (sum, r) => sum + (r.Details.ActualCost ?? Money.Zero));

    public int BilledCount => Rows.Count(r => r.BilledOnInvoice is not null);

    private static string UnitKey(string unit)
    {
        var u = unit.Trim();
        return u.Length > 1 && u.EndsWith('s') ? u[..^1] : u;
    }
}

public sealed record UnitTotal(string Unit, decimal Quantity);

/// <summary>One record in the grid, with the version to send back when correcting or deleting it.</summary>
public sealed record ActivityRow(int Id, int Version, ActivityDetails Details, string EnteredBy, DateTime EnteredAtUtc,
    string? ImportFileName, bool IsIllustrative, string? BilledOnInvoice, int? ImportRow = null)
{
    public bool IsBilled => BilledOnInvoice is not null;

    /// <summary>Where it came from, as the grid shows it: "Typed in", or the file and its row.</summary>
    public string Source => ImportFileName is null ? "Typed in" : ImportRow is { } row ? $"{ImportFileName}, row {row:N0}" : ImportFileName;
}
