namespace SharedServices.Cli.Tests;

/// <summary>
/// The web benchmark runs end to end at a tiny size: the real app hosted in-process, every page, download and the
/// static file loaded, and two circuits opened in Chromium. Figures vary, so only that each target answered, always
/// with a 2xx, is checked; PostgreSQL too when there is a server.
/// </summary>
[Collection("benchmarks")]
public sealed class BenchWebTests
{
    private static readonly string[] Targets =
        ["static app.css", "dashboard", "register", "register, searched", "key dates, 90 days", "key dates, 365 days", "partnership page", "calendar.ics", "workbook.xlsx"];

    private static string? Postgres => Environment.GetEnvironmentVariable("SHAREDSERVICES_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>Only the browser's address from the real environment, so the run finds Chromium where the browser tests do.</summary>
    private static CliEnvironment WithChromium(string? chromium) =>
        new(name => name == "SHAREDSERVICES_CHROMIUM" ? chromium : null, TimeProvider.System);

    [Fact]
    public async Task Bench_web_answers_every_target_without_errors_and_opens_circuits()
    {
        string[] args = ["bench-web", "--sizes", "50", "--seconds", "1", "--clients", "4", "--circuits", "2", "1"];
        if (Postgres is { } server) args = [.. args, "--postgres", server];

        var result = await SeededDatabase.Run(args, WithChromium(Environment.GetEnvironmentVariable("SHAREDSERVICES_CHROMIUM")));

        Assert.True(result.ExitCode == 0, result.Error);
        var databases = Postgres is null ? 1 : 2; // a table per database, one size each, so no ratio rows
        Assert.Contains("SQLite: 4 clients for 1 s on each address", result.Out);
        Assert.Contains("party to every synthetic partnership", result.Out);
        foreach (var target in Targets)
        {
            var rows = BenchTable.Rows(result.Out, target);
            Assert.True(rows.Count == databases, $"{target}: {rows.Count} rows, not {databases}\n{result.Out}");
            foreach (var row in rows)
            {
                Assert.Equal("50", row[1]);
                Assert.True(BenchTable.Number(row[3]) > 0, $"{target}: {row[3]} requests/s");
                Assert.True(row[7] == "0", $"{target}: {row[7]} errors\n{result.Out}");
            }
        }
        // The counts in order, smallest first, though given largest first; a heap figure for each.
        foreach (var circuits in new[] { "1 circuit", "2 circuits" })
            Assert.Equal(databases, BenchTable.Rows(result.Out, circuits).Count);
        Assert.True(result.Out.IndexOf("1 circuit ", StringComparison.Ordinal) < result.Out.IndexOf("2 circuits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bench_web_without_chromium_says_where_it_looked_and_how_to_skip_circuits_before_building_anything()
    {
        var result = await SeededDatabase.Run(["bench-web", "--sizes", "50"], WithChromium("/nowhere/chromium"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Chromium is not at /nowhere/chromium", result.Error);
        Assert.Contains("--no-circuits", result.Error);
        Assert.DoesNotContain("synthetic partnerships: built", result.Out);
    }
}
