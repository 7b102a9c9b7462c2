using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// Notes the SQL one test host sends to its database, through EF Core's diagnostic events. Other hosts run in the same
/// process at the same time, so only commands on a connection to this host's data folder are kept.
/// </summary>
public sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _dataFolder;
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<string> _commands = new();

    public QueryCounter(string dataFolder)
    {
        _dataFolder = dataFolder;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Forgets what was seen so far.</summary>
    public void Clear() => _commands.Clear();

    /// <summary>The commands seen since the last <see cref="Clear"/> whose SQL contains every one of the words.</summary>
    public IReadOnlyList<string> Containing(params string[] words) =>
        _commands.Where(sql => words.All(w => sql.Contains(w, StringComparison.Ordinal))).ToList();

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData executed
            && executed.Command.Connection?.DataSource is { } source && source.StartsWith(_dataFolder, StringComparison.Ordinal))
            _commands.Enqueue(executed.Command.CommandText);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions) foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}
