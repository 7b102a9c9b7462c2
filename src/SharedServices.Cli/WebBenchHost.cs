using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SharedServices.Core.Access;
using SharedServices.Core.Calendar;
using SharedServices.Core.Persistence;
using SharedServices.Core.SeedData;
using SharedServices.Web.Startup;

namespace SharedServices.Cli;

/// <summary>
/// The real web app, hosted in this process on a free loopback port as the browser tests host it, over a throwaway
/// database holding the seed data and <see cref="SyntheticPartnerships"/>. The database is filled before the app
/// starts, so the app's own start-up (and anything it derives or caches then) sees the whole register. It runs as
/// Production (no developer pages, the secure cookie) but with the build's static web assets, which outside
/// Development only a published app has. One person of the benchmark's council is made and signed in through the
/// sign-in form; their cookie is handed to the load's client and to the browser.
/// </summary>
internal sealed partial class WebBenchHost : IAsyncDisposable
{
    public const string Email = "load.runner@benchmark-council.test";
    public const string Password = "quiet-harbour-lantern-2026"; // holds neither the e-mail name nor the council, as the password rules ask

    private readonly WebApplicationFactory<StaticAssetsCheck> _factory;
    private readonly Func<Task> _remove;

    private WebBenchHost(WebApplicationFactory<StaticAssetsCheck> factory, string baseUrl, Func<Task> remove, CircuitCount circuits)
    {
        Circuits = circuits;
        _factory = factory;
        BaseUrl = baseUrl;
        _remove = remove;
    }

    /// <summary>The circuits the app holds now.</summary>
    public CircuitCount Circuits { get; }

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>The signed-in person's cookies, as a Cookie header ("name=value; name=value").</summary>
    public string CookieHeader { get; private set; } = "";

    /// <summary>The same cookies as name and value, for the browser.</summary>
    public IReadOnlyList<(string Name, string Value)> Cookies { get; private set; } = [];

    public static async Task<WebBenchHost> StartAsync(string provider, string? postgresServer, int partnerships, TextWriter errors, CancellationToken cancel)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sharedservices-bench-web-{Guid.NewGuid():N}");
        string? postgres = null;
        Func<Task> remove;
        if (provider == "SQLite")
        {
            Directory.CreateDirectory(folder);
            remove = () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            };
        }
        else
        {
            var name = $"sharedservices_bench_{Guid.NewGuid():N}";
            await BenchDatabase.Execute(postgresServer!, $"CREATE DATABASE \"{name}\"", cancel);
            postgres = $"{postgresServer};Database={name}";
            remove = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await BenchDatabase.Execute(postgresServer!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
            };
        }

        try
        {
            var settings = DatabaseSettings.Choose(postgres, folder);
            var factory = new SharedServicesDbContextFactory(settings);
            await DatabaseStartup.MigrateAsync(factory, cancel);
            await new SeedDataLoader(factory).LoadAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), cancel);
            await new BankHolidayReference(factory, TimeProvider.System).EnsureUsualYearsAsync(cancel);
            await SyntheticPartnerships.AddAsync(factory, partnerships, cancel);
        }
        catch
        {
            await remove();
            throw;
        }

        // The factory looks for the app's content root through a manifest in the working folder, so it fails when the
        // command is started from anywhere else; its setting for the root comes first, so it is given: this folder,
        // which holds the app's settings files, as a published app's does.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SHAREDSERVICES_WEB", AppContext.BaseDirectory);
        var circuits = new CircuitCount();
        var web = new WebApplicationFactory<StaticAssetsCheck>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            // The build's stylesheets and scripts (MudBlazor's _content too), which Production otherwise finds only in a published app.
            builder.UseStaticWebAssets();
            builder.UseSetting("DataFolder", folder);
            builder.UseSetting("ConnectionStrings:Postgres", postgres ?? "");
            builder.UseSetting("SeedData:Load", "false"); // loaded above, before the app started
            builder.UseUrls("http://127.0.0.1:0"); // loopback only, on a free port
            // The app's information lines would drown the tables; its errors go to stderr, once each.
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new ErrorsOnly(errors)));
            builder.ConfigureServices(services => services.AddSingleton<CircuitHandler>(circuits));
        });
        WebBenchHost? host = null;
        try
        {
            web.UseKestrel();
            // The app announces its address on stdout as it starts; here that line would land in the middle of the tables.
            var console = Console.Out;
            Console.SetOut(TextWriter.Null);
            try { web.StartServer(); }
            finally { Console.SetOut(console); }
            var addresses = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
                ?? throw new InvalidOperationException("The web host did not report its address.");
            host = new WebBenchHost(web, addresses.Addresses.First().TrimEnd('/'), remove, circuits);
            await host.SignInAsync(cancel);
            return host;
        }
        catch
        {
            if (host is not null) await host.DisposeAsync();
            else
            {
                await web.DisposeAsync();
                await remove();
            }
            throw;
        }
    }

    /// <summary>
    /// Makes the benchmark's person (every role, so every page shows all it can) and signs in through the form. The
    /// cookies are carried by hand: outside Development the sign-in cookie is Secure, which an HttpClient keeps to
    /// HTTPS, while the app reads it over plain loopback HTTP all the same.
    /// </summary>
    private async Task SignInAsync(CancellationToken cancel)
    {
        using (CallerContext.Use(Caller.System("Benchmark set-up")))
            await _factory.Services.GetRequiredService<UserAccounts>().AddAsync(
                new NewAccount(Email, "Benchmark runner", SyntheticPartnerships.CouncilCode, Roles.All, Password), cancel);

        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        using var form = await client.GetAsync("/account/sign-in", cancel);
        var jar = CookiesOf(form, []);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await form.Content.ReadAsStringAsync(cancel)).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Input.Email"] = Email, ["Input.Password"] = Password,
            }),
        };
        post.Headers.Add("Cookie", Header(jar));
        using var signedIn = await client.SendAsync(post, cancel);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new CliException($"bench-web: signing in the benchmark's person answered {(int)signedIn.StatusCode}, not a redirect.", ExitCodes.Failed);
        jar = CookiesOf(signedIn, jar);
        Cookies = jar.Select(c => (c.Key, c.Value)).ToList();
        CookieHeader = Header(jar);
    }

    private static Dictionary<string, string> CookiesOf(HttpResponseMessage response, Dictionary<string, string> jar)
    {
        var cookies = new Dictionary<string, string>(jar);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var equals = pair.IndexOf('=');
                if (equals > 0) cookies[pair[..equals]] = pair[(equals + 1)..];
            }
        return cookies;
    }

    private static string Header(Dictionary<string, string> jar) => string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _remove();
    }

    /// <summary>The app's errors on stderr, each message once (under load the same one would repeat thousands of times).</summary>
    private sealed class ErrorsOnly(TextWriter errors) : ILoggerProvider, ILogger
    {
        private readonly HashSet<string> _seen = [];

        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.GetBaseException().Message})");
            lock (_seen)
                if (_seen.Add(message)) errors.WriteLine("sharedservices: the app logged: " + message);
        }

        public void Dispose() { }
    }
}
