using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SharedServices.Core.Access;
using SharedServices.Web.Security;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>
/// An open page's re-check (CircuitUserCheck, run every minute and on reconnect) against the app's real accounts: it
/// keeps a valid person, and cuts off a disabled account, one signed out everywhere, and a session past 8 hours.
/// </summary>
public sealed class CircuitUserCheckTests(SessionHost host) : IClassFixture<SessionHost>
{
    private async Task<(CircuitUserCheck Check, string Id)> OpenPageAsync(DateTimeOffset signedInAt)
    {
        var (id, _) = await host.NewAccountAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UserAccount>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(id))!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SignedInCaller.SignedInAtClaim, signedInAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var check = new CircuitUserCheck(NullLoggerFactory.Instance, host.Services.GetRequiredService<IServiceScopeFactory>(),
            host.Services.GetRequiredService<IOptions<IdentityOptions>>(), host.Clock);
        check.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (check, id);
    }

    private static async Task<bool> StillSignedInAsync(CircuitUserCheck check)
    {
        await check.RecheckNowAsync(CancellationToken.None);
        return (await check.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;
    }

    [Fact]
    public async Task ValidPerson_Kept()
    {
        var (check, _) = await OpenPageAsync(host.Clock.GetUtcNow());

        Assert.True(await StillSignedInAsync(check));
    }

    [Fact]
    public async Task Disabled_CutOff()
    {
        var (check, id) = await OpenPageAsync(host.Clock.GetUtcNow());
        using (Testers.AsSystem()) await host.Services.GetRequiredService<UserAccounts>().DisableAsync(id);

        Assert.False(await StillSignedInAsync(check));
    }

    [Fact]
    public async Task SignedOutEverywhere_CutOff()
    {
        var (check, id) = await OpenPageAsync(host.Clock.GetUtcNow());
        using (Testers.AsSystem()) await host.Services.GetRequiredService<UserAccounts>().SignOutEverywhereAsync(id);

        Assert.False(await StillSignedInAsync(check));
    }

    [Fact]
    public async Task RolesChanged_CutOff_SoTheNewRolesApplyFromTheNextSignIn()
    {
        var (check, id) = await OpenPageAsync(host.Clock.GetUtcNow());
        using (Testers.AsSystem()) await host.Services.GetRequiredService<UserAccounts>().SetRolesAsync(id, [Roles.BoardMember]);

        Assert.False(await StillSignedInAsync(check));
    }

    [Fact]
    public async Task EightHoursAndAMinuteAfterSigningIn_CutOff_SevenHours59Kept()
    {
        var (late, _) = await OpenPageAsync(host.Clock.GetUtcNow() - TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        var (early, _) = await OpenPageAsync(host.Clock.GetUtcNow() - TimeSpan.FromHours(7) - TimeSpan.FromMinutes(59));

        Assert.False(await StillSignedInAsync(late));
        Assert.True(await StillSignedInAsync(early));
    }
}
