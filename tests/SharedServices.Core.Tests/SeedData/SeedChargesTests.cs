using Microsoft.EntityFrameworkCore;
using SharedServices.Core.SeedData;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Money;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Tests.SeedData;

/// <summary>
/// The illustrative charges in seed-data/: every seed service gets a schedule, VAT treatment, posting details and
/// activity, once. The figures below are written out by hand from the seed files.
/// </summary>
public abstract class SeedChargesTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string Halton = "partnerships/05-halton-cwac-shared-service.json";

    private async Task<(TradedService Service, ChargeSchedule Schedule, List<VatTreatmentChange> Vat, List<Domain.Activity.ActivityEntry> Activity)> Charges(
        string partnershipCode, string serviceName)
    {
        await using var db = Factory.CreateDbContext();
        var partnership = await db.Partnerships.Include(p => p.Services).SingleAsync(p => p.Code == partnershipCode);
        var service = partnership.Services.Single(s => s.Name == serviceName);
        var schedule = await db.ChargeSchedules.Include(s => s.Versions).SingleAsync(s => s.TradedServiceId == service.Id);
        var vat = await db.ServiceVatTreatments.Where(c => EF.Property<int>(c, "TradedServiceId") == service.Id).ToListAsync();
        var activity = await db.ActivityEntries.Where(a => a.TradedServiceId == service.Id).ToListAsync();
        return (service, schedule, vat, activity.OrderBy(a => a.Details.From).ThenBy(a => a.Details.To).ToList());
    }

    private async Task<(int Schedules, int Versions, int Vat, int Activity, int Records)> Counts()
    {
        await using var db = Factory.CreateDbContext();
        return (await db.ChargeSchedules.CountAsync(), await db.Set<RateVersion>().CountAsync(), await db.ServiceVatTreatments.CountAsync(),
            await db.ActivityEntries.CountAsync(), await db.SeedRecords.CountAsync());
    }

    [Fact]
    public async Task Load_EverySeedService_HasAnIllustrativeScheduleVatTreatmentPostingAndActivity()
    {
        await using var db = Factory.CreateDbContext();
        var services = await db.TradedServices.ToListAsync();
        var schedules = await db.ChargeSchedules.Include(s => s.Versions).ToDictionaryAsync(s => s.TradedServiceId);
        var vat = (await db.ServiceVatTreatments.Select(c => EF.Property<int>(c, "TradedServiceId")).ToListAsync()).ToHashSet();
        var activity = await db.ActivityEntries.ToListAsync();

        Assert.Equal(9, services.Count); // 4 + 1 + 1 + 1 + 2 in the five partnership files
        Assert.All(services, s =>
        {
            var schedule = schedules[s.Id];
            Assert.True(schedule.IsIllustrative, s.Name);
            Assert.NotEmpty(schedule.Versions);
            Assert.NotNull(schedule.Posting.ProviderLedgerCode);
            Assert.NotNull(schedule.Posting.ProviderCostCentre);
            Assert.NotNull(schedule.Posting.RecipientLedgerCode);
            Assert.NotNull(schedule.Posting.RecipientCostCentre);
            Assert.NotNull(schedule.Posting.PurchaseOrder);
            Assert.Contains(s.Id, vat);
            Assert.Contains(activity, a => a.TradedServiceId == s.Id);
        });
        Assert.All(activity, a => Assert.True(a.IsIllustrative && a.EnteredBy == "Seed data (illustrative)" && a.ImportId is null && !a.IsBilled));
        Assert.Equal(41, activity.Count); // 4+4+6+4, 6+1, 4, 4, 4+4 in the files
    }

    [Fact]
    public async Task EducationalPsychology_PayAward_IsBackdatedTo1April2013()
    {
        var (_, schedule, vat, activity) = await Charges("scc-iwc-education-support", "Educational psychology");

        Assert.Equal([new DateOnly(2012, 9, 1), new DateOnly(2013, 4, 1)], schedule.Versions.Select(v => v.EffectiveFrom));
        var payAward = schedule.Versions[1];
        Assert.Equal(new DateOnly(2013, 11, 18), payAward.EnteredOn);
        Assert.True(payAward.IsBackdated);
        Assert.Equal(new Money(430_00), schedule.VersionOn(new DateOnly(2013, 3, 31))!.RateOn(new DateOnly(2013, 3, 31)));
        Assert.Equal(new Money(434_30), schedule.VersionOn(new DateOnly(2013, 4, 1))!.RateOn(new DateOnly(2013, 4, 1)));
        // April 2013 was invoiced at the old rate on 31 May; the pay award entered later is the backdated change to bill.
        Assert.Equal([payAward], schedule.BackdatedSince(new DateOnly(2013, 5, 31)));
        // 12.5 days in April 2013 at £434.30 = £5,428.75.
        var april = activity.Single(a => a.Details.From == new DateOnly(2013, 4, 1));
        Assert.Equal((12.5m, "day"), (april.Details.Quantity, april.Details.Unit));
        Assert.Equal(new Money(5_428_75), new ChargeCalculator(schedule).ForQuantity(april.Details.From, april.Details.Quantity!.Value, Money.Zero).Amount);
        Assert.Equal(VatTreatment.OutsideTheScope, new VatTreatmentHistory(vat).TreatmentOn(new DateOnly(2013, 4, 1)));
    }

    [Fact]
    public async Task SchoolImprovement_IsAFixedAnnualSumPaidMonthly()
    {
        var (_, schedule, _, _) = await Charges("scc-iwc-education-support", "School improvement support and challenge");

        var basis = schedule.VersionOn(new DateOnly(2013, 4, 1))!.Basis;
        Assert.Equal((ChargingBasisKind.FixedAnnualSum, new Money(195_000_00), InstalmentFrequency.Monthly), (basis.Kind, basis.Rate!.Value, basis.Instalments!.Value));
        // £195,000.00 / 12 = £16,250.00 a month.
        Assert.Equal(new Money(16_250_00), new ChargeCalculator(schedule).Instalment(new FinancialYear(2013), 1, Money.Zero).Amount);
    }

    [Fact]
    public async Task HaltonCwacDirector_IsAFiftyFiftyCostShare_TruedUpToTheOutturn()
    {
        var (_, schedule, vat, activity) = await Charges("halton-cwac-shared-service", "Shared Strategic Director of Children's Services");

        var basis = schedule.VersionOn(new DateOnly(2011, 4, 1))!.Basis;
        Assert.Equal((ChargingBasisKind.CostShare, 50m, new Money(150_000_00), InstalmentFrequency.Monthly),
            (basis.Kind, basis.SharePercent!.Value, basis.BudgetedEstimate!.Value, basis.Instalments!.Value));
        var calculator = new ChargeCalculator(schedule);
        var year = new FinancialYear(2011);
        // 50% of the £150,000.00 estimate, monthly: £6,250.00 an instalment, £75,000.00 for 2011/12.
        Assert.Equal(new Money(6_250_00), calculator.Instalment(year, 1, Money.Zero).Amount);
        var outturn = activity.Single(a => a.Details.From == new DateOnly(2011, 4, 1) && a.Details.To == new DateOnly(2012, 3, 31));
        Assert.Equal(new Money(147_862_40), outturn.Details.ActualCost);
        // Half of £147,862.40 is £73,931.20; less the £75,000.00 billed, a credit of £1,068.80.
        Assert.Equal(new Money(-1_068_80), calculator.CostShareTrueUp(year, outturn.Details.ActualCost!.Value, new Money(75_000_00), new Money(75_000_00)).Amount);
        Assert.All(activity, a => Assert.Null(a.Details.Quantity));
        Assert.Equal(VatTreatment.OutsideTheScope, new VatTreatmentHistory(vat).TreatmentOn(new DateOnly(2011, 1, 1)));
    }

    [Fact]
    public async Task HampshireIsleOfWight_IsFullCostPlusAnEightPercentOverhead()
    {
        var (_, schedule, vat, activity) = await Charges("hcc-iwc-childrens-services", "Children's services (full scope of functions)");

        var version = Assert.Single(schedule.Versions);
        Assert.Equal((ChargingBasisKind.FullCostRecovery, 8m, new DateOnly(2013, 7, 1)), (version.Basis.Kind, version.Basis.OverheadPercent!.Value, version.EffectiveFrom));
        Assert.Equal(new PostingDetails("9430", "CF7000", "5830", "CS1000", "IWC PO 4500019004"), schedule.Posting);
        var july = activity[0];
        Assert.Equal((new DateOnly(2013, 7, 1), new DateOnly(2013, 7, 31), new Money(94_126_50)), (july.Details.From, july.Details.To, july.Details.ActualCost!.Value));
        // £94,126.50 plus 8% (£7,530.12) = £101,656.62.
        Assert.Equal(new Money(101_656_62), new ChargeCalculator(schedule).FullCost(july.Details.To, july.Details.ActualCost!.Value, Money.Zero).Amount);
        Assert.Contains(activity, a => a.Details.Reference == "HCC-CS-2013-14-OUTTURN" && a.Details.ActualCost == new Money(38_420_77));
        Assert.Equal(VatTreatment.OutsideTheScope, Assert.Single(vat).Treatment);
    }

    [Fact]
    public async Task ReciprocalStaffExpertise_IsStandardRated()
    {
        var (_, _, vat, _) = await Charges("scc-iwc-education-support", "Access to Isle of Wight staff expertise");

        Assert.Equal((new DateOnly(2012, 9, 1), VatTreatment.StandardRated), (Assert.Single(vat).From, vat[0].Treatment));
    }

    [Fact]
    public async Task Load_SecondTime_AddsNoSchedulesVatOrActivity()
    {
        var before = await Counts();

        var result = await new SeedDataLoader(Factory).LoadAsync(SeedFolder);

        Assert.Equal(new SeedLoadResult(0, 0, 0, 0), result);
        Assert.Equal((9, 13, 9, 41), (before.Schedules, before.Versions, before.Vat, before.Activity));
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Load_AfterUserDeletesASeedSchedule_DoesNotBringItBack()
    {
        var (service, schedule, _, _) = await Charges("iwc-hcc-buy-back", "Specialist children's services buy-back");
        await using (var db = Factory.CreateDbContext())
        {
            db.ChargeSchedules.Remove(await db.ChargeSchedules.SingleAsync(s => s.Id == schedule.Id));
            await db.SaveChangesAsync();
        }

        var result = await new SeedDataLoader(Factory).LoadAsync(SeedFolder);

        Assert.Equal(new SeedLoadResult(0, 0, 0, 0), result);
        await using var read = Factory.CreateDbContext();
        Assert.False(await read.ChargeSchedules.AnyAsync(s => s.TradedServiceId == service.Id));
        Assert.Equal(8, await read.ChargeSchedules.CountAsync());
    }

    [Fact]
    public async Task Load_OnADatabaseSeededBeforeCharges_AddsThemOnlyToServicesStillAsSeeded()
    {
        // As a database seeded before the seed had charges: partnerships recorded, no charges; a user has since given
        // the educational psychology service a start date the seed's 1 September 2012 version would fall before.
        await using (var db = Factory.CreateDbContext())
        {
            db.ActivityEntries.RemoveRange(db.ActivityEntries);
            db.ServiceVatTreatments.RemoveRange(db.ServiceVatTreatments);
            db.ChargeSchedules.RemoveRange(db.ChargeSchedules);
            db.SeedRecords.RemoveRange(db.SeedRecords.Where(r => r.Key.StartsWith("schedule:")));
            await db.SaveChangesAsync();
            var partnership = await db.Partnerships.Include(p => p.Services).SingleAsync(p => p.Code == "scc-iwc-education-support");
            var psychology = partnership.Services.Single(x => x.Name == "Educational psychology");
            partnership.UpdateService(psychology.Id, psychology.Name, psychology.ProviderId, psychology.RecipientId,
                psychology.Description, new DateOnly(2013, 1, 1), null, psychology.Source);
            await db.SaveChangesAsync();
        }

        var result = await new SeedDataLoader(Factory).LoadAsync(SeedFolder);

        Assert.Equal(new SeedLoadResult(0, 0, 8, 35), result); // all but educational psychology's schedule and 6 entries
        await using var read = Factory.CreateDbContext();
        var psychologyId = await read.TradedServices.Where(x => x.Name == "Educational psychology").Select(x => x.Id).SingleAsync();
        Assert.False(await read.ChargeSchedules.AnyAsync(x => x.TradedServiceId == psychologyId));
        Assert.Equal(8, await read.ServiceVatTreatments.CountAsync());
    }

    [Fact]
    public async Task Load_NewPartnershipWithItsCharges_AddsThemAndRecordsThemOnce()
    {
        using var seed = new SeedFolderCopy(SeedFolder);
        seed.CopyWith(Halton, "partnerships/06-halton-cwac-two.json", ("\"halton-cwac-shared-service\"", "\"halton-cwac-two\""));

        var first = await new SeedDataLoader(Factory).LoadAsync(seed.Folder);
        var second = await new SeedDataLoader(Factory).LoadAsync(seed.Folder);

        Assert.Equal(new SeedLoadResult(0, 1, 2, 8), first); // two services, each with an outturn and three months
        Assert.Equal(new SeedLoadResult(0, 0, 0, 0), second);
        await using var db = Factory.CreateDbContext();
        Assert.True(await db.SeedRecords.AnyAsync(r => r.Key == "schedule:halton-cwac-two:Shared Safeguarding Unit Manager"));
    }

    [Fact]
    public async Task Load_ChargeTheRulesRefuse_NamesFileAndFieldAndAddsNothing()
    {
        var before = await Counts();
        using var seed = new SeedFolderCopy(SeedFolder);
        // The reader accepts a cap and a minimum charge; the rate version refuses a minimum above the cap when built,
        // after the new partnership has been saved within the transaction.
        seed.CopyWith(Halton, "partnerships/06-halton-cwac-two.json", ("\"halton-cwac-shared-service\"", "\"halton-cwac-two\""),
            ("\"budgetedEstimatePence\": 6200000,", "\"budgetedEstimatePence\": 6200000, \"capPerFinancialYearPence\": 100000, \"minimumChargePence\": 200000,"));

        var error = await Assert.ThrowsAsync<SeedDataException>(() => new SeedDataLoader(Factory).LoadAsync(seed.Folder));

        Assert.Equal("partnerships/06-halton-cwac-two.json: services[1].charges.rateVersions[0]: The minimum charge (£2,000.00) is more than the cap per financial year (£1,000.00).",
            Assert.Single(error.Errors));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(5, await db.Partnerships.CountAsync());
        Assert.Equal(before, await Counts());
    }
}

public sealed class SeedChargesTests_Sqlite : SeedChargesTests<SqliteTestDatabase>;

public sealed class SeedChargesTests_Postgres : SeedChargesTests<PostgresTestDatabase>;
