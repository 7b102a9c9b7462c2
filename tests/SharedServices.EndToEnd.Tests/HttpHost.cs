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

    public HttpClient Client { get; private set; } = default!;

    /// <summary>The app's services, for a test that sets up data of its own (a recharge run to download).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => AppHost.UseTestSettings(web, _dataFolder));
        Client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }
}
