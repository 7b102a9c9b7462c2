using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Persistence;
using SharedServices.Domain;

namespace SharedServices.Core.Access;

/// <summary>What an administrator sees of an account.</summary>
public sealed record AccountSummary(string Id, string Email, string DisplayName, int OrganisationId, string OrganisationName,
    IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, bool HasCalendarFeed);

/// <summary>An account to make: the password is the person's first one.</summary>
public sealed record NewAccount(string Email, string DisplayName, string OrganisationCode, IReadOnlyCollection<string> Roles, string Password);

/// <summary>
/// The people who sign in: adding them, their roles, disabling them, signing them out everywhere, and their secret
/// calendar-feed address. A person acts only within their own organisation, and only an administrator manages
/// accounts; the system (the command line) may do anything, which is how the first administrator is made.
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes, IDbContextFactory<SharedServicesDbContext> contexts, TimeProvider clock)
{
    public async Task<AccountSummary> AddAsync(NewAccount account, CancellationToken cancel = default)
    {
        var roles = CheckRoles(account.Roles);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharedServicesDbContext>();
        // Codes are stored in capitals (IWC); people type iwc.
        var code = account.OrganisationCode.Trim().ToUpperInvariant();
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.ShortCode == code, cancel)
            ?? throw new DomainException($"Organisation: there is no organisation with the code \"{code}\".");
        RequireAdministratorFor(db.Caller, organisation.Id);
        var email = account.Email.Trim();
        if (string.IsNullOrWhiteSpace(account.DisplayName)) throw new DomainException("Name: enter the person's name.");
        if (account.DisplayName.Trim().Length > UserAccount.MaxDisplayNameLength)
            throw new DomainException($"Name: use at most {UserAccount.MaxDisplayNameLength} characters.");
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            throw new DomainException("E-mail: enter an address like jane.smith@council.gov.uk.");
        if (account.Password.Length > AccountPolicy.MaximumPasswordLength)
            throw new DomainException($"Password: use at most {AccountPolicy.MaximumPasswordLength} characters.");

        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = new UserAccount
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = account.DisplayName.Trim(),
            OrganisationId = organisation.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        Check(await users.CreateAsync(user, account.Password));
        if (roles.Count > 0) Check(await users.AddToRolesAsync(user, roles));
        await transaction.CommitAsync(cancel);
        return new AccountSummary(user.Id, email, user.DisplayName, organisation.Id, organisation.Name, roles, false, false, false);
    }

    /// <summary>The accounts the caller may manage: their own organisation's, or everyone's for the system.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var caller = db.Caller;
        var now = clock.GetUtcNow();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => caller.SeesEverything || u.OrganisationId == caller.ScopeOrganisationId)
            .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { User = u, Organisation = o.Name })
            .ToListAsync(cancel);
        var ids = accounts.Select(a => a.User.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancel);
        return accounts.OrderBy(a => a.Organisation).ThenBy(a => a.User.DisplayName)
            .Select(a => new AccountSummary(a.User.Id, a.User.Email ?? "", a.User.DisplayName, a.User.OrganisationId, a.Organisation,
                roles.Where(r => r.UserId == a.User.Id).Select(r => r.Name!).OrderBy(n => Roles.All.ToList().IndexOf(n)).ToList(),
                a.User.DisabledAtUtc is not null, a.User.LockoutEnd > now, a.User.CalendarFeedTokenHash is not null))
            .ToList();
    }

    public Task SetRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancel = default) =>
        ChangeAsync(userId, async (users, user) =>
        {
            var wanted = CheckRoles(roles);
            var held = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, held.Except(wanted)));
            Check(await users.AddToRolesAsync(user, wanted.Except(held)));
            // A changed role takes effect on open pages at the next re-check, not whenever the cookie next renews.
            Check(await users.UpdateSecurityStampAsync(user));
        }, cancel);

    /// <summary>Disables the account: it cannot sign in, and its open pages are cut off at their next re-check.</summary>
    public Task DisableAsync(string userId, CancellationToken cancel = default) =>
        ChangeAsync(userId, async (users, user) =>
        {
            if (user.Id == CallerContext.Current?.UserId) throw new DomainException("You cannot disable your own account.");
            user.DisabledAtUtc = clock.GetUtcNow().UtcDateTime;
            user.CalendarFeedTokenHash = null;
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
        }, cancel);

    public Task EnableAsync(string userId, CancellationToken cancel = default) =>
        ChangeAsync(userId, async (users, user) =>
        {
            user.DisabledAtUtc = null;
            Check(await users.UpdateAsync(user));
            Check(await users.SetLockoutEndDateAsync(user, null));
        }, cancel);

    /// <summary>Ends every session of the account, on every device (a new security stamp invalidates every cookie).</summary>
    public Task SignOutEverywhereAsync(string userId, CancellationToken cancel = default) =>
        ChangeAsync(userId, async (users, user) => Check(await users.UpdateSecurityStampAsync(user)), cancel, selfAllowed: true);

    /// <summary>A new secret calendar-feed token for the account, replacing any old one (which stops working at once).</summary>
    public async Task<string> RenewCalendarFeedAsync(string userId, CancellationToken cancel = default)
    {
        var token = FeedToken.New();
        await ChangeAsync(userId, async (users, user) =>
        {
            user.CalendarFeedTokenHash = FeedToken.Hash(token);
            Check(await users.UpdateAsync(user));
        }, cancel, selfAllowed: true);
        return token;
    }

    public Task RevokeCalendarFeedAsync(string userId, CancellationToken cancel = default) =>
        ChangeAsync(userId, async (users, user) =>
        {
            user.CalendarFeedTokenHash = null;
            Check(await users.UpdateAsync(user));
        }, cancel, selfAllowed: true);

    /// <summary>The person a feed token belongs to, as a caller; null for an unknown or revoked token or a disabled account.</summary>
    public async Task<Caller?> CallerForCalendarFeedAsync(string? token, CancellationToken cancel = default)
    {
        if (!FeedToken.LooksLikeOne(token)) return null;
        var hash = FeedToken.Hash(token!);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.CalendarFeedTokenHash == hash, cancel);
        return user is null ? null : await CallerForAsync(db, user, cancel);
    }

    /// <summary>The account as a caller, as it stands now; null if it is gone or disabled.</summary>
    public async Task<Caller?> CallerForAsync(string userId, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancel);
        return user is null ? null : await CallerForAsync(db, user, cancel);
    }

    private static async Task<Caller?> CallerForAsync(SharedServicesDbContext db, UserAccount user, CancellationToken cancel)
    {
        if (user.DisabledAtUtc is not null) return null;
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancel);
        return Caller.Person(user.Signature, user.Id, user.OrganisationId, roles);
    }

    private async Task ChangeAsync(string userId, Func<UserManager<UserAccount>, UserAccount, Task> change, CancellationToken cancel, bool selfAllowed = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharedServicesDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.FindByIdAsync(userId);
        // Another organisation's account is "not found", as another council's partnership is.
        if (user is null || !db.Caller.ActsFor(user.OrganisationId)) throw new DomainException("There is no such account.");
        if (!(selfAllowed && db.Caller.UserId == user.Id)) RequireAdministratorFor(db.Caller, user.OrganisationId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        await change(users, user);
        await transaction.CommitAsync(cancel);
    }

    private static void RequireAdministratorFor(Caller caller, int organisationId)
    {
        if (!caller.HasRole(Roles.Administrator) || !caller.ActsFor(organisationId))
            throw new DomainException("Only an administrator of the person's own organisation may manage their account.");
    }

    private static List<string> CheckRoles(IEnumerable<string> roles)
    {
        var list = roles.Distinct().ToList();
        var unknown = list.Except(Roles.All).ToList();
        if (unknown.Count > 0) throw new DomainException($"Roles: \"{unknown[0]}\" is not a role. The roles are {string.Join(", ", Roles.All)}.");
        return list;
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var error = result.Errors.First();
        // Identity says it twice (the e-mail is the user name too); once is enough.
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            throw new DomainException("E-mail: there is already an account with this address.");
        var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
            : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "E-mail"
            : "Account";
        throw new DomainException($"{field}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
