using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Audit;
using SharedServices.Core.Persistence;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>A clock a test can move on, to see sessions expire and be re-checked.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>The app in memory (Development settings, seed data) with a clock the tests move.</summary>
public sealed class SessionHost : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"sharedservices-session-{Guid.NewGuid():N}");
    private WebApplicationFactory<Program>? _factory;

    public MovableClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => _factory!.Services;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            AppHost.UseTestSettings(web, _dataFolder);
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        return Task.CompletedTask;
    }

    public HttpClient NewClient() => _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new account of its own (so that locking or disabling it disturbs no other test), with every role.</summary>
    public async Task<(string Id, string Email)> NewAccountAsync(string organisation = "IWC")
    {
        var email = $"session-{Guid.NewGuid():N}@{organisation.ToLowerInvariant()}.test";
        using var _ = Testers.AsSystem();
        var account = await Services.GetRequiredService<UserAccounts>().AddAsync(new NewAccount(email, "Session Tester", organisation, Roles.All, Testers.Password));
        return (account.Id, email);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }
}

/// <summary>
/// What a session is allowed: its cookie's flags, the idle timeout (30 minutes), the absolute lifetime (8 hours),
/// the re-check that ends a disabled account's or a signed-out-everywhere account's sessions within a minute, the
/// lockout after 5 failures, and the audit trail of it all. The cookie's flags are read from real responses.
/// </summary>
public sealed class SessionTests(SessionHost host) : IClassFixture<SessionHost>
{
    private const string Page = "/partnerships";

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string path = Page)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    /// <summary>Where a redirect goes, made absolute against the app's address (the in-memory host is http://localhost).</summary>
    private static string Resolved(HttpResponseMessage response) => new Uri(new Uri("http://localhost/"), response.Headers.Location!).ToString();

    [Fact]
    public async Task SignIn_CookieIsHttpOnlyAndSameSiteStrict_AndOpensThePages()
    {
        var (_, email) = await host.NewAccountAsync();
        var client = host.NewClient();

        using var response = await Testers.PostSignInAsync(client, email, Testers.Password, "/key-dates");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/key-dates", Resolved(response));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SharedServices.SignIn=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/", cookie);
        Assert.DoesNotContain("expires=", cookie); // a session cookie: closing the browser ends it
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignIn_ReturnAddressOffTheSite_GoesToTheDashboardInstead(string returnUrl)
    {
        var (_, email) = await host.NewAccountAsync();
        var client = host.NewClient();

        using var response = await Testers.PostSignInAsync(client, email, Testers.Password, returnUrl);

        Assert.Equal("http://localhost/", Resolved(response)); // the app's own dashboard, not the other site
    }

    [Fact]
    public async Task IdleFor31Minutes_SignedOut_ButActiveEvery20MinutesStaysIn()
    {
        var (_, email) = await host.NewAccountAsync();
        var client = host.NewClient();
        await Testers.SignInAsync(client, email, Testers.Password);

        host.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client)); // past half the 30 minutes: the cookie is renewed
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client)); // 20 minutes after the renewal
        host.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(client));
    }

    [Fact]
    public async Task ActiveAllDay_SignedOutEightHoursAfterSigningIn()
    {
        var (_, email) = await host.NewAccountAsync();
        var client = host.NewClient();
        await Testers.SignInAsync(client, email, Testers.Password);

        // Every 20 minutes for 7 hours 40 minutes (23 visits): still in.
        for (var visit = 0; visit < 23; visit++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client));
        }
        // 8 hours 20 minutes after signing in: out, however recently used.
        host.Clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(client));
    }

    [Fact]
    public async Task Disabled_EveryOpenSessionEndsWithinAMinute_AndCannotSignInAgain()
    {
        var (id, email) = await host.NewAccountAsync();
        var client = host.NewClient();
        await Testers.SignInAsync(client, email, Testers.Password);
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client));

        using (Testers.AsSystem()) await host.Services.GetRequiredService<UserAccounts>().DisableAsync(id);
        host.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(client));
        var again = host.NewClient();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Testers.SignInAsync(again, email, Testers.Password));
        Assert.Contains("The e-mail address or password is not right.", refused.Message); // the same words as any refusal
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheOtherBrowsersSessionWithinAMinute()
    {
        var (id, email) = await host.NewAccountAsync();
        var laptop = host.NewClient();
        var phone = host.NewClient();
        await Testers.SignInAsync(laptop, email, Testers.Password);
        await Testers.SignInAsync(phone, email, Testers.Password);

        using (Testers.AsSystem()) await host.Services.GetRequiredService<UserAccounts>().SignOutEverywhereAsync(id);
        host.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(laptop));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(phone));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenTheRightOneIsRefused_AndEachAttemptIsAudited()
    {
        var (id, email) = await host.NewAccountAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await Assert.ThrowsAsync<InvalidOperationException>(() => Testers.SignInAsync(host.NewClient(), email, "not-the-password-at-all"));
            Assert.Contains("The e-mail address or password is not right.", wrong.Message);
        }

        // Locked: the right password is refused too, with the same words, so a guesser learns nothing.
        var right = await Assert.ThrowsAsync<InvalidOperationException>(() => Testers.SignInAsync(host.NewClient(), email, Testers.Password));
        Assert.Contains("The e-mail address or password is not right.", right.Message);
        // (Identity times the 15 minutes by the real clock, not the app's, so their end is not tested here.)

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<SharedServicesDbContext>>().CreateDbContextAsync();
        var events = await db.Set<AuditEntry>().IgnoreQueryFilters().Where(e => e.UserId == id && e.Action == AuditAction.SignInFailed).CountAsync();
        Assert.Equal(6, events); // 4 wrong passwords, the 5th that locked it, and the right one refused while locked
    }

    [Fact]
    public async Task WrongPassword_IsNotSentBackInThePage()
    {
        var (_, email) = await host.NewAccountAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Testers.SignInAsync(host.NewClient(), email, "MySecretGuess-123"));

        Assert.DoesNotContain("MySecretGuess-123", refused.Message); // the message holds the whole page
        Assert.Contains("id=\"sign-in-problem\"", refused.Message);
    }

    [Fact]
    public async Task SignOut_ACopyOfTheCookieStopsWorkingWithinAMinute()
    {
        var (_, email) = await host.NewAccountAsync();
        var browser = host.NewClient();
        await Testers.SignInAsync(browser, email, Testers.Password);
        using var page = await browser.GetAsync("/account");
        var cookie = string.Join("; ", page.RequestMessage!.Headers.GetValues("Cookie"));
        var token = Testers.TokenOf(await page.Content.ReadAsStringAsync());

        using var signOut = await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        host.Clock.Advance(TimeSpan.FromSeconds(61));

        var thief = host.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Page);
        request.Headers.Add("Cookie", cookie);
        using var stolen = await thief.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, stolen.StatusCode);
    }

    [Fact]
    public async Task UnknownAddress_SameWordsAsAWrongPassword()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Testers.SignInAsync(host.NewClient(), "nobody@nowhere.test", "whatever-password"));

        Assert.Contains("The e-mail address or password is not right.", refused.Message);
    }
}
