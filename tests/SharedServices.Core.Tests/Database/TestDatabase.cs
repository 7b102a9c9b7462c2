using Microsoft.Data.Sqlite;
using Npgsql;
using SharedServices.Core.Persistence;
using SharedServices.Core.SeedData;

namespace SharedServices.Core.Tests.Database;

/// <summary>
/// A fresh, empty, real database for one test: a temporary SQLite file, or a new database on the throwaway
/// PostgreSQL server that the test command starts. Never a mocked context.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public DatabaseSettings Settings { get; protected set; } = default!;

    public SharedServicesDbContextFactory Factory => new(Settings);

    /// <summary>An empty database, not yet migrated.</summary>
    public abstract Task CreateAsync();

    /// <summary>
    /// A database already migrated (and seeded when asked), copied from one built once per test run. Building it
    /// by running every migration and loading the seed for each of the suite's ~900 database tests took most of
    /// its time; a copy is the same bytes, so each test still starts from exactly what start-up would leave.
    /// </summary>
    public abstract Task CreateMigratedAsync(bool seeded);

    public abstract ValueTask DisposeAsync();

    protected static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seed-data");

    /// <summary>
    /// Templates are named after the test process that built them. The test host ends without running exit handlers,
    /// so each new run removes those whose process has gone instead.
    /// </summary>
    protected static string TemplateName(string separator, bool seeded) =>
        string.Join(separator, "sharedservices", "template", Environment.ProcessId, seeded ? "seeded" : "empty");

    /// <summary>Whether a template named by <see cref="TemplateName"/> was left by a test process that has ended.</summary>
    protected static bool IsLeftOver(string name, char separator)
    {
        var parts = name.Split(separator);
        if (parts.Length < 3 || !int.TryParse(parts[2], out var processId)) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    /// <summary>Runs the real start-up steps on a new database: every migration, then the seed data if asked.</summary>
    protected static async Task BuildAsync(DatabaseSettings settings, bool seeded)
    {
        var factory = new SharedServicesDbContextFactory(settings);
        await DatabaseStartup.MigrateAsync(factory);
        if (seeded) await new SeedDataLoader(factory).LoadAsync(SeedFolder);
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    // One template file per kind (seeded or not) for this test process, built by the first test that needs it.
    private static readonly Lazy<Task<string>>[] Templates = [new(() => BuildTemplateAsync(false)), new(() => BuildTemplateAsync(true))];

    private string _path = "";

    public override Task CreateAsync()
    {
        _path = NewPath("test");
        Settings = DatabaseSettings.ForSqliteFile(_path);
        return Task.CompletedTask;
    }

    public override async Task CreateMigratedAsync(bool seeded)
    {
        await CreateAsync();
        await CopyTemplateAsync(_path, seeded);
    }

    /// <summary>Puts a migrated (and, if asked, seeded) database at <paramref name="path"/>: the component tests' way in.</summary>
    public static async Task CopyTemplateAsync(string path, bool seeded) => File.Copy(await Templates[seeded ? 1 : 0].Value, path);

    private static string NewPath(string what) => Path.Combine(Path.GetTempPath(), $"sharedservices-{what}-{Guid.NewGuid():N}.db");

    private static async Task<string> BuildTemplateAsync(bool seeded)
    {
        foreach (var leftover in Directory.EnumerateFiles(Path.GetTempPath(), "sharedservices-template-*.db"))
            if (IsLeftOver(Path.GetFileName(leftover), '-')) DeleteFiles(leftover);
        var path = Path.Combine(Path.GetTempPath(), TemplateName("-", seeded) + ".db");
        DeleteFiles(path);
        var settings = DatabaseSettings.ForSqliteFile(path);
        await BuildAsync(settings, seeded);
        // Fold the write-ahead log into the file and close every connection to it, so the file alone is the database.
        await using (var connection = new SqliteConnection(settings.ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
            await checkpoint.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearPool(new SqliteConnection(settings.ConnectionString));
        return path;
    }

    public override ValueTask DisposeAsync()
    {
        if (_path.Length == 0) return ValueTask.CompletedTask;
        SqliteConnection.ClearPool(new SqliteConnection(Settings.ConnectionString));
        DeleteFiles(_path);
        return ValueTask.CompletedTask;
    }

    /// <summary>Deletes a SQLite database's file and the files SQLite and start-up keep beside it.</summary>
    public static void DeleteFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", MigrationFileLock.PathFor(path) })
            if (File.Exists(file)) File.Delete(file);
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    /// <summary>Set by the test command (test.sh) after it starts a throwaway PostgreSQL cluster.</summary>
    public const string ServerVariable = "SHAREDSERVICES_TEST_POSTGRES";

    // One template database per kind (seeded or not) for this test process; CREATE DATABASE … TEMPLATE copies it.
    private static readonly Lazy<Task<string>>[] Templates = [new(() => BuildTemplateAsync(false)), new(() => BuildTemplateAsync(true))];

    private string _server = "";
    private string _name = "";

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"{ServerVariable} is not set, so the PostgreSQL tests have no server. Run ./test.sh, which starts a throwaway cluster.");

    public override Task CreateAsync() => CreateAsync(template: null);

    public override async Task CreateMigratedAsync(bool seeded) => await CreateAsync(await Templates[seeded ? 1 : 0].Value);

    private async Task CreateAsync(string? template)
    {
        _server = Server;
        _name = await CreateDatabaseAsync("test", template);
        Settings = DatabaseSettings.ForPostgres($"{_server};Database={_name}");
    }

    private static async Task<string> CreateDatabaseAsync(string what, string? template)
    {
        var name = $"sharedservices_{what}_{Guid.NewGuid():N}";
        var sql = $"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\"");
        // A session just terminated may take a moment to leave, and PostgreSQL refuses to copy a template until it has.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunOnServerAsync(sql);
                return name;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task RunOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> BuildTemplateAsync(bool seeded)
    {
        await DropLeftOverTemplatesAsync();
        var name = TemplateName("_", seeded);
        await RunOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await RunOnServerAsync($"CREATE DATABASE \"{name}\"");
        var settings = DatabaseSettings.ForPostgres($"{Server};Database={name}");
        await BuildAsync(settings, seeded);
        // A template must have no sessions while it is copied. The app's connections to it use its own connection
        // string (with options added), so every pool is cleared; then no session may connect to it again.
        NpgsqlConnection.ClearAllPools();
        await RunOnServerAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        await RunOnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        return name;
    }

    private static async Task DropLeftOverTemplatesAsync()
    {
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(Server + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'sharedservices_template_%'", connection);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }
        foreach (var name in names.Where(n => IsLeftOver(n, '_')))
            await RunOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public override async ValueTask DisposeAsync()
    {
        if (_name.Length == 0) return;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(SharedServicesDbContextFactory.WithoutJit(Settings.ConnectionString)));
        await RunOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }
}
