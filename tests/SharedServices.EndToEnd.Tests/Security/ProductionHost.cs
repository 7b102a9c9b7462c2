using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Calendar;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Persistence;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>
/// The app in Production, in memory (no Kestrel, so a test can send https:// requests without a certificate), with the
/// HTTPS port set as a council behind no proxy would set it, <c>DetailedErrors</c> switched on by a setting (which
/// Production must ignore), and the key dates failing: the page and the calendar feed both throw, as a fault would.
/// </summary>
public sealed class ProductionHost : IAsyncLifetime
{
    /// <summary>A host name that is not localhost: HSTS is never sent for localhost.</summary>
    public const string Host = "sharedservices.example.gov.uk";

    /// <summary>What the planted fault says; it must never reach a response.</summary>
    public const string FaultMessage = "Planted fault: the key dates cannot be read.";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"sharedservices-prod-{Guid.NewGuid():N}");
    private WebApplicationFactory<Program>? _factory;

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            AppHost.UseTestSettings(web, _dataFolder);
            web.UseEnvironment("Production");
            web.UseSetting("https_port", "443");
            web.UseSetting("DetailedErrors", "true");
            web.ConfigureTestServices(services => services.AddSingleton(provider =>
                new UpcomingDates(new FailingFactory(), provider.GetRequiredService<BankHolidayReference>(), TimeProvider.System)));
        });
        return Task.CompletedTask;
    }

    /// <summary>A client for <c>scheme://sharedservices.example.gov.uk/</c> that does not follow redirects.</summary>
    public HttpClient Client(string scheme) => _factory!.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri($"{scheme}://{Host}/"),
    });

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }

    private sealed class FailingFactory : IDbContextFactory<SharedServicesDbContext>
    {
        public SharedServicesDbContext CreateDbContext() => throw new InvalidOperationException(FaultMessage);
    }
}

/// <summary>
/// The app in Production on Kestrel over plain http, with no HTTPS port set: as the published app is started for a
/// first look, and as it runs behind a proxy that ends TLS.
/// </summary>
public sealed class PlainHttpProductionHost : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"sharedservices-http-prod-{Guid.NewGuid():N}");
    private WebApplicationFactory<Program>? _factory;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            AppHost.UseTestSettings(web, _dataFolder);
            web.UseEnvironment("Production");
            web.UseUrls("http://127.0.0.1:0");
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The test server did not report its address.");
        BaseUrl = addresses.Addresses.First();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }
}
