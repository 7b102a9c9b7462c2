using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SharedServices.Core.Charging;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;

namespace SharedServices.Cli.Tests;

/// <summary>
/// `import activity` and `import history` through the real command line, each test on a freshly seeded database
/// with Educational psychology (Southampton for the Isle of Wight) charged at a day rate, so units are checked.
/// </summary>
public abstract class ImportActivityTests : IAsyncLifetime
{
    private const string Code = "scc-iwc-education-support";
    private const string Header = "Service,Date,Quantity,Unit,Actual cost,Description,Reference";
    private const string Officer = "Test Officer";

    // Noon UTC on 1 July 2013 is 13:00 in UK summer time (BST).
    private static readonly FixedClock Clock = new(new DateOnly(2013, 7, 1));

    private readonly string _files = Directory.CreateTempSubdirectory("sharedservices-cli-import-").FullName;
    private int _psychology;

    /// <summary>The arguments choosing this test's database.</summary>
    protected abstract string[] Database { get; }

    protected abstract DatabaseSettings Settings { get; }

    protected abstract Task CreateAsync();

    protected abstract Task RemoveAsync();

    public async Task InitializeAsync()
    {
        await CreateAsync();
        var seeded = await SeededDatabase.Run(["db", "init", "--seed", SeededDatabase.SeedFolder, .. Database], SeededDatabase.NoVariables(Clock));
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        await using (var db = Factory().CreateDbContext())
            _psychology = await db.Partnerships.Where(p => p.Code == Code).SelectMany(p => p.Services)
                .Where(s => s.Name == "Educational psychology").Select(s => s.Id).SingleAsync();
        // The seed gives Educational psychology an illustrative day rate, so its unit is "day" or "days".
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await RemoveAsync();
        Directory.Delete(_files, recursive: true);
    }

    private SharedServicesDbContextFactory Factory() => new(Settings);

    private Task<CliResult> Run(params string[] args) => SeededDatabase.Run([.. args, .. Database], SeededDatabase.NoVariables(Clock));

    private string Csv(string name, params string[] rows)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, Header + "\r\n" + string.Join("\r\n", rows) + "\r\n", new UTF8Encoding(false));
        return path;
    }

    private string GoodCsv(string name = "april.csv") => Csv(name,
        "Educational psychology,15/04/2013,2.5,days,,Casework at two schools,EP-001",
        "Educational psychology,16/04/2013,1,day,,,EP-002",
        "Educational psychology,2013-04-17,0.5,days,,Report,EP-003");

    private string BadCsv() => Csv("april-bad.csv",
        "Educational psychology,15/04/2013,2.5,days,,Casework at two schools,EP-001",
        "Educational psychology,31/04/2013,1,days,,,EP-002",
        "Educational psychology,17/04/2013,0.5,days,,Report,EP-003");

    private async Task<(int Entries, int Imports)> Saved()
    {
        await using var db = Factory().CreateDbContext();
        // The seed's own (illustrative) activity is not counted: only what imports brought in.
        return (await db.ActivityEntries.CountAsync(e => e.TradedServiceId == _psychology && !e.IsIllustrative), await db.ActivityImports.CountAsync());
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task A_good_csv_is_saved_and_shows_in_the_history_in_uk_time()
    {
        var path = GoodCsv();

        var result = await Run("import", "activity", path, "--partnership", Code, "--as", Officer);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal($"Imported 3 rows from {path} into {Code}." + Environment.NewLine, result.Out);
        Assert.Equal((3, 1), await Saved());
        await using (var db = Factory().CreateDbContext())
        {
            var quantities = await db.ActivityEntries.Where(e => e.TradedServiceId == _psychology && !e.IsIllustrative).OrderBy(e => e.Details.Reference)
                .Select(e => e.Details.Quantity).ToListAsync();
            Assert.Equal([2.5m, 1m, 0.5m], quantities);
        }

        var history = await Run("import", "history", "--partnership", Code);
        Assert.Equal(0, history.ExitCode);
        var lines = Lines(history.Out);
        Assert.Equal(3, lines.Length); // header, rule, one import
        Assert.Matches(@"^Imported \(UK time\)\s+File\s+Rows\s+By\s+Undone$", lines[0]);
        Assert.Matches(@"^1 July 2013 13:00\s+april\.csv\s+3\s+Test Officer\s+-$", lines[2]);
    }

    [Fact]
    public async Task A_bad_row_is_reported_by_row_and_column_exits_3_and_saves_nothing()
    {
        var result = await Run("import", "activity", BadCsv(), "--partnership", Code, "--as", Officer);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal(
        [
            "sharedservices: april-bad.csv has 1 problem, so nothing was saved. Fix it and import the whole file again:",
            "Row 3: Date: \"31/04/2013\" is not a date; write it as 13/11/2012 or 2012-11-13.",
        ], Lines(result.Error));
        Assert.Equal((0, 0), await Saved());
    }

    [Fact]
    public async Task Past_a_thousand_problems_the_rest_are_counted_not_listed()
    {
        var rows = Enumerable.Range(1, 1_002).Select(i => $"Educational psychology,someday,1,day,,,EP-{i:D5}");

        var result = await Run("import", "activity", Csv("vague.csv", [.. rows]), "--partnership", Code, "--as", Officer);

        Assert.Equal(3, result.ExitCode);
        var lines = Lines(result.Error);
        Assert.Equal(1 + 1_000 + 1, lines.Length);
        Assert.Equal("sharedservices: vague.csv has 1,002 problems, so nothing was saved. Fix them and import the whole file again:", lines[0]);
        Assert.Equal("Row 2: Date: \"someday\" is not a date; write it as 13/11/2012 or 2012-11-13.", lines[1]);
        Assert.Equal("Row 1,001: Date: \"someday\" is not a date; write it as 13/11/2012 or 2012-11-13.", lines[1_000]);
        Assert.Equal("and 2 more problems not listed", lines[^1]);
        Assert.Equal((0, 0), await Saved());
    }

    [Fact]
    public async Task The_same_file_twice_is_refused_the_second_time_with_exit_4()
    {
        var path = GoodCsv();
        Assert.Equal(0, (await Run("import", "activity", path, "--partnership", Code, "--as", Officer)).ExitCode);

        var again = await Run("import", "activity", path, "--partnership", Code, "--as", "Someone Else");

        Assert.Equal(4, again.ExitCode);
        Assert.Equal("", again.Out);
        Assert.Equal("sharedservices: This file was already imported on 1 July 2013 by Test Officer (3 rows, as \"april.csv\"). " +
                     "Nothing was saved. To import it again, undo that import first." + Environment.NewLine, again.Error);
        Assert.Equal((3, 1), await Saved());
    }

    [Fact]
    public async Task A_file_one_byte_over_20_MB_is_refused_naming_the_file_and_the_limit_with_exit_4_and_nothing_saved()
    {
        // 20 MB is 20 × 1,048,576 = 20,971,520 bytes; one more is over. A good header, then zeros to that length.
        var path = Csv("huge.csv");
        await using (var file = new FileStream(path, FileMode.Open)) file.SetLength(20_971_521);

        var result = await Run("import", "activity", path, "--partnership", Code, "--as", Officer);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("sharedservices: \"huge.csv\" is larger than the 20 MB limit for an activity file. Split it into smaller files. " +
                     "Nothing was saved." + Environment.NewLine, result.Error);
        Assert.Equal((0, 0), await Saved());
    }

    [Fact]
    public async Task Random_bytes_named_xlsx_are_refused_with_exit_4_and_nothing_saved()
    {
        var bytes = new byte[4096];
        new Random(8).NextBytes(bytes);
        bytes[0] = 0x01; // neither a zip's "PK" nor an old workbook's signature
        var path = Path.Combine(_files, "activity.xlsx");
        await File.WriteAllBytesAsync(path, bytes);

        var result = await Run("import", "activity", path, "--partnership", Code, "--as", Officer);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("sharedservices: \"activity.xlsx\" is not really an Excel workbook (.xlsx), whatever its name says. " +
                     "Save it from Excel as .xlsx and try again. Nothing was saved." + Environment.NewLine, result.Error);
        Assert.Equal((0, 0), await Saved());
    }

    [Fact]
    public async Task Json_for_a_bad_file_lists_each_problem_and_saves_nothing()
    {
        var result = await Run("import", "activity", BadCsv(), "--partnership", Code, "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("", result.Error);
        var json = result.Json();
        Assert.Equal("april-bad.csv", json.GetProperty("file").GetString());
        Assert.Equal(Code, json.GetProperty("partnership").GetString());
        Assert.False(json.GetProperty("saved").GetBoolean());
        Assert.Equal(3, json.GetProperty("rows").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("importId").ValueKind);
        var problem = Assert.Single(json.GetProperty("problems").EnumerateArray());
        Assert.Equal(3, problem.GetProperty("row").GetInt32());
        Assert.Equal("Date", problem.GetProperty("column").GetString());
        Assert.Equal("Date: \"31/04/2013\" is not a date; write it as 13/11/2012 or 2012-11-13.", problem.GetProperty("reason").GetString());
        Assert.Equal(0, json.GetProperty("problemsNotListed").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("refusal").ValueKind);
        Assert.Equal((0, 0), await Saved());
    }

    [Fact]
    public async Task Json_for_a_good_file_gives_the_import_and_the_default_importer_is_the_login_name()
    {
        var result = await Run("import", "activity", GoodCsv(), "--partnership", Code, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error); // no progress lines with --json
        var json = result.Json();
        Assert.True(json.GetProperty("saved").GetBoolean());
        Assert.Equal(3, json.GetProperty("rows").GetInt32());
        Assert.Empty(json.GetProperty("problems").EnumerateArray());
        var importId = json.GetProperty("importId").GetInt32();

        var history = (await Run("import", "history", "--partnership", Code, "--json")).Json();
        Assert.Equal(1, history.GetProperty("count").GetInt32());
        var import = Assert.Single(history.GetProperty("imports").EnumerateArray());
        Assert.Equal(importId, import.GetProperty("id").GetInt32());
        Assert.Equal("april.csv", import.GetProperty("fileName").GetString());
        Assert.Equal(3, import.GetProperty("rows").GetInt32());
        Assert.Equal(Environment.UserName + " (command line)", import.GetProperty("importedBy").GetString());
        Assert.False(import.GetProperty("undone").GetBoolean());
    }

    [Fact]
    public async Task A_big_file_shows_rows_read_on_stderr()
    {
        var rows = Enumerable.Range(1, 10_000).Select(i => $"Educational psychology,{new DateOnly(2013, 4, 1).AddDays(i % 365):dd/MM/yyyy},1,day,,,EP-{i:D5}");
        var path = Csv("year.csv", [.. rows]);

        var result = await Run("import", "activity", path, "--partnership", Code, "--as", Officer);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"Imported 10,000 rows from {path} into {Code}." + Environment.NewLine, result.Out);
        Assert.StartsWith("Read 10,000 rows (", Assert.Single(Lines(result.Error)));
        Assert.Equal((10_000, 1), await Saved());
    }

    [Fact]
    public async Task Cancelling_part_way_through_saves_nothing()
    {
        var rows = Enumerable.Range(1, 20_000).Select(i => $"Educational psychology,{new DateOnly(2013, 4, 1).AddDays(i % 365):dd/MM/yyyy},1,day,,,EP-{i:D5}");
        var path = Csv("year.csv", [.. rows]);
        using var cancel = new CancellationTokenSource();
        // Ctrl+C as the first progress line appears, when 10,000 rows have been read and written.
        var stderr = new CancelOnWrite("Read 10,000 rows", cancel);
        var stdout = new StringWriter();

        var exit = await Cli.RunAsync(["import", "activity", path, "--partnership", Code, "--as", Officer, .. Database], stdout, stderr,
            SeededDatabase.NoVariables(Clock), cancel.Token);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout.ToString());
        Assert.EndsWith("sharedservices: Cancelled." + Environment.NewLine, stderr.ToString());
        Assert.Equal((0, 0), await Saved());
    }

    private sealed class CancelOnWrite(string text, CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(text, StringComparison.Ordinal) == true) cancel.Cancel();
        }
    }

    [Fact]
    public async Task An_unknown_partnership_or_a_missing_file_exits_1_naming_it()
    {
        var unknown = await Run("import", "activity", GoodCsv(), "--partnership", "no-such-partnership");
        var missing = await Run("import", "activity", Path.Combine(_files, "missing.csv"), "--partnership", Code);
        var history = await Run("import", "history", "--partnership", "no-such-partnership");

        Assert.Equal((1, "sharedservices: No partnership has the code \"no-such-partnership\"." + Environment.NewLine), (unknown.ExitCode, unknown.Error));
        Assert.Equal((1, $"sharedservices: There is no file {Path.Combine(_files, "missing.csv")}." + Environment.NewLine), (missing.ExitCode, missing.Error));
        Assert.Equal((1, "sharedservices: No partnership has the code \"no-such-partnership\"." + Environment.NewLine), (history.ExitCode, history.Error));
        Assert.Equal((0, 0), await Saved());
    }
}

public sealed class ImportActivitySqliteTests : ImportActivityTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sharedservices-cli-{Guid.NewGuid():N}");

    protected override string[] Database => ["--data-folder", _folder];

    protected override DatabaseSettings Settings => DatabaseSettings.ForSqliteFile(Path.Combine(_folder, DatabaseSettings.SqliteFileName));

    protected override Task CreateAsync() => Task.CompletedTask;

    protected override Task RemoveAsync()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class ImportActivityPostgresTests : ImportActivityTests
{
    private readonly string _name = $"sharedservices_cli_{Guid.NewGuid():N}";

    /// <summary>Set by the test command (test.sh) after it starts a throwaway PostgreSQL cluster.</summary>
    private static string Server => Environment.GetEnvironmentVariable("SHAREDSERVICES_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("SHAREDSERVICES_TEST_POSTGRES is not set, so there is no PostgreSQL server. Run ./test.sh.");

    private string Connection => $"{Server};Database={_name}";

    protected override string[] Database => ["--postgres", Connection];

    protected override DatabaseSettings Settings => DatabaseSettings.ForPostgres(Connection);

    protected override Task CreateAsync() => Execute($"CREATE DATABASE \"{_name}\"");

    protected override Task RemoveAsync() => Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");

    private static async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(Server + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
