using Microsoft.Data.Sqlite;
using Npgsql;

namespace SharedServices.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use. SQLite in the app's data folder unless a PostgreSQL connection string is configured
/// (<c>ConnectionStrings:Postgres</c>), as a council's shared deployment would do.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteFileName = "sharedservices.db";

    public static DatabaseSettings ForSqliteFile(string path) =>
        // Default Timeout doubles as SQLite's busy timeout, so a reader waits for a writer instead of failing.
        new(DatabaseProvider.Sqlite, $"Data Source={path};Default Timeout=30;Pooling=True");

    public static DatabaseSettings ForPostgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>Chooses the provider from configuration values; <paramref name="dataFolder"/> is created if missing.</summary>
    public static DatabaseSettings Choose(string? postgresConnectionString, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(postgresConnectionString)) return ForPostgres(postgresConnectionString);
        try
        {
            Directory.CreateDirectory(dataFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot create the data folder {dataFolder}: {ex.Message} Set DataFolder to a folder the app may write to.", ex);
        }
        return ForSqliteFile(Path.Combine(dataFolder, SqliteFileName));
    }

    /// <summary>Where the data lives, for start-up and error messages; no password is ever shown, however it was written.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : "PostgreSQL " + WithoutSecrets(ConnectionString);

    /// <summary>
    /// Npgsql's own parser reads every spelling (Password, Pwd, PSW, any case, quoted values holding ';'), so
    /// clearing its properties removes each of them; a string it cannot read is not shown at all.
    /// </summary>
    private static string WithoutSecrets(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null, SslPassword = null };
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(the connection string could not be read)";
        }
    }
}
