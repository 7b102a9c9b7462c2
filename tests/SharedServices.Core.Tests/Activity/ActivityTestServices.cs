using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Charging;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Activity;

/// <summary>Services added to the first seed partnership for the activity tests, so seed activity cannot collide with them.</summary>
internal static class ActivityTestServices
{
    public const string Psychology = "Educational psychology (test)";
    public const string Director = "Shared director post (test)";

    /// <summary>
    /// Adds "Educational psychology (test)" at a day rate and "Shared director post (test)" as a 50% cost share, both running
    /// 1 April 2013 to 31 March 2014. Returns the partnership's code and the two services' ids.
    /// </summary>
    public static async Task<(string Code, int Psychology, int Director)> AddAsync(SharedServicesDbContextFactory factory, ChargeSchedules schedules)
    {
        int psychology, director;
        string code;
        await using (var db = factory.CreateDbContext())
        {
            var partnership = await db.Partnerships.Include(p => p.Services).Where(p => p.Services.Any()).OrderBy(p => p.Code).FirstAsync();
            var template = partnership.Services[0];
            var start = new DateOnly(2013, 4, 1);
            var end = new DateOnly(2014, 3, 31);
            var ep = partnership.AddService(new TradedService(Psychology, template.ProviderId, template.RecipientId, startDate: start, endDate: end));
            var dir = partnership.AddService(new TradedService(Director, template.ProviderId, template.RecipientId, startDate: start, endDate: end));
            await db.SaveChangesAsync();
            (code, psychology, director) = (partnership.Code, ep.Id, dir.Id);
        }
        await schedules.AddVersionAsync(psychology, new RateVersionInput(new DateOnly(2013, 4, 1), ChargingBasis.DayRate(new Money(450_00))));
        await schedules.AddVersionAsync(director, new RateVersionInput(new DateOnly(2013, 4, 1),
            ChargingBasis.CostShare(50m, new Money(120_000_00), InstalmentFrequency.Quarterly)));
        return (code, psychology, director);
    }
}
