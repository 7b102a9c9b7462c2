using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SharedServices.Core.Access;

namespace SharedServices.Web.Security;

/// <summary>
/// An open page (a Blazor circuit) outlives the request that signed it in, so it re-checks its person every
/// <see cref="SignedInCaller.RecheckInterval"/> and whenever the browser reconnects: an account disabled, signed out
/// everywhere, given other roles, or past its session's lifetime is cut off within a minute, not when the tab closes.
/// </summary>
public sealed class CircuitUserCheck(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => SignedInCaller.RecheckInterval;

    /// <summary>Re-checks now (on reconnect); an invalid person's page is told it is signed out.</summary>
    public async Task RecheckNowAsync(CancellationToken cancel)
    {
        var state = await GetAuthenticationStateAsync();
        if (state.User.Identity is { IsAuthenticated: true } && !await ValidateAuthenticationStateAsync(state, cancel))
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancel)
    {
        if (SignedInCaller.IsPastItsLifetime(state.User, clock.GetUtcNow())) return false;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || user.DisabledAtUtc is not null) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = state.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
