using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SharedServices.Core.Access;

namespace SharedServices.Web.Security;

/// <summary>
/// The claims a signed-in person's cookie carries beyond Identity's own (id, e-mail, roles, security stamp), and the
/// <see cref="Caller"/> they make: who the database works for on this request or this piece of circuit activity.
/// </summary>
public static class SignedInCaller
{
    public const string OrganisationClaim = "sharedservices:organisation";
    public const string DisplayNameClaim = "sharedservices:name";

    /// <summary>When the person typed their password (UTC ticks); kept across cookie renewals, for the absolute session lifetime.</summary>
    public const string SignedInAtClaim = "sharedservices:signed-in-at";

    /// <summary>However active, a session ends this long after its sign-in: a working day.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);

    /// <summary>A session not used for this long ends (the cookie's sliding expiry).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How often an open page re-checks that its person is still allowed in.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);

    public static Caller From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true }
            || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id
            || !int.TryParse(user.FindFirstValue(OrganisationClaim), out var organisation))
            return Caller.Nobody;
        var name = UserAccount.SignatureOf(user.FindFirstValue(DisplayNameClaim), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name);
        return Caller.Person(name, id, organisation, user.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }

    public static bool IsPastItsLifetime(ClaimsPrincipal user, DateTimeOffset now) =>
        !long.TryParse(user.FindFirstValue(SignedInAtClaim), out var ticks)
        || now.UtcDateTime - new DateTime(ticks, DateTimeKind.Utc) > AbsoluteLifetime;
}

/// <summary>Adds the organisation and display name to the cookie's claims, so no request needs to look them up.</summary>
public sealed class AccountClaimsFactory(UserManager<UserAccount> users, RoleManager<IdentityRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SignedInCaller.OrganisationClaim, user.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(SignedInCaller.DisplayNameClaim, user.DisplayName));
        if (!identity.HasClaim(c => c.Type == ClaimTypes.Email) && user.Email is { } email) identity.AddClaim(new Claim(ClaimTypes.Email, email));
        return identity;
    }
}
