using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>
/// Outside Development the sign-in cookie is Secure and takes the __Host- prefix, so a browser sends it only over
/// HTTPS, only to this host, and no other page on another path or subdomain can set one in its place. Production has
/// no demo accounts: a fresh database has no one to sign in as.
/// </summary>
public sealed class ProductionCookieTests(ProductionHost host) : IClassFixture<ProductionHost>
{
    [Fact]
    public async Task SignInOverHttps_CookieIsHostPrefixedSecureHttpOnlyStrict()
    {
        using (Testers.AsSystem())
            await host.Services.GetRequiredService<UserAccounts>().AddAsync(
                new NewAccount("first.admin@iwc.test", "First Administrator", "IWC", [Roles.Administrator], Testers.Password));
        using var client = host.Client("https");

        using var response = await Testers.PostSignInAsync(client, "first.admin@iwc.test", Testers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-SharedServices=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
    }

    [Fact]
    public async Task FreshProductionDatabase_HasNoDemoAccounts()
    {
        using var _ = Testers.AsSystem();
        var accounts = await host.Services.GetRequiredService<UserAccounts>().ListAsync();

        Assert.DoesNotContain(accounts, a => DemoUsers.All.Any(demo => demo.Email == a.Email));
    }
}
