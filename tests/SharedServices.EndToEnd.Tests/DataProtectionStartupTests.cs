using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SharedServices.EndToEnd.Tests;

/// <summary>The app on a brand-new database keeps its Data Protection keys there from the first start.</summary>
public sealed class DataProtectionStartupTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"sharedservices-dp-{Guid.NewGuid():N}");

    [Fact]
    public async Task FreshDatabase_FirstStart_ReadsTheKeyRingWithoutErrorsAndStoresOneKey()
    {
        var errors = new ConcurrentQueue<string>();
        await using (var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("DataFolder", _dataFolder);
            web.UseSetting("SeedData:Load", "false");
            web.UseSetting("ConnectionStrings:Postgres", "");
            web.ConfigureLogging(logging => logging.AddProvider(new ErrorLog(errors)));
        }))
        {
            using var client = app.CreateClient();
            var page = await client.GetAsync("/organisations/new");
            Assert.True(page.IsSuccessStatusCode, $"The form answered {(int)page.StatusCode}.");
        }

        // Data Protection reads its keys as the app starts: before the migrations have run, that read fails.
        Assert.Empty(errors);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_dataFolder, "sharedservices.db")}");
        await db.OpenAsync();
        await using var count = new SqliteCommand("SELECT COUNT(*) FROM DataProtectionKeys", db);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Collects every error the app logs, whatever its category.</summary>
    private sealed class ErrorLog(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, errors);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.Message}");
            }
        }
    }
}
