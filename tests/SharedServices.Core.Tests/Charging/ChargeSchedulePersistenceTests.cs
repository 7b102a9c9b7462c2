using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Tests.Charging;

public abstract class ChargeSchedulePersistenceTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    /// <summary>A new service in a seed partnership: every seed service already has its illustrative schedule and VAT treatment.</summary>
    private async Task<int> AnyServiceId()
    {
        await using var db = Factory.CreateDbContext();
        var partnership = await db.Partnerships.Include(p => p.Services).Where(p => p.Services.Any()).OrderBy(p => p.Code).FirstAsync();
        var template = partnership.Services[0];
        var service = partnership.AddService(new TradedService("Unscheduled service", template.ProviderId, template.RecipientId));
        await db.SaveChangesAsync();
        return service.Id;
    }

    private static readonly DateOnly Entered = new(2013, 11, 20);

    // One version of every basis, each with different extras, so every column is written and read back.
    private static List<RateVersion> EveryBasis() =>
    [
        new(new DateOnly(2012, 4, 1), new DateOnly(2012, 3, 1), ChargingBasis.FixedAnnualSum(new Money(12_000_00), InstalmentFrequency.Termly),
            new Indexation(2.5m, IndexationDay.FirstApril), capPerFinancialYear: new Money(15_000_00), timing: BillingTiming.InAdvance),
        new(new DateOnly(2012, 9, 1), new DateOnly(2012, 8, 15), ChargingBasis.DayRate(new Money(450_00)),
            new Indexation(1.25m, IndexationDay.Anniversary), minimumCharge: new Money(900_00), paymentTermsDays: 14),
        new(new DateOnly(2013, 1, 1), new DateOnly(2012, 12, 1), ChargingBasis.HourlyRate(new Money(62_37))),
        new(new DateOnly(2013, 4, 1), Entered, ChargingBasis.PerUnit(new Money(35_50), "assessment"),
            capPerFinancialYear: new Money(20_000_00), minimumCharge: new Money(1_000_00)),
        new(new DateOnly(2014, 4, 1), new DateOnly(2014, 3, 10), ChargingBasis.CostShare(33.3333m, new Money(98_765_43), InstalmentFrequency.Quarterly)),
        new(new DateOnly(2015, 4, 1), new DateOnly(2015, 3, 10), ChargingBasis.FullCostRecovery(12.5m), timing: BillingTiming.InAdvance, paymentTermsDays: 30),
    ];

    [Fact]
    public async Task Schedule_WithEveryBasis_RoundTripsExactly()
    {
        var serviceId = await AnyServiceId();
        var schedule = new ChargeSchedule(serviceId, new DateOnly(2012, 4, 1), new DateOnly(2016, 3, 31));
        foreach (var version in EveryBasis()) schedule.AddVersion(version);
        await using (var db = Factory.CreateDbContext())
        {
            db.ChargeSchedules.Add(schedule);
            await db.SaveChangesAsync();
        }

        await using var read = Factory.CreateDbContext();
        var loaded = await read.ChargeSchedules.Include(s => s.Versions).SingleAsync(s => s.TradedServiceId == serviceId);

        Assert.Equal(new DateOnly(2012, 4, 1), loaded.ServiceStart);
        Assert.Equal(new DateOnly(2016, 3, 31), loaded.ServiceEnd);
        var expected = EveryBasis();
        Assert.Equal(expected.Count, loaded.Versions.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (want, got) = (expected[i], loaded.Versions[i]);
            Assert.Equal(want.EffectiveFrom, got.EffectiveFrom);
            Assert.Equal(want.EnteredOn, got.EnteredOn);
            Assert.Equal(want.Basis, got.Basis);
            Assert.Equal(want.Indexation, got.Indexation);
            Assert.Equal(want.CapPerFinancialYear, got.CapPerFinancialYear);
            Assert.Equal(want.MinimumCharge, got.MinimumCharge);
            Assert.Equal(want.Timing, got.Timing);
            Assert.Equal(want.PaymentTermsDays, got.PaymentTermsDays);
        }
        // Spot checks written out by hand, so a wrong factory cannot hide behind the comparison above.
        Assert.Equal("assessment", loaded.Versions[3].Basis.UnitName);
        Assert.Equal(33.3333m, loaded.Versions[4].Basis.SharePercent);
        Assert.Equal(new Money(98_765_43), loaded.Versions[4].Basis.BudgetedEstimate);
        Assert.Null(loaded.Versions[2].Indexation);
        Assert.True(loaded.Versions[3].IsBackdated);
        Assert.Equal(new Money(455_63), loaded.Versions[1].RateOn(new DateOnly(2013, 9, 1)));
    }

    [Fact]
    public async Task SecondSchedule_ForTheSameService_IsRefusedByTheDatabase()
    {
        var serviceId = await AnyServiceId();
        await using (var db = Factory.CreateDbContext())
        {
            db.ChargeSchedules.Add(new ChargeSchedule(serviceId, null));
            await db.SaveChangesAsync();
        }

        await using var again = Factory.CreateDbContext();
        again.ChargeSchedules.Add(new ChargeSchedule(serviceId, null));
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task VatTreatmentHistory_PerService_RoundTrips()
    {
        var serviceId = await AnyServiceId();
        await using (var db = Factory.CreateDbContext())
        {
            foreach (var change in new VatTreatmentChange[] { new(new DateOnly(2010, 4, 1), VatTreatment.OutsideTheScope), new(new DateOnly(2014, 4, 1), VatTreatment.StandardRated) })
            {
                db.ServiceVatTreatments.Add(change);
                db.Entry(change).Property("TradedServiceId").CurrentValue = serviceId;
            }
            await db.SaveChangesAsync();
        }

        await using var read = Factory.CreateDbContext();
        var history = new VatTreatmentHistory(await read.ServiceVatTreatments
            .Where(c => EF.Property<int>(c, "TradedServiceId") == serviceId).ToListAsync());
        Assert.Equal(VatTreatment.OutsideTheScope, history.TreatmentOn(new DateOnly(2014, 3, 31)));
        Assert.Equal(VatTreatment.StandardRated, history.TreatmentOn(new DateOnly(2014, 4, 1)));
    }

    [Theory]
    [InlineData(1991, 4, 1, "17.5")]
    [InlineData(2008, 11, 30, "17.5")]
    [InlineData(2008, 12, 1, "15")]
    [InlineData(2009, 12, 31, "15")]
    [InlineData(2010, 1, 1, "17.5")]
    [InlineData(2011, 1, 3, "17.5")]
    [InlineData(2011, 1, 4, "20")]
    [InlineData(2026, 11, 30, "20")]
    public async Task StandardVatRatesTable_AnswersTheRateOnBoundaryDays(int year, int month, int day, string percent)
    {
        await using var db = Factory.CreateDbContext();
        var rates = new StandardVatRates(await db.StandardVatRates.AsNoTracking().ToListAsync());

        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), rates.RateOn(new DateOnly(year, month, day)));
        Assert.Equal(4, rates.Rates.Count);
    }
}

public sealed class ChargeSchedulePersistenceTests_Sqlite : ChargeSchedulePersistenceTests<SqliteTestDatabase>;

public sealed class ChargeSchedulePersistenceTests_Postgres : ChargeSchedulePersistenceTests<PostgresTestDatabase>;
