using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SharedServices.EndToEnd.Tests;

/// <summary>A refused feed address is logged as a warning, and the address's token never reaches the log.</summary>
public sealed class CalendarFeedLogTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"sharedservices-feedlog-{Guid.NewGuid():N}");
    private readonly LogCapture _log = new();
    private WebApplicationFactory<Program>? _factory;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            AppHost.UseTestSettings(web, _dataFolder);
            web.ConfigureLogging(logging => logging.AddProvider(_log));
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Feed_UnknownToken_LogsAWarningWithoutTheToken()
    {
        const string token = "UnknownTokenUnknownTokenUnknownTokenUnknown"; // 43 URL-safe characters, never issued
        using var client = _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/key-dates/feed/{token}.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var warning = Assert.Single(_log.Entries, e => e.Category.EndsWith("KeyDateDownloads", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith("Calendar feed refused", warning.Message);
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains(token, StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }

    private sealed record Entry(string Category, LogLevel Level, string Message);

    /// <summary>Keeps every log line the app writes, with its category, level and formatted message.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(category, logLevel, formatter(state, exception)));
        }
    }
}
