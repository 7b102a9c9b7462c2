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

public abstract class ChargeSchedulesTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // The pay award was agreed on 20 November 2013 and backdated to 1 April 2013.
    private static readonly DateOnly Today = new(2013, 11, 20);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(Today));

    private ChargeSchedules Schedules => Get<ChargeSchedules>();

    /// <summary>Adds a service starting on 1 April 2012 to the first seed partnership that has services; returns the partnership's code and the service's id.</summary>
    private async Task<(string Code, int PartnershipId, int ServiceId)> NewService(string name = "Educational psychology")
    {
        await using var db = Factory.CreateDbContext();
        var partnership = await db.Partnerships.Include(p => p.Services).Where(p => p.Services.Any()).OrderBy(p => p.Code).FirstAsync();
        var template = partnership.Services[0];
        var service = partnership.AddService(new TradedService(name, template.ProviderId, template.RecipientId, startDate: new DateOnly(2012, 4, 1)));
        await db.SaveChangesAsync();
        return (partnership.Code, partnership.Id, service.Id);
    }

    private async Task<int> PartnershipVersion(int id)
    {
        await using var db = Factory.CreateDbContext();
        return (await db.Partnerships.SingleAsync(p => p.Id == id)).Version;
    }

    private static RateVersionInput DayRate(int year, int month, int day, long pence) =>
        new(new DateOnly(year, month, day), ChargingBasis.DayRate(new Money(pence)));

    [Fact]
    public async Task AddVersion_StartingInThePast_IsEnteredTodayAndBackdated()
    {
        var (_, partnershipId, serviceId) = await NewService();
        await Schedules.AddVersionAsync(serviceId, DayRate(2012, 4, 1, 420_00), await PartnershipVersion(partnershipId));
        await Schedules.AddVersionAsync(serviceId, DayRate(2013, 4, 1, 432_60), await PartnershipVersion(partnershipId));

        var schedule = await Schedules.FindAsync(serviceId);

        Assert.NotNull(schedule);
        Assert.Equal(new DateOnly(2012, 4, 1), schedule.ServiceStart);
        Assert.Equal([new DateOnly(2012, 4, 1), new DateOnly(2013, 4, 1)], schedule.Versions.Select(v => v.EffectiveFrom));
        Assert.All(schedule.Versions, v => Assert.Equal(Today, v.EnteredOn));
        Assert.Equal(new Money(420_00), schedule.VersionOn(new DateOnly(2013, 3, 31))!.Basis.Rate);
        Assert.Equal(new Money(432_60), schedule.VersionOn(new DateOnly(2013, 4, 1))!.Basis.Rate);
        // Both were entered on 20 November 2013, after they took effect.
        Assert.All(schedule.Versions, v => Assert.True(v.IsBackdated));
    }

    [Fact]
    public async Task AddVersion_SameStartDay_IsRefusedAndLeavesNothingSaved()
    {
        var (_, partnershipId, serviceId) = await NewService();
        await Schedules.AddVersionAsync(serviceId, DayRate(2013, 4, 1, 432_60));
        var version = await PartnershipVersion(partnershipId);

        var error = await Assert.ThrowsAsync<DomainException>(() => Schedules.AddVersionAsync(serviceId, DayRate(2013, 4, 1, 999_00), version));

        Assert.Equal("There is already a rate version starting on 1 April 2013: change that version instead of adding another.", error.Message);
        var schedule = await Schedules.FindAsync(serviceId);
        Assert.Equal(new Money(432_60), Assert.Single(schedule!.Versions).Basis.Rate);
        Assert.Equal(version, await PartnershipVersion(partnershipId));
    }

    [Fact]
    public async Task AddVersion_FirstOneBeforeTheServiceStarts_IsRefusedAndCreatesNoSchedule()
    {
        var (_, _, serviceId) = await NewService();

        var error = await Assert.ThrowsAsync<DomainException>(() => Schedules.AddVersionAsync(serviceId, DayRate(2012, 3, 31, 420_00)));

        Assert.Equal("A rate version cannot start on 31 March 2012, before the service starts on 1 April 2012.", error.Message);
        Assert.Null(await Schedules.FindAsync(serviceId));
    }

    [Fact]
    public async Task AddVersion_AfterSomeoneElseSavedThePartnership_IsAnEditConflictAndSavesNothing()
    {
        var (_, partnershipId, serviceId) = await NewService();
        var loaded = await PartnershipVersion(partnershipId);
        await Schedules.AddVersionAsync(serviceId, DayRate(2012, 4, 1, 420_00), loaded);

        await Assert.ThrowsAsync<EditConflictException>(() => Schedules.AddVersionAsync(serviceId, DayRate(2013, 4, 1, 432_60), loaded));

        Assert.Single((await Schedules.FindAsync(serviceId))!.Versions);
        Assert.Equal(loaded + 1, await PartnershipVersion(partnershipId));
    }

    [Fact]
    public async Task Current_ListsEachScheduledServiceWithRateAndVatOnTheDate()
    {
        var (code, _, psychology) = await NewService();
        var (_, _, improvement) = await NewService("School improvement");
        await Schedules.AddVersionAsync(psychology, DayRate(2012, 4, 1, 420_00));
        await Schedules.AddVersionAsync(psychology, DayRate(2013, 4, 1, 432_60));
        await Schedules.AddVersionAsync(improvement,
            new(new DateOnly(2012, 4, 1), ChargingBasis.FixedAnnualSum(new Money(24_000_00), InstalmentFrequency.Monthly)));
        await using (var db = Factory.CreateDbContext())
        {
            foreach (var change in new VatTreatmentChange[] { new(new DateOnly(2012, 4, 1), VatTreatment.OutsideTheScope), new(new DateOnly(2013, 4, 1), VatTreatment.StandardRated) })
            {
                db.ServiceVatTreatments.Add(change);
                db.Entry(change).Property("TradedServiceId").CurrentValue = psychology;
            }
            await db.SaveChangesAsync();
        }

        var before = await Schedules.CurrentAsync(code, new DateOnly(2013, 3, 31));
        var after = await Schedules.CurrentAsync(code, new DateOnly(2013, 4, 1));

        // The two new services with schedules by name, among the partnership's two seed services with illustrative ones.
        Assert.Equal(["Educational psychology", "School improvement", "Shared Safeguarding Unit Manager", "Shared Strategic Director of Children's Services"],
            before.Select(c => c.ServiceName));
        Assert.Equal(("Day rate £420.00", VatTreatment.OutsideTheScope), (before[0].BasisText, before[0].Vat));
        Assert.Equal(("Day rate £432.60", VatTreatment.StandardRated), (after[0].BasisText, after[0].Vat));
        Assert.Equal(new Money(432_60), after[0].Rate);
        Assert.Equal(("Fixed annual sum £24,000.00, monthly", (VatTreatment?)null), (after[1].BasisText, after[1].Vat));
        // The nine seed services, each with its illustrative schedule, and the two new ones.
        Assert.Equal(11, (await Schedules.CurrentAsync()).Count);
    }

    [Fact]
    public async Task Current_UnknownPartnership_IsRefusedByName()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Schedules.CurrentAsync("no-such-partnership"));

        Assert.Equal("No partnership has the code \"no-such-partnership\".", error.Message);
    }
}

public sealed class ChargeSchedulesTests_Sqlite : ChargeSchedulesTests<SqliteTestDatabase>;

public sealed class ChargeSchedulesTests_Postgres : ChargeSchedulesTests<PostgresTestDatabase>;
