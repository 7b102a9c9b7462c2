using Microsoft.Data.Sqlite;
using Npgsql;
using SharedServices.Core.Persistence;

namespace SharedServices.Core.Tests.Database;

/// <summary>
/// A fresh, empty, real database for one test: a temporary SQLite file, or a new database on the throwaway
/// PostgreSQL server that the test command starts. Never a mocked context.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public DatabaseSettings Settings { get; protected set; } = default!;

    public SharedServicesDbContextFactory Factory => new(Settings);

    public abstract Task CreateAsync();

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private string _path = "";

    public override Task CreateAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), $"sharedservices-test-{Guid.NewGuid():N}.db");
        Settings = DatabaseSettings.ForSqliteFile(_path);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", MigrationFileLock.PathFor(_path) })
            if (File.Exists(file)) File.Delete(file);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    /// <summary>Set by the test command (test.sh) after it starts a throwaway PostgreSQL cluster.</summary>
    public const string ServerVariable = "SHAREDSERVICES_TEST_POSTGRES";

    private string _server = "";
    private string _name = "";

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"{ServerVariable} is not set, so the PostgreSQL tests have no server. Run ./test.sh, which starts a throwaway cluster.");

    public override async Task CreateAsync()
    {
        _server = Server;
        _name = $"sharedservices_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(_server + ";Database=postgres");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await create.ExecuteNonQueryAsync();
        Settings = DatabaseSettings.ForPostgres($"{_server};Database={_name}");
    }

    public override async ValueTask DisposeAsync()
    {
        if (_name.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server + ";Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
