using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// The real app, hosted in-process on a free port with its own SQLite file and the seed data, and a headless
/// Debian Chromium to drive it. Shared by the tests of one class.
/// </summary>
public class AppHost : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"sharedservices-e2e-{Guid.NewGuid():N}");
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where this host keeps its database, which tells its queries apart from other hosts' in the same process.</summary>
    public string DataFolder => _dataFolder;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The app's services, for a journey that sets up data of its own before it starts.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The day the journeys are set on.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            UseTestSettings(web, _dataFolder);
            web.UseUrls("http://127.0.0.1:0"); // a free port, so test classes can run side by side
            Configure(web);
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The test server did not report its address.");
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");

        var chromium = Environment.GetEnvironmentVariable("SHAREDSERVICES_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium is not installed at {chromium}. Run ./test.sh, which installs it.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    private readonly Dictionary<string, IReadOnlyList<Cookie>> _signedIn = [];

    /// <summary>
    /// The cookies of a session signed in as the council's tester (every role), signed in once per host through the
    /// real sign-in form and handed to each browser context, so that journeys need not type a password each time.
    /// </summary>
    public async Task<IReadOnlyList<Cookie>> CookiesForAsync(string organisation)
    {
        await Testers.EnsureAsync(Services, organisation);
        return await CookiesForAccountAsync(Testers.EmailFor(organisation), Testers.Password);
    }

    /// <summary>A plain HTTP client (no browser) signed in as the council's tester, for checking raw answers; one per council per host (do not dispose it).</summary>
    public async Task<HttpClient> ClientForAsync(string organisation)
    {
        if (_clients.TryGetValue(organisation, out var known)) return known;
        await Testers.EnsureAsync(Services, organisation);
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(BaseUrl),
        };
        await Testers.SignInAsync(client, organisation);
        return _clients[organisation] = client;
    }

    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>The cookies of a session signed in as any account (a demo account, say), once per host.</summary>
    public async Task<IReadOnlyList<Cookie>> CookiesForAccountAsync(string email, string password)
    {
        if (_signedIn.TryGetValue(email, out var known)) return known;
        var jar = new System.Net.CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        await Testers.SignInAsync(client, email, password);
        var cookies = jar.GetCookies(new Uri(BaseUrl)).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = SameSiteAttribute.Strict,
        }).ToList();
        return _signedIn[email] = cookies;
    }

    /// <summary>Settings of a host that differs from the usual one.</summary>
    protected virtual void Configure(IWebHostBuilder web) { }

    /// <summary>The app as the tests run it: its own data folder, the seed data, SQLite, and the journeys' day.</summary>
    public static void UseTestSettings(IWebHostBuilder web, string dataFolder)
    {
        web.UseEnvironment("Development"); // serves MudBlazor's static files without a publish step
        web.UseSetting("DataFolder", dataFolder);
        web.UseSetting("SeedData:Folder", Path.Combine(AppContext.BaseDirectory, "seed-data"));
        web.UseSetting("ConnectionStrings:Postgres", "");
        // The journeys stand on one day, so the key dates they expect never drift.
        web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(Today)));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }
}

/// <summary>A clock stopped at noon on one day.</summary>
public sealed class FixedClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
