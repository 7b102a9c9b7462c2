using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Audit;
using SharedServices.Core.Persistence;
using SharedServices.Core.Persistence.Configurations;
using SharedServices.Domain;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;
using Money = SharedServices.Domain.Money.Money;

namespace SharedServices.Core.SeedData;

/// <summary>What a seed load added; all zero on every start after the first.</summary>
public sealed record SeedLoadResult(int OrganisationsAdded, int PartnershipsAdded, int SchedulesAdded = 0, int ActivityEntriesAdded = 0);

/// <summary>
/// Loads the seed partnerships into the database. Each seed item is loaded once, ever: a <see cref="SeedRecord"/>
/// remembers it, so later starts leave it as users have edited it (even re-coded). An item whose code a user has
/// already created is adopted rather than duplicated. All or nothing: one transaction, so a bad file leaves the
/// database untouched. A service's charges (schedule, VAT treatment, posting details and activity) are loaded once
/// too, keyed by partnership code and service name; they go to a seed service only while it has no schedule, so a
/// schedule a user has entered is never touched, and a service a user has renamed or removed gets none.
/// </summary>
public sealed class SeedDataLoader(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider? clock = null)
{
    // Any fixed number: PostgreSQL advisory lock id, so two app instances starting together load the seed once.
    private const long SeedLock = 20121113;

    public async Task<SeedLoadResult> LoadAsync(string folder, CancellationToken cancel = default)
    {
        var seed = SeedDataReader.Read(folder);
        var now = (clock ?? TimeProvider.System).GetUtcNow();

        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        // The audit trail gets one entry per seed file loaded (see RecordSeedFiles), not one per row: a first start
        // loads thousands of rows no person entered, and an entry each would bury the trail and slow the start.
        db.RecordsEachChange = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SeedLock})", cancel);
        var records = await db.SeedRecords.ToDictionaryAsync(r => r.Key, r => r.EntityId, cancel);

        var organisationIds = new Dictionary<string, int>();
        var newOrganisations = new List<(string Code, Organisation Organisation)>();
        foreach (var o in seed.Organisations)
        {
            if (records.TryGetValue(SeedRecord.OrganisationKey(o.Code), out var id)) organisationIds[o.Code] = id;
            else if (await db.Organisations.SingleOrDefaultAsync(x => x.ShortCode == o.Code, cancel) is { } existing) Adopt(o.Code, existing);
            else newOrganisations.Add((o.Code, NewOrganisation(o)));
        }
        db.Organisations.AddRange(newOrganisations.Select(n => n.Organisation));
        await db.SaveChangesAsync(cancel); // partnerships refer to organisations by id, so they need ids first
        foreach (var (code, organisation) in newOrganisations) Adopt(code, organisation);

        var partnerships = new Dictionary<string, Partnership>();
        var added = new List<(string File, SeedPartnership Seed, Partnership Partnership)>();
        foreach (var (file, s) in seed.Partnerships)
        {
            if (records.ContainsKey(SeedRecord.PartnershipKey(s.Code))) continue;
            if (await db.Partnerships.SingleOrDefaultAsync(p => p.Code == s.Code, cancel) is { } existing)
            {
                partnerships[s.Code] = existing;
                continue;
            }
            var partnership = Build(file, s, code => organisationIds[code]);
            db.Partnerships.Add(partnership);
            partnerships[s.Code] = partnership;
            added.Add((file, s, partnership));
        }
        foreach (var (file, s, partnership) in added.Where(a => a.Seed.Predecessor is not null))
        {
            var predecessor = partnerships.GetValueOrDefault(s.Predecessor!)
                ?? await FindRecordedPartnership(s.Predecessor!)
                ?? throw new SeedDataException([$"{file}: predecessor: '{s.Predecessor}' is not in the database"]);
            // One successor each (a unique index): say so plainly rather than fail on saving.
            if (predecessor.Id != 0 && await db.Partnerships.AnyAsync(p => p.PredecessorId == predecessor.Id, cancel))
                throw new SeedDataException([$"{file}: predecessor: '{s.Predecessor}' is already recorded as replaced by another partnership"]);
            Apply(file, "predecessor", () => partnership.SetPredecessor(predecessor));
        }
        await db.SaveChangesAsync(cancel);

        // Charges refer to services by id, so they come after the partnerships are saved.
        var schedules = new List<(string Key, ChargeSchedule Schedule)>();
        var chargesByFile = new Dictionary<string, (int Schedules, int Activity, int PartnershipId)>();
        var newCodes = added.Select(a => a.Seed.Code).ToHashSet();
        var activityAdded = 0;
        foreach (var (file, s) in seed.Partnerships)
        {
            for (var i = 0; i < s.Services.Count; i++)
            {
                if (s.Services[i].Charges is not { } charges) continue;
                var key = SeedRecord.ScheduleKey(s.Code, s.Services[i].Name);
                if (records.ContainsKey(key)) continue;
                var partnership = partnerships.GetValueOrDefault(s.Code) ?? await FindRecordedPartnership(s.Code);
                if (partnership is null) continue; // deleted by a user since it was loaded
                var name = s.Services[i].Name;
                var service = await db.TradedServices.FirstOrDefaultAsync(
                    t => EF.Property<int>(t, "PartnershipId") == partnership.Id && t.Name == name, cancel);
                if (service is null) continue; // renamed or removed by a user: left as they left it
                // A service loaded on an earlier start whose dates a user has since changed may no longer fit the seed's
                // versions and activity: it is left as they left it rather than refusing the start.
                if (!newCodes.Contains(s.Code) && (service.StartDate != s.Services[i].StartDate || service.EndDate != s.Services[i].EndDate)) continue;
                if (await db.ChargeSchedules.SingleOrDefaultAsync(c => c.TradedServiceId == service.Id, cancel) is { } existing)
                {
                    db.SeedRecords.Add(new SeedRecord(key, existing.Id, now));
                    continue;
                }
                var field = $"services[{i}].charges";
                schedules.Add((key, BuildSchedule(file, field, service, charges)));
                db.ChargeSchedules.Add(schedules[^1].Schedule);
                if (!await db.ServiceVatTreatments.AnyAsync(c => EF.Property<int>(c, ServiceVatTreatmentConfiguration.ServiceKey) == service.Id, cancel))
                {
                    foreach (var change in Apply(file, $"{field}.vat", () => new VatTreatmentHistory(charges.Vat.Select(v => new VatTreatmentChange(v.From, v.Treatment))).Changes))
                    {
                        db.ServiceVatTreatments.Add(change);
                        db.Entry(change).Property(ServiceVatTreatmentConfiguration.ServiceKey).CurrentValue = service.Id;
                    }
                }
                for (var k = 0; k < charges.Activity.Count; k++)
                {
                    var a = charges.Activity[k];
                    db.ActivityEntries.Add(Apply(file, $"{field}.activity[{k}]", () => new ActivityEntry(service.Id,
                        new ActivityDetails(a.From, a.To, a.Quantity, a.Unit, a.ActualCostPence is { } pence ? new Money(pence) : null, a.Description, a.Reference),
                        charges.Illustrative ? IllustrativeEnteredBy : EnteredBy, now, isIllustrative: charges.Illustrative)));
                    activityAdded++;
                }
                var counts = chargesByFile.GetValueOrDefault(file);
                chargesByFile[file] = (counts.Schedules + 1, counts.Activity + charges.Activity.Count, partnership.Id);
            }
        }
        await db.SaveChangesAsync(cancel);

        db.SeedRecords.AddRange(partnerships.Select(p => new SeedRecord(SeedRecord.PartnershipKey(p.Key), p.Value.Id, now)));
        db.SeedRecords.AddRange(schedules.Select(s => new SeedRecord(s.Key, s.Schedule.Id, now)));
        RecordSeedFiles(db, newOrganisations.Count, added.Select(a => (a.File, a.Partnership)).ToList(), chargesByFile);
        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
        return new SeedLoadResult(newOrganisations.Count, added.Count, schedules.Count, activityAdded);

        void Adopt(string code, Organisation organisation)
        {
            organisationIds[code] = organisation.Id;
            db.SeedRecords.Add(new SeedRecord(SeedRecord.OrganisationKey(code), organisation.Id, now));
        }

        async Task<Partnership?> FindRecordedPartnership(string code) =>
            records.TryGetValue(SeedRecord.PartnershipKey(code), out var id)
                ? await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancel)
                : null;
    }

    /// <summary>
    /// One audit entry per seed file that added anything: the organisations file (reference data everyone reads), and
    /// each partnership's file (under its partnership, so its trail starts with where it came from). Nothing is
    /// recorded on a start that loads nothing new.
    /// </summary>
    private static void RecordSeedFiles(SharedServicesDbContext db, int organisations, IReadOnlyList<(string File, Partnership Partnership)> partnerships,
        IReadOnlyDictionary<string, (int Schedules, int Activity, int PartnershipId)> charges)
    {
        if (organisations > 0)
            db.AddAuditEntry(AuditAction.Created, AuditRecordNames.SeedData, SeedDataReader.OrganisationsFile, null, null,
                $"Seed data loaded from {SeedDataReader.OrganisationsFile}: {organisations:N0} organisation{(organisations == 1 ? "" : "s")}");
        var files = partnerships.Select(p => p.File).Concat(charges.Keys).Distinct().Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var partnership = partnerships.FirstOrDefault(p => p.File == file).Partnership;
            var (schedules, activity, partnershipId) = charges.GetValueOrDefault(file);
            var parts = new List<string>();
            if (partnership is not null)
                parts.Add($"partnership {partnership.Code} with {partnership.Services.Count:N0} service(s), {partnership.Decisions.Count:N0} decision(s), {partnership.Events.Count:N0} history event(s)");
            if (schedules > 0) parts.Add($"{schedules:N0} charge schedule(s) and {activity:N0} activity record(s)");
            db.AddAuditEntry(AuditAction.Created, AuditRecordNames.SeedData, file, partnership?.Id ?? partnershipId, null,
                $"Seed data loaded from {file}: {string.Join("; ", parts)}");
        }
    }

    /// <summary>Builds a partnership through its own methods, so seed data obeys the same rules as the forms.</summary>
    private static Partnership Build(string file, SeedPartnership seed, Func<string, int> organisationId)
    {
        var partnership = Apply(file, "parties", () => new Partnership(seed.Code, seed.Name, seed.Kind,
            seed.Parties.Select(p => new PartnershipParty(organisationId(p.Organisation), p.Role))));
        var t = seed.Term;
        Apply(file, "term", () => partnership.SetTerm(
            new Term(t.StartDate, t.EndKind, t.EndDate, t.UpToYears, t.MinimumTermMonths, t.TerminationFalls, t.Notes, Source(t.Source),
                t.ExtensionOptions, t.ExtensionMonths, t.RenewalMonths),
            seed.NoticePeriods.Select(n => new NoticePeriod(organisationId(n.Organisation),
                n.Amount is { } amount ? new NoticeLength(amount, n.Unit) : null, n.Illustrative, Source(n.Source)))));
        partnership.UpdateDetails(seed.Name, seed.Kind, seed.LegalBasis, seed.Summary, Source(seed.Source));
        partnership.SetLegalBasisSource(Source(seed.LegalBasisSource));
        for (var i = 0; i < seed.Services.Count; i++)
        {
            var s = seed.Services[i];
            Apply(file, $"services[{i}]", () => partnership.AddService(new TradedService(s.Name, organisationId(s.Provider),
                organisationId(s.Recipient), s.Description, s.StartDate, s.EndDate, Source(s.Source))));
        }
        for (var i = 0; i < seed.Decisions.Count; i++)
        {
            var d = seed.Decisions[i];
            Apply(file, $"decisions[{i}]", () => partnership.AddDecision(new DecisionRecord(organisationId(d.Organisation), d.DecisionMaker,
                d.Reference, d.DecisionDate, d.KeyDecision, d.SubjectToCallIn, d.Resolved, d.PublishedOn, Source(d.Source))));
        }
        for (var i = 0; i < (seed.Milestones ?? []).Count; i++)
        {
            var m = seed.Milestones![i];
            Apply(file, $"milestones[{i}]", () => partnership.AddMilestone(new Milestone(m.Kind, m.Date, m.Note, Source(m.Source))));
        }
        for (var i = 0; i < (seed.Events ?? []).Count; i++)
        {
            var e = seed.Events![i];
            Apply(file, $"events[{i}]", () => Record(partnership, e, organisationId));
        }
        Apply(file, "governanceBodies", () =>
            partnership.SetGovernanceBodies(seed.GovernanceBodies.Select(g => new GovernanceBody(g.Name, g.Purpose, Source(g.Source)))));
        return partnership;
    }

    /// <summary>Who entered the seed activity, as the activity grid shows it.</summary>
    public const string IllustrativeEnteredBy = "Seed data (illustrative)";

    public const string EnteredBy = "Seed data";

    /// <summary>A service's schedule of charges, built through its own methods so seed versions obey the same rules as the schedule screen.</summary>
    private static ChargeSchedule BuildSchedule(string file, string field, TradedService service, SeedCharges charges)
    {
        var schedule = new ChargeSchedule(service.Id, service.StartDate, service.EndDate, charges.Illustrative);
        for (var j = 0; j < charges.RateVersions.Count; j++)
        {
            var v = charges.RateVersions[j];
            Apply(file, $"{field}.rateVersions[{j}]", () => schedule.AddVersion(new RateVersion(v.EffectiveFrom, v.EnteredOn, Basis(v),
                v.Indexation is { } x ? new Indexation(x.Percent, x.AppliesOn) : null, Pence(v.CapPerFinancialYearPence), Pence(v.MinimumChargePence),
                v.Timing, v.PaymentTermsDays)));
        }
        var p = charges.Posting;
        Apply(file, $"{field}.posting", () => schedule.SetPosting(
            new PostingDetails(p.ProviderLedgerCode, p.ProviderCostCentre, p.RecipientLedgerCode, p.RecipientCostCentre, p.PurchaseOrder)));
        return schedule;
    }

    // The reader has checked that each basis has the figures it needs.
    private static ChargingBasis Basis(SeedRateVersion v) => v.Basis switch
    {
        ChargingBasisKind.FixedAnnualSum => ChargingBasis.FixedAnnualSum(new Money(v.RatePence!.Value), v.Instalments!.Value),
        ChargingBasisKind.DayRate => ChargingBasis.DayRate(new Money(v.RatePence!.Value)),
        ChargingBasisKind.HourlyRate => ChargingBasis.HourlyRate(new Money(v.RatePence!.Value)),
        ChargingBasisKind.PerUnit => ChargingBasis.PerUnit(new Money(v.RatePence!.Value), v.UnitName!),
        ChargingBasisKind.CostShare => ChargingBasis.CostShare(v.SharePercent!.Value, new Money(v.BudgetedEstimatePence!.Value), v.Instalments!.Value),
        _ => ChargingBasis.FullCostRecovery(v.OverheadPercent!.Value),
    };

    private static Money? Pence(long? pence) => pence is { } p ? new Money(p) : null;

    private static Organisation NewOrganisation(SeedOrganisation o)
    {
        var organisation = new Organisation(o.Name, o.Code, o.Kind, o.GssCode, o.Notes);
        if (o.CallInWorkingDays is { } days) organisation.SetCallInWorkingDays(days);
        if (o.Invoicing is { } i)
            organisation.SetInvoicingDetails(InvoicingDetails.Create(i.Address is null ? null : string.Join('\n', i.Address), i.Postcode,
                i.VatRegistration, i.BankAccountName, i.SortCode, i.AccountNumber, i.RemittanceEmail));
        return organisation;
    }

    private static PartnershipEvent Record(Partnership partnership, SeedEvent e, Func<string, int> organisationId)
    {
        int? who = e.Organisation is null ? null : organisationId(e.Organisation);
        var source = Source(e.Source);
        return e.Kind switch
        {
            PartnershipEventKind.Commenced => partnership.RecordCommencement(e.Date, e.Description, source),
            PartnershipEventKind.ExtensionExercised => partnership.ExerciseExtension(e.Date, who, e.Description, source),
            PartnershipEventKind.Variation => partnership.Vary(e.Date, e.NewEndDate, e.Description ?? "", source),
            PartnershipEventKind.NoticeServed => partnership.ServeNotice(
                who ?? throw new DomainException("Say which organisation served notice."), e.Date, e.ExitDate, e.ExitOverrideReason, e.Description, source),
            _ => partnership.Terminate(e.Date, e.Description, source),
        };
    }

    /// <summary>Runs one step of building; a broken rule is reported with the file and the part of it at fault.</summary>
    private static T Apply<T>(string file, string field, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (DomainException ex)
        {
            throw new SeedDataException([$"{file}: {field}: {ex.Message}"]);
        }
    }

    private static void Apply(string file, string field, Action step) => Apply(file, field, () => { step(); return 0; });

    private static SourceReference? Source(SeedSource? source) =>
        source is null ? null : new SourceReference(source.Document, source.Paragraph);
}
