using System.CommandLine;
using SharedServices.Core.Calendar;
using SharedServices.Core.KeyDates;
using SharedServices.Core.SeedData;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices bench-key-dates`: how long the directors' key-dates list takes as the register grows. The list for
/// today reads the stored key dates by index (worked out once per partnership and day), so it should grow with the
/// window, not the register; the benchmark's clock is stopped on its as-of day so that it asks today's question, and
/// it prints how long working out every partnership's stored dates took (what start-up and midnight pay).
/// </summary>
internal static class KeyDatesBenchmark
{
    // The synthetic register's terms start between 2005 and 2024 and run one to five years, so from 2015 many are live.
    private static readonly DateOnly AsOf = new(2015, 1, 1);
    private static readonly int[] Windows = [90, 365];

    public static Command Command()
    {
        var sizes = ParsedOptions.WholeNumbers("--rows", "Register sizes to compare, in any order", 1, 10_000_000, [1_000, 10_000]);
        var runs = ParsedOptions.WholeNumber("--runs", $"Timed runs per window (after {RegisterBenchmark.WarmUps} untimed warm-up runs)", 1, 10_000, 10);
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server connection string (no Database=) to measure as well as SQLite" };
        var command = new Command("bench-key-dates", "Time the key-dates list as the register grows.") { sizes, runs, postgres };
        command.SetAction(async (parse, cancel) =>
        {
            var providers = new List<string> { "SQLite" };
            if (parse.GetValue(postgres) is { Length: > 0 }) providers.Add("PostgreSQL");
            foreach (var provider in providers)
                await RunAsync(parse.InvocationConfiguration.Output, provider, BenchSizes.InOrder(parse.GetValue(sizes)!), parse.GetValue(runs), parse.GetValue(postgres), cancel);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task RunAsync(TextWriter output, string provider, int[] sizes, int runs, string? postgres, CancellationToken cancel)
    {
        output.WriteLine($"\n{provider}: key dates from {AsOf:d MMMM yyyy}, each window timed {runs} time{(runs == 1 ? "" : "s")} after {RegisterBenchmark.WarmUps} untimed warm-up runs; " +
                         "ms is the median (min–max in brackets), KB the median allocated");
        var results = new Dictionary<(string Window, int Size), RegisterBenchmark.Measured>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var size in sizes)
        {
            await using var database = await BenchDatabase.CreateAsync(provider, postgres, cancel);
            await new SeedDataLoader(database.Factory).LoadAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), cancel);
            await SyntheticRegister.AddAsync(database.Factory, size - 5, cancel);
            var holidays = new BankHolidayReference(database.Factory, TimeProvider.System);
            await holidays.EnsureUsualYearsAsync(cancel);
            var clock = new StoppedClock(AsOf);
            var upcoming = new UpcomingDates(database.Factory, holidays, clock);
            var derivation = System.Diagnostics.Stopwatch.StartNew();
            var derived = await new StoredKeyDates(database.Factory, holidays).RefreshAsync(AsOf, cancel);
            output.WriteLine($"{RegisterBenchmark.N(size)} partnerships: key dates of {RegisterBenchmark.N(derived)} worked out and stored in {derivation.ElapsedMilliseconds:N0} ms");
            foreach (var window in Windows)
            {
                var measured = await RegisterBenchmark.MeasureAsync(() => upcoming.LoadAsync(AsOf, window, cancel), list => list.Dates.Count, runs);
                results[(Name(window), size)] = measured;
                rows.Add([Name(window), RegisterBenchmark.N(size), RegisterBenchmark.N(measured.Count), measured.Ms.ToString(), RegisterBenchmark.N(measured.Kb)]);
            }
        }

        output.WriteLine();
        TextTable.Write(output, ["Window", "Partnerships", "Dates", "ms", "KB"], rows);
        RegisterBenchmark.WriteRatios(output, "Window", sizes, Windows.Select(Name), results);
    }

    private static string Name(int window) => $"next {window} days";

    /// <summary>A clock stopped at noon UTC on one day, so that the benchmark's as-of day is today.</summary>
    private sealed class StoppedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
