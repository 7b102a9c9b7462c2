using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;

namespace SharedServices.Core.Access;

/// <summary>The roles table always holds the four roles, whichever way the database was started.</summary>
public static class AccountSetup
{
    public static async Task EnsureRolesAsync(SharedServicesDbContextFactory factory, CancellationToken cancel = default)
    {
        await using var db = factory.CreateDbContext();
        var held = await db.Roles.Select(r => r.Name).ToListAsync(cancel);
        foreach (var role in Roles.All.Where(r => !held.Contains(r)))
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another instance starting at the same moment added them first.
        }
    }
}
