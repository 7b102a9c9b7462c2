using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Charging;
using SharedServices.Core.Editing;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Tests.Charging;

/// <summary>Correcting and removing rate versions, and setting a service's VAT treatment and posting details.</summary>
public abstract class ChargeScheduleEditsTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(Today));

    private ChargeSchedules Schedules => Get<ChargeSchedules>();

    private async Task<(int PartnershipId, int ServiceId)> NewService()
    {
        await using var db = Factory.CreateDbContext();
        var partnership = await db.Partnerships.Include(p => p.Services).Where(p => p.Services.Any()).OrderBy(p => p.Code).FirstAsync();
        var template = partnership.Services[0];
        var service = partnership.AddService(new TradedService("Payroll", template.ProviderId, template.RecipientId, startDate: new DateOnly(2025, 4, 1)));
        await db.SaveChangesAsync();
        return (partnership.Id, service.Id);
    }

    private async Task<int> PartnershipVersion(int id)
    {
        await using var db = Factory.CreateDbContext();
        return (await db.Partnerships.SingleAsync(p => p.Id == id)).Version;
    }

    private static RateVersionInput DayRate(DateOnly from, long pence) => new(from, ChargingBasis.DayRate(new Money(pence)));

    private static readonly DateOnly April2025 = new(2025, 4, 1), April2026 = new(2026, 4, 1);

    [Fact]
    public async Task ReplaceVersion_MistypedRate_IsCorrectedAndEnteredToday()
    {
        var (partnershipId, serviceId) = await NewService();
        await Schedules.AddVersionAsync(serviceId, DayRate(April2025, 400_00));
        await Schedules.AddVersionAsync(serviceId, DayRate(April2026, 4_120_00));

        await Schedules.ReplaceVersionAsync(serviceId, April2026, DayRate(April2026, 412_00), await PartnershipVersion(partnershipId));

        var versions = (await Schedules.FindAsync(serviceId))!.Versions;
        Assert.Equal([new Money(400_00), new Money(412_00)], versions.Select(v => v.Basis.Rate!.Value));
        Assert.Equal(Today, versions[1].EnteredOn);
    }

    [Fact]
    public async Task RemoveVersion_TheLatest_LeavesTheEarlierApplyingToday()
    {
        var (partnershipId, serviceId) = await NewService();
        await Schedules.AddVersionAsync(serviceId, DayRate(April2025, 400_00));
        await Schedules.AddVersionAsync(serviceId, DayRate(April2026, 412_00));

        await Schedules.RemoveVersionAsync(serviceId, April2026, await PartnershipVersion(partnershipId));

        var schedule = (await Schedules.FindAsync(serviceId))!;
        Assert.Equal(April2025, Assert.Single(schedule.Versions).EffectiveFrom);
        Assert.Equal(new Money(400_00), schedule.VersionOn(Today)!.Basis.Rate);
    }

    [Fact]
    public async Task RemoveVersion_NoVersionThatDay_IsRefusedByDate()
    {
        var (_, serviceId) = await NewService();
        await Schedules.AddVersionAsync(serviceId, DayRate(April2025, 400_00));

        var error = await Assert.ThrowsAsync<DomainException>(() => Schedules.RemoveVersionAsync(serviceId, April2026));

        Assert.Equal("The schedule of charges has no version starting on 1 April 2026.", error.Message);
    }

    [Fact]
    public async Task EveryEdit_StalePartnershipVersion_IsAnEditConflictAndSavesNothing()
    {
        var (partnershipId, serviceId) = await NewService();
        var loaded = await PartnershipVersion(partnershipId);
        await Schedules.AddVersionAsync(serviceId, DayRate(April2025, 400_00), loaded);
        var posting = new PostingDetails("4100", "CC12", "5200", null, "PO-1");

        await Assert.ThrowsAsync<EditConflictException>(() => Schedules.ReplaceVersionAsync(serviceId, April2025, DayRate(April2025, 999_00), loaded));
        await Assert.ThrowsAsync<EditConflictException>(() => Schedules.RemoveVersionAsync(serviceId, April2025, loaded));
        await Assert.ThrowsAsync<EditConflictException>(() => Schedules.SetPostingAsync(serviceId, posting, loaded));
        await Assert.ThrowsAsync<EditConflictException>(() => Schedules.SetVatTreatmentAsync(serviceId, April2025, VatTreatment.Exempt, loaded));

        var schedule = (await Schedules.FindAsync(serviceId))!;
        Assert.Equal(new Money(400_00), Assert.Single(schedule.Versions).Basis.Rate);
        Assert.Equal(PostingDetails.None, schedule.Posting);
        Assert.Empty(await Schedules.VatHistoryAsync(serviceId));
        Assert.Equal(loaded + 1, await PartnershipVersion(partnershipId));
    }

    [Fact]
    public async Task SetPosting_ServiceWithNoSchedule_CreatesOneHoldingTheDetails()
    {
        var (partnershipId, serviceId) = await NewService();

        await Schedules.SetPostingAsync(serviceId, new PostingDetails(" 4100 ", "CC12", "5200", "", "PO-2026-17"), await PartnershipVersion(partnershipId));

        var schedule = (await Schedules.FindAsync(serviceId))!;
        Assert.Empty(schedule.Versions);
        Assert.Equal(new DateOnly(2025, 4, 1), schedule.ServiceStart);
        Assert.Equal(new PostingDetails("4100", "CC12", "5200", null, "PO-2026-17"), schedule.Posting);
    }

    [Fact]
    public async Task SetVatTreatment_NewDateAddsAChange_SameDateReplacesIt()
    {
        var (partnershipId, serviceId) = await NewService();
        await Schedules.SetVatTreatmentAsync(serviceId, April2025, VatTreatment.OutsideTheScope, await PartnershipVersion(partnershipId));
        await Schedules.SetVatTreatmentAsync(serviceId, April2026, VatTreatment.Exempt, await PartnershipVersion(partnershipId));

        await Schedules.SetVatTreatmentAsync(serviceId, April2026, VatTreatment.StandardRated, await PartnershipVersion(partnershipId));

        Assert.Equal(
            [new VatTreatmentChange(April2025, VatTreatment.OutsideTheScope), new VatTreatmentChange(April2026, VatTreatment.StandardRated)],
            await Schedules.VatHistoryAsync(serviceId));
    }
}

public sealed class ChargeScheduleEditsTests_Sqlite : ChargeScheduleEditsTests<SqliteTestDatabase>;

public sealed class ChargeScheduleEditsTests_Postgres : ChargeScheduleEditsTests<PostgresTestDatabase>;

/// <summary>The standard rates of VAT as reference data.</summary>
public abstract class StandardVatRateReferenceTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private StandardVatRateReference Reference => Get<StandardVatRateReference>();

    [Fact]
    public async Task List_AfterMigration_IsTheFourUkRatesSince1991()
    {
        var rates = (await Reference.ListAsync()).Rates;

        Assert.Equal([17.5m, 15m, 17.5m, 20m], rates.Select(r => r.Percent));
        Assert.Equal(new StandardVatRate(new DateOnly(2011, 1, 4), null, 20m), rates[^1]);
    }

    [Fact]
    public async Task Add_From1April2027_EndsThe20PercentRateOn31March2027()
    {
        await Reference.AddAsync(new DateOnly(2027, 4, 1), 22.5m);

        var rates = await Reference.ListAsync();
        Assert.Equal(5, rates.Rates.Count);
        Assert.Equal(new StandardVatRate(new DateOnly(2011, 1, 4), new DateOnly(2027, 3, 31), 20m), rates.Rates[3]);
        Assert.Equal(new StandardVatRate(new DateOnly(2027, 4, 1), null, 22.5m), rates.Rates[4]);
        Assert.Equal(20m, rates.RateOn(new DateOnly(2027, 3, 31)));
        Assert.Equal(22.5m, rates.RateOn(new DateOnly(2027, 4, 1)));
    }

    [Fact]
    public async Task Add_TwoInTurn_GivesEachTheNextId()
    {
        await Reference.AddAsync(new DateOnly(2027, 4, 1), 22.5m);
        await Reference.AddAsync(new DateOnly(2028, 4, 1), 21m);

        await using var db = Factory.CreateDbContext();
        var added = await db.StandardVatRates.Where(r => r.From > new DateOnly(2027, 1, 1))
            .Select(r => new { Id = EF.Property<int>(r, "Id"), r.From }).OrderBy(r => r.Id).ToListAsync();
        // The four seeded rates hold ids 1 to 4.
        Assert.Equal([(5, new DateOnly(2027, 4, 1)), (6, new DateOnly(2028, 4, 1))], added.Select(r => (r.Id, r.From!.Value)));
    }

    [Fact]
    public async Task Add_StartingOnOrBeforeTheCurrentRate_IsRefusedAndSavesNothing()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Reference.AddAsync(new DateOnly(2011, 1, 4), 21m));

        Assert.Equal("VAT rates: a new rate must start after the current 20% rate, which starts on 4 January 2011.", error.Message);
        Assert.Equal(4, (await Reference.ListAsync()).Rates.Count);
    }

    [Fact]
    public async Task RemoveLatest_AMistakenRate_ReopensTheRateBefore()
    {
        await Reference.AddAsync(new DateOnly(2027, 4, 1), 21m);

        await Reference.RemoveLatestAsync(new DateOnly(2027, 4, 1));

        var rates = (await Reference.ListAsync()).Rates;
        Assert.Equal(4, rates.Count);
        Assert.Equal(new StandardVatRate(new DateOnly(2011, 1, 4), null, 20m), rates[^1]);
    }

    [Fact]
    public async Task RemoveLatest_TheStatutory20PercentOrAStaleDate_IsRefused()
    {
        var statutory = await Assert.ThrowsAsync<DomainException>(() => Reference.RemoveLatestAsync(new DateOnly(2011, 1, 4)));
        await Reference.AddAsync(new DateOnly(2027, 4, 1), 21m);
        await Assert.ThrowsAsync<EditConflictException>(() => Reference.RemoveLatestAsync(new DateOnly(2026, 4, 1)));

        Assert.Equal("VAT rates: the 20% rate from 4 January 2011 is one of the UK's statutory rates, so it cannot be removed.", statutory.Message);
        Assert.Equal(5, (await Reference.ListAsync()).Rates.Count);
    }

    [Fact]
    public async Task RemoveLatest_ARateAnIssuedInvoiceCharged_IsRefused()
    {
        // 21% from 1 June 2013 (a mistake), charged on an issued invoice for October 2013.
        await Reference.AddAsync(new DateOnly(2013, 6, 1), 21m);
        await using (var db = Factory.CreateDbContext())
        {
            var service = await db.TradedServices.OrderBy(s => s.Id).FirstAsync();
            var october = new Domain.Dates.DateRange(new DateOnly(2013, 10, 1), new DateOnly(2013, 10, 31));
            var invoice = new Domain.Invoicing.Invoice(Domain.Invoicing.InvoiceKind.Invoice, (await db.Partnerships.FirstAsync(p => p.Services.Any(s => s.Id == service.Id))).Id,
                service.ProviderId, service.RecipientId, october, "October 2013", 30);
            invoice.AddLine(new Domain.Invoicing.InvoiceLine(service.Id, service.Name, Domain.Recharging.RechargeLineKind.Quantity, "1 day", october, 1m, "day",
                new Money(100_00), new LineVat(new Money(100_00), VatTreatment.StandardRated, 21m, new Money(21_00))));
            // Saved as a draft, then issued: the database refuses lines added to an invoice that already has a number.
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            invoice.Issue("TST-2013/14-0001", new DateOnly(2013, 11, 1), Invoicing.TestParties.Any);
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => Reference.RemoveLatestAsync(new DateOnly(2013, 6, 1)));

        Assert.Equal("VAT rates: the 21% rate from 1 June 2013 has been charged on invoice TST-2013/14-0001, so it cannot be removed. Add the right rate from a later day instead.", refused.Message);
        Assert.Equal(21m, (await Reference.ListAsync()).RateOn(new DateOnly(2013, 10, 31)));
    }

    [Fact]
    public async Task Add_PercentOver100_IsRefusedByTheRatesCheckAndSavesNothing()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Reference.AddAsync(new DateOnly(2027, 4, 1), 120m));

        Assert.Equal("VAT rates: 120% from 1 April 2027 must be from 0% to 100%.", error.Message);
        Assert.Null((await Reference.ListAsync()).Rates[^1].To);
    }
}

public sealed class StandardVatRateReferenceTests_Sqlite : StandardVatRateReferenceTests<SqliteTestDatabase>;

public sealed class StandardVatRateReferenceTests_Postgres : StandardVatRateReferenceTests<PostgresTestDatabase>;
