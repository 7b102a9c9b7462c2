using Npgsql;

namespace SharedServices.Cli.Tests;

/// <summary>
/// On PostgreSQL too the command line creates nothing it was not told to: EF Core's Migrate would create a missing
/// database and its tables, so the check comes first.
/// </summary>
public sealed class PostgresDatabaseTests : IAsyncLifetime
{
    private readonly string _name = $"sharedservices_cli_{Guid.NewGuid():N}";

    /// <summary>Set by the test command (test.sh) after it starts a throwaway PostgreSQL cluster.</summary>
    private static string Server => Environment.GetEnvironmentVariable("SHAREDSERVICES_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("SHAREDSERVICES_TEST_POSTGRES is not set, so there is no PostgreSQL server. Run ./test.sh.");

    private string Database => $"{Server};Database={_name}";

    [Fact]
    public async Task A_missing_postgres_database_is_an_error_and_is_not_created()
    {
        var result = await SeededDatabase.Run(["dates", "--postgres", Database], SeededDatabase.NoVariables());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"sharedservices: The database (PostgreSQL Host=127.0.0.1;", result.Error);
        Assert.Contains($"Database={_name}) does not exist. Check --postgres, or load the seed data into it: sharedservices db init --postgres \"CONNECTION\"", result.Error);
        Assert.Equal(0L, await Scalar(Server + ";Database=postgres", $"SELECT COUNT(*) FROM pg_database WHERE datname = '{_name}'"));
    }

    [Fact]
    public async Task An_empty_postgres_database_is_an_error_that_says_how_to_load_data_and_gets_no_tables()
    {
        await Scalar(Server + ";Database=postgres", $"CREATE DATABASE \"{_name}\"");

        var result = await SeededDatabase.Run(["partnerships", "list", "--postgres", Database + ";Password=s3cr3t"], SeededDatabase.NoVariables());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(") is empty. Check --postgres, or load the seed data into it: sharedservices db init --postgres \"CONNECTION\" --seed ", result.Error);
        Assert.DoesNotContain("s3cr3t", result.Error);
        Assert.Equal(0L, await Scalar(Database, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    private static async Task<long> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is long count ? count : 0;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SHAREDSERVICES_TEST_POSTGRES"))) return; // the test has said so
        NpgsqlConnection.ClearAllPools();
        await Scalar(Server + ";Database=postgres", $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }
}
