using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// The app hosted in memory, without a browser, for checking what it answers to plain HTTP requests (status codes,
/// content types). Configured as <see cref="AppHost"/> is; shared by the tests of one class.
/// </summary>
public sealed class HttpHost : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"sharedservices-http-{Guid.NewGuid():N}");
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Signed in as the Isle of Wight's tester (every role); see <see cref="ClientForAsync"/> for another council.</summary>
    public HttpClient Client { get; private set; } = default!;

    /// <summary>No one signed in.</summary>
    public HttpClient Anonymous { get; private set; } = default!;

    /// <summary>Where this host keeps its database, for a <see cref="QueryCounter"/>.</summary>
    public string DataFolder => _dataFolder;

    /// <summary>The app's services, for a test that sets up data of its own (a recharge run to download).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => AppHost.UseTestSettings(web, _dataFolder));
        Anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Client = await ClientForAsync("IWC");
    }

    /// <summary>A client signed in as that council's tester, who holds every role.</summary>
    public async Task<HttpClient> ClientForAsync(string organisation)
    {
        var client = NewClient();
        await Testers.EnsureAsync(Services, organisation);
        await Testers.SignInAsync(client, organisation);
        return client;
    }

    /// <summary>A client that keeps its cookies and does not follow redirects, signed in as no one yet.</summary>
    public HttpClient NewClient() =>
        _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Anonymous?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }
}
