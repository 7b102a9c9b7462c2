using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Persistence;
using SharedServices.Core.Persistence.Configurations;
using SharedServices.Domain;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Charging;

/// <summary>
/// Each traded service's schedule of charges: load it, add, correct or remove a rate version, set its VAT
/// treatment and posting details, and list the version in force for
/// every service. A rate version is part of its partnership's agreement, so adding one is guarded by the
/// partnership's version like any other edit of it (<see cref="EditConflictException"/>), and a refused version
/// leaves nothing saved.
/// </summary>
public sealed class ChargeSchedules(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>The service's schedule with its versions, or null when none has been recorded.</summary>
    public async Task<ChargeSchedule?> FindAsync(int tradedServiceId, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return await db.ChargeSchedules.AsNoTracking().Include(s => s.Versions)
            .SingleOrDefaultAsync(s => s.TradedServiceId == tradedServiceId, cancel);
    }

    /// <summary>
    /// Adds a rate version, entered today by the clock, so one starting in the past is recorded as backdated.
    /// The service's first version creates its schedule.
    /// </summary>
    public async Task<RateVersion> AddVersionAsync(int tradedServiceId, RateVersionInput input, int? expectedPartnershipVersion = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var version = input.EnteredOn(clock.Today());
        await EditScheduleAsync(tradedServiceId, expectedPartnershipVersion, schedule => schedule.AddVersion(version), cancel);
        return version;
    }

    /// <summary>
    /// Corrects the version starting on <paramref name="effectiveFrom"/>, for example a mistyped rate. The correction
    /// is entered today: if it changes what periods already invoiced should have cost, the difference is billed like
    /// any other backdated change.
    /// </summary>
    public async Task<RateVersion> ReplaceVersionAsync(int tradedServiceId, DateOnly effectiveFrom, RateVersionInput input,
        int? expectedPartnershipVersion = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var version = input.EnteredOn(clock.Today());
        await EditScheduleAsync(tradedServiceId, expectedPartnershipVersion, schedule => schedule.ReplaceVersion(effectiveFrom, version), cancel);
        return version;
    }

    /// <summary>Removes the version starting on <paramref name="effectiveFrom"/>; the one before it then applies until the next.</summary>
    public Task RemoveVersionAsync(int tradedServiceId, DateOnly effectiveFrom, int? expectedPartnershipVersion = null,
        CancellationToken cancel = default) =>
        EditScheduleAsync(tradedServiceId, expectedPartnershipVersion, schedule => schedule.RemoveVersion(effectiveFrom), cancel);

    /// <summary>
    /// Records where the service's charges are posted on each side. A service with no schedule yet gets one, so the
    /// codes can be agreed before the first rate.
    /// </summary>
    public Task SetPostingAsync(int tradedServiceId, PostingDetails posting, int? expectedPartnershipVersion = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return EditScheduleAsync(tradedServiceId, expectedPartnershipVersion, schedule => schedule.SetPosting(posting), cancel);
    }

    /// <summary>The service's VAT treatment history, earliest first (empty when none is recorded).</summary>
    public async Task<IReadOnlyList<VatTreatmentChange>> VatHistoryAsync(int tradedServiceId, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return await db.ServiceVatTreatments.AsNoTracking()
            .Where(c => EF.Property<int>(c, ServiceVatTreatmentConfiguration.ServiceKey) == tradedServiceId)
            .OrderBy(c => c.From).ToListAsync(cancel);
    }

    /// <summary>
    /// Sets the service's VAT treatment from <paramref name="from"/> until the next change. A change already starting
    /// on that day is replaced, since two treatments cannot start on the same day.
    /// </summary>
    public async Task SetVatTreatmentAsync(int tradedServiceId, DateOnly from, VatTreatment treatment, int? expectedPartnershipVersion = null,
        CancellationToken cancel = default)
    {
        if (!Enum.IsDefined(treatment))
            throw new DomainException($"VAT treatment: {(int)treatment} is not a treatment this product knows.");
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        await GuardAsync(db, tradedServiceId, expectedPartnershipVersion, cancel);
        var sameDay = await db.ServiceVatTreatments
            .Where(c => EF.Property<int>(c, ServiceVatTreatmentConfiguration.ServiceKey) == tradedServiceId && c.From == from)
            .SingleOrDefaultAsync(cancel);
        if (sameDay is not null)
        {
            db.Entry(sameDay).Property(c => c.Treatment).CurrentValue = treatment;
        }
        else
        {
            var change = new VatTreatmentChange(from, treatment);
            db.ServiceVatTreatments.Add(change);
            db.Entry(change).Property(ServiceVatTreatmentConfiguration.ServiceKey).CurrentValue = tradedServiceId;
        }
        await SaveAsync(db, cancel);
    }

    /// <summary>
    /// Loads the service's schedule (creating it if the service has none), checks the partnership has not changed
    /// since <paramref name="expectedPartnershipVersion"/>, applies <paramref name="change"/> and saves, or saves nothing.
    /// </summary>
    private async Task EditScheduleAsync(int tradedServiceId, int? expectedPartnershipVersion, Action<ChargeSchedule> change,
        CancellationToken cancel)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var service = await GuardAsync(db, tradedServiceId, expectedPartnershipVersion, cancel);
        var schedule = await db.ChargeSchedules.Include(s => s.Versions).SingleOrDefaultAsync(s => s.TradedServiceId == tradedServiceId, cancel);
        if (schedule is null)
        {
            schedule = new ChargeSchedule(tradedServiceId, service.StartDate, service.EndDate);
            db.ChargeSchedules.Add(schedule);
        }
        change(schedule);
        await SaveAsync(db, cancel);
    }

    // A schedule is part of its partnership's agreement: refuse the edit if the partnership moved on since it was loaded.
    private static async Task<Domain.Partnerships.TradedService> GuardAsync(SharedServicesDbContext db, int tradedServiceId,
        int? expectedPartnershipVersion, CancellationToken cancel)
    {
        var service = await db.TradedServices.SingleOrDefaultAsync(s => s.Id == tradedServiceId, cancel)
            ?? throw new DomainException("That traded service no longer exists.");
        var partnership = await db.Partnerships.SingleAsync(p => p.Services.Any(s => s.Id == tradedServiceId), cancel);
        EditVersion.Expect(db.Entry(partnership).Property(p => p.Version), expectedPartnershipVersion, EditConflictException.Partnership);
        return service;
    }

    private static async Task SaveAsync(SharedServicesDbContext db, CancellationToken cancel)
    {
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflictException.Partnership();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two officers adding the first version, the same start day or the same treatment date at once: the unique indexes refuse the second.
            throw EditConflictException.Partnership();
        }
    }

    /// <summary>
    /// Every service that has a schedule, in the partnership with <paramref name="partnershipCode"/> (or in all
    /// partnerships when null), with the version, rate and VAT treatment in force <paramref name="on"/> (default today).
    /// </summary>
    public async Task<IReadOnlyList<CurrentCharge>> CurrentAsync(string? partnershipCode = null, DateOnly? on = null,
        CancellationToken cancel = default)
    {
        var date = on ?? clock.Today();
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var partnerships = db.Partnerships.AsNoTracking().Include(p => p.Services).AsQueryable();
        if (partnershipCode is not null)
        {
            partnerships = partnerships.Where(p => p.Code == partnershipCode);
            if (!await partnerships.AnyAsync(cancel))
                throw new DomainException($"No partnership has the code \"{partnershipCode}\".");
        }
        var loaded = await partnerships.OrderBy(p => p.Code).ToListAsync(cancel);
        var serviceIds = loaded.SelectMany(p => p.Services).Select(s => s.Id).ToList();
        var schedules = await db.ChargeSchedules.AsNoTracking().Include(s => s.Versions)
            .Where(s => serviceIds.Contains(s.TradedServiceId)).ToDictionaryAsync(s => s.TradedServiceId, cancel);
        var treatments = (await db.ServiceVatTreatments.AsNoTracking()
                .Where(c => serviceIds.Contains(EF.Property<int>(c, ServiceVatTreatmentConfiguration.ServiceKey)))
                .Select(c => new { ServiceId = EF.Property<int>(c, ServiceVatTreatmentConfiguration.ServiceKey), Change = c })
                .ToListAsync(cancel))
            .ToLookup(t => t.ServiceId, t => t.Change);

        return loaded.SelectMany(p => p.Services.OrderBy(s => s.Name)
                .Where(s => schedules.ContainsKey(s.Id))
                .Select(s =>
                {
                    var version = schedules[s.Id].VersionOn(date);
                    return new CurrentCharge(p.Code, p.Name, s.Id, s.Name, version, version?.RateOn(date), TreatmentOn(treatments[s.Id], date))
                    {
                        IsIllustrative = schedules[s.Id].IsIllustrative,
                    };
                }))
            .ToList();
    }

    // Before a service's first recorded treatment there is none to show, rather than a guess.
    private static VatTreatment? TreatmentOn(IEnumerable<VatTreatmentChange> changes, DateOnly date) =>
        changes.Where(c => c.From <= date).MaxBy(c => c.From)?.Treatment;
}
