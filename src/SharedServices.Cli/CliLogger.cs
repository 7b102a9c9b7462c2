using Microsoft.Extensions.Logging;

namespace SharedServices.Cli;

/// <summary>
/// Start-up messages (a migration applied, a stale lock removed, waiting for another process) as lines on stderr,
/// so that stdout stays the answer alone (and --json stays one document).
/// </summary>
internal sealed class CliLogger(TextWriter stderr) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        stderr.WriteLine($"sharedservices: {(logLevel >= LogLevel.Warning ? "warning: " : "")}{formatter(state, exception)}");
    }
}
