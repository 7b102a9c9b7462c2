using Microsoft.Data.Sqlite;
using Npgsql;
using SharedServices.Core.Persistence;

namespace SharedServices.Cli;

/// <summary>A throwaway, migrated database for a benchmark run, removed afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Func<Task> _remove;

    private BenchDatabase(SharedServicesDbContextFactory factory, Func<Task> remove)
    {
        Factory = factory;
        _remove = remove;
    }

    public SharedServicesDbContextFactory Factory { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider, string? postgresServer, CancellationToken cancel)
    {
        BenchDatabase database;
        if (provider == "SQLite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"sharedservices-bench-{Guid.NewGuid():N}.db");
            database = new BenchDatabase(new SharedServicesDbContextFactory(DatabaseSettings.ForSqliteFile(path)), () =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { path, path + "-wal", path + "-shm", MigrationFileLock.PathFor(path) }) File.Delete(file);
                return Task.CompletedTask;
            });
        }
        else
        {
            var name = $"sharedservices_bench_{Guid.NewGuid():N}";
            await Execute(postgresServer!, $"CREATE DATABASE \"{name}\"", cancel);
            database = new BenchDatabase(new SharedServicesDbContextFactory(DatabaseSettings.ForPostgres($"{postgresServer};Database={name}")),
                async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await Execute(postgresServer!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
                });
        }
        await DatabaseStartup.MigrateAsync(database.Factory, cancel);
        return database;
    }

    /// <summary>Runs one statement against the server's postgres database (creating or dropping a benchmark's database).</summary>
    internal static async Task Execute(string server, string sql, CancellationToken cancel)
    {
        await using var connection = new NpgsqlConnection(server + ";Database=postgres");
        await connection.OpenAsync(cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancel);
    }

    public async ValueTask DisposeAsync() => await _remove();
}
