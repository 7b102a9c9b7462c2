using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;

namespace SharedServices.Core.Access;

/// <summary>
/// The signed-in person's own account, as their account page shows it: who they are, their organisation and roles,
/// and whether they have a calendar feed. Anyone signed in may read their own; no one reads another's through this.
/// </summary>
public sealed class YourAccount(IDbContextFactory<SharedServicesDbContext> contexts)
{
    /// <summary>The caller's own account; null for nobody, for the system, and for an account that is gone.</summary>
    public async Task<AccountSummary?> LoadAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (db.Caller.UserId is not { } id) return null;
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { User = u, Organisation = o.Name })
            .FirstOrDefaultAsync(cancel);
        if (found is null) return null;
        var roles = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancel);
        var user = found.User;
        return new AccountSummary(user.Id, user.Email ?? "", user.DisplayName, user.OrganisationId, found.Organisation,
            roles.OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList(), user.DisabledAtUtc is not null, false, user.CalendarFeedTokenHash is not null);
    }
}
