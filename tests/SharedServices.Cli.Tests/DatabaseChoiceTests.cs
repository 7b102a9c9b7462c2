using Microsoft.Data.Sqlite;
using SharedServices.Core.Persistence;

namespace SharedServices.Cli.Tests;

[Collection("cli")]
public sealed class DatabaseChoiceTests(SeededDatabase database)
{
    [Theory]
    [InlineData("SHAREDSERVICES_DATA_FOLDER")]
    [InlineData("DataFolder")] // the web app's own setting, as ASP.NET Core reads it from the environment
    public async Task A_data_folder_variable_chooses_the_database_when_no_option_does(string variable)
    {
        var environment = new CliEnvironment(name => name == variable ? database.Folder : null, TimeProvider.System);

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
    public async Task By_default_the_web_apps_data_folder_is_used()
    {
        // Built in a checkout, the web app run with `dotnet run --project src/SharedServices.Web` keeps its data here.
        var webData = Path.Combine(Path.GetDirectoryName(SeededDatabase.SeedFolder)!, "src", "SharedServices.Web", "data");

        var result = await SeededDatabase.Run(["dates", "--help"], SeededDatabase.NoVariables());

        Assert.Contains(webData, result.Out.Replace(Environment.NewLine, "").Replace(" ", ""));
    }

    [Theory]
    [InlineData("partnerships", "list")]
    [InlineData("dates", "--json")]
    [InlineData("notice", "--partnership", "iwc-hcc-buy-back", "--party", "IWC")]
    public async Task A_missing_database_is_an_error_that_says_how_to_load_data_and_creates_nothing(params string[] args)
    {
        using var folder = new TempFolder();
        var mistyped = Path.Combine(folder.Path, "dtaa");

        var result = await SeededDatabase.Run([.. args, "--data-folder", mistyped], SeededDatabase.NoVariables());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal(
            $"sharedservices: The database (SQLite {Path.Combine(mistyped, "sharedservices.db")}) does not exist. Give --data-folder the web app's data folder, " +
            $"or load the seed data into it: sharedservices db init --data-folder \"{mistyped}\" --seed \"{Path.Combine(AppContext.BaseDirectory, "seed-data")}\"",
            result.Error.Trim());
        Assert.False(Directory.Exists(mistyped), "nothing is created");
    }

    [Fact]
    public async Task An_empty_database_file_is_an_error_and_is_left_alone()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, DatabaseSettings.SqliteFileName);
        await File.WriteAllBytesAsync(file, []);

        var result = await SeededDatabase.Run(["dates", "--data-folder", folder.Path], SeededDatabase.NoVariables());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"sharedservices: The database (SQLite {file}) is empty. ", result.Error);
        Assert.Contains("sharedservices db init", result.Error);
        Assert.Equal(0, new FileInfo(file).Length);
    }

    [Fact]
    public async Task Db_init_creates_a_migrated_database_with_bank_holidays_which_without_seed_data_is_still_an_error_to_query()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "new");

        var init = await SeededDatabase.Run(["db", "init", "--data-folder", data], SeededDatabase.NoVariables());
        var list = await SeededDatabase.Run(["partnerships", "list", "--data-folder", data], SeededDatabase.NoVariables());

        Assert.Equal(0, init.ExitCode);
        var file = Path.Combine(data, DatabaseSettings.SqliteFileName);
        Assert.Equal($"Database ready: SQLite {file}, with 0 organisations and 0 partnerships.", init.Out.Trim());
        Assert.True(await CountAsync(file, "BankHolidays") > 0, "bank holidays are generated as the app does");
        Assert.Equal(1, list.ExitCode);
        Assert.StartsWith($"sharedservices: The database (SQLite {file}) has no organisations or partnerships. ", list.Error);
    }

    [Fact]
    public async Task Db_init_with_seed_loads_the_seed_partnerships_once()
    {
        using var folder = new TempFolder();
        string[] init = ["db", "init", "--data-folder", folder.Path, "--seed", SeededDatabase.SeedFolder];

        var first = await SeededDatabase.Run(init, SeededDatabase.NoVariables());
        var again = await SeededDatabase.Run(init, SeededDatabase.NoVariables());

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Applying migration", first.Error); // start-up messages go to stderr, one per migration
        var file = Path.Combine(folder.Path, DatabaseSettings.SqliteFileName);
        Assert.Equal($"Database ready: SQLite {file}, with 8 organisations and 5 partnerships.", again.Out.Trim());
        Assert.Equal("", again.Error);
    }

    internal static async Task<long> CountAsync(string file, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>A folder under the temp directory, removed with whatever a test put in it.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sharedservices-cli-{Guid.NewGuid():N}");

    public TempFolder() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
