using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Web.Tests.Activity;

/// <summary>
/// A service of the tests' own, added to a seed partnership, so that any activity or schedule in the seed data
/// cannot change what a test sees. It has no schedule of charges, so it takes any unit or an actual cost.
/// </summary>
internal static class ActivityTestService
{
    public const string Partnership = "halton-cwac-shared-service";
    public const string Name = "Activity test service";

    /// <summary>Adds the service, running from 1 April 2026 with no end; returns its id.</summary>
    public static async Task<int> AddAsync(SharedServicesDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var partnership = await db.Partnerships.Include(p => p.Services).SingleAsync(p => p.Code == Partnership);
        var template = partnership.Services[0];
        var service = partnership.AddService(new TradedService(Name, template.ProviderId, template.RecipientId, startDate: new DateOnly(2026, 4, 1)));
        await db.SaveChangesAsync();
        return service.Id;
    }
}
