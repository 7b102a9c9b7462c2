using System.Text.Json;
using Microsoft.Data.Sqlite;
using SharedServices.Cli;

namespace SharedServices.Cli.Tests;

/// <summary>What one in-process run of the command line printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json() => JsonDocument.Parse(Out).RootElement;
}

/// <summary>A fixed "today", so defaults that read the clock can be checked.</summary>
public sealed class FixedClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>
/// A SQLite database in a temp folder, loaded with the repository's seed-data/ through the command line's own
/// <c>--seed</c>, shared by every test in the "cli" collection (the commands only read it).
/// </summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"sharedservices-cli-{Guid.NewGuid():N}");

    /// <summary>No environment variables: the tests choose the database with --data-folder only.</summary>
    public static CliEnvironment NoVariables(TimeProvider? clock = null) => new(_ => null, clock ?? TimeProvider.System);

    public static string SeedFolder { get; } = FindSeedFolder();

    public async Task InitializeAsync()
    {
        var seeded = await RunAsync(["partnerships", "list", "--seed", SeedFolder]);
        if (seeded.ExitCode != 0) throw new InvalidOperationException($"Seeding failed: {seeded.Error}");
    }

    /// <summary>Runs the command line against this database.</summary>
    public Task<CliResult> RunAsync(string[] args, TimeProvider? clock = null) =>
        Run([.. args, "--data-folder", Folder], NoVariables(clock));

    public static async Task<CliResult> Run(string[] args, CliEnvironment environment)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Cli.RunAsync(args, stdout, stderr, environment);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private static string FindSeedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SharedServices.sln")))
                return Path.Combine(dir.FullName, "seed-data");
        return Path.Combine(AppContext.BaseDirectory, "seed-data"); // built outside the repository: the copy beside the tests
    }
}

[CollectionDefinition("cli")]
public sealed class CliCollection : ICollectionFixture<SeededDatabase>;
