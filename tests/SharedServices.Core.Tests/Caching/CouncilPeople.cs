using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Access;
using SharedServices.Core.Persistence;

namespace SharedServices.Core.Tests.Caching;

/// <summary>Signed-in people of a seed council, for the tests of what each council is served.</summary>
public static class CouncilPeople
{
    public static async Task<Caller> OfAsync(SharedServicesDbContextFactory factory, string code)
    {
        await using var db = factory.CreateDbContext();
        var id = await db.Organisations.Where(o => o.ShortCode == code).Select(o => o.Id).SingleAsync();
        return Caller.Person($"Someone at {code}", $"user-{code}", id, [Roles.Director]);
    }
}
