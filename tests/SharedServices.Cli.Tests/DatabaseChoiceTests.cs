using Microsoft.Data.Sqlite;
using SharedServices.Core.Persistence;

namespace SharedServices.Cli.Tests;

[Collection("cli")]
public sealed class DatabaseChoiceTests(SeededDatabase database)
{
    [Fact]
    public async Task The_data_folder_variable_chooses_the_database_when_no_option_does()
    {
        var environment = new CliEnvironment(name => name == "SHAREDSERVICES_DATA_FOLDER" ? database.Folder : null, TimeProvider.System);

        var result = await SeededDatabase.Run(["partnerships", "list", "--json"], environment);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5, result.Json().GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_data_folder_option_beats_the_postgres_variable()
    {
        var environment = new CliEnvironment(name => name == "ConnectionStrings__Postgres" ? "Host=127.0.0.1;Port=1" : null, TimeProvider.System);

        var result = await SeededDatabase.Run(["partnerships", "list", "--json", "--data-folder", database.Folder], environment);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5, result.Json().GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_new_folder_gets_a_migrated_database_without_seed_data()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sharedservices-cli-empty-{Guid.NewGuid():N}");
        try
        {
            var result = await SeededDatabase.Run(["partnerships", "list", "--json", "--data-folder", folder], SeededDatabase.NoVariables());

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(0, result.Json().GetProperty("count").GetInt32());
            Assert.True(File.Exists(Path.Combine(folder, DatabaseSettings.SqliteFileName)));
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, DatabaseSettings.SqliteFileName)}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM BankHolidays";
            Assert.True((long)(await command.ExecuteScalarAsync())! > 0, "bank holidays are generated as the app does");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
