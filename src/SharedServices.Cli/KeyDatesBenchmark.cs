using System.CommandLine;
using SharedServices.Core.Calendar;
using SharedServices.Core.KeyDates;
using SharedServices.Core.SeedData;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices bench-key-dates`: how long the directors' key-dates list takes as the register grows. Unlike the
/// register, it reads every live partnership with its history (the rules run in C#, not SQL), so time and memory
/// grow with the register; this prints by how much.
/// </summary>
internal static class KeyDatesBenchmark
{
    // The synthetic register's terms start between 2005 and 2024 and run one to five years, so from 2015 many are live.
    private static readonly DateOnly AsOf = new(2015, 1, 1);
    private static readonly int[] Windows = [90, 365];

    public static Command Command()
    {
        var sizes = ParsedOptions.WholeNumbers("--rows", "Register sizes to compare", 1, 10_000_000, [1_000, 10_000]);
        var runs = ParsedOptions.WholeNumber("--runs", "Timed runs per window (after 3 warm-up runs)", 1, 10_000, 10);
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server connection string (no Database=) to measure as well as SQLite" };
        var command = new Command("bench-key-dates", "Time the key-dates list as the register grows.") { sizes, runs, postgres };
        command.SetAction(async (parse, cancel) =>
        {
            var providers = new List<string> { "SQLite" };
            if (parse.GetValue(postgres) is { Length: > 0 }) providers.Add("PostgreSQL");
            foreach (var provider in providers)
                await RunAsync(provider, parse.GetValue(sizes)!, parse.GetValue(runs), parse.GetValue(postgres), cancel);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string provider, int[] sizes, int runs, string? postgres, CancellationToken cancel)
    {
        Console.WriteLine($"\n{provider}: key dates from {AsOf:d MMMM yyyy}, median of {runs} runs");
        var results = new Dictionary<(int Window, int Size), (double Ms, double Kb, int Dates)>();
        foreach (var size in sizes)
        {
            await using var database = await BenchDatabase.CreateAsync(provider, postgres, cancel);
            await new SeedDataLoader(database.Factory).LoadAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), cancel);
            await SyntheticRegister.AddAsync(database.Factory, size - 5, cancel);
            var holidays = new BankHolidayReference(database.Factory, TimeProvider.System);
            await holidays.EnsureUsualYearsAsync(cancel);
            var upcoming = new UpcomingDates(database.Factory, holidays);
            foreach (var window in Windows)
            {
                var count = (await upcoming.LoadAsync(AsOf, window, cancel)).Dates.Count;
                var (ms, kb) = await RegisterBenchmark.MeasureAsync(() => upcoming.LoadAsync(AsOf, window, cancel), runs);
                results[(window, size)] = (ms, kb, count);
            }
        }

        foreach (var window in Windows)
        {
            var cells = sizes.Select(s => results[(window, s)]).ToList();
            Console.WriteLine($"  next {window,3} days: " + string.Join("  |  ", sizes.Zip(cells, (s, c) => $"{s,6:N0} rows: {c.Ms,8:N1} ms {c.Kb,9:N0} KB, {c.Dates:N0} dates")) +
                $"  |  ratio {cells[^1].Ms / cells[0].Ms:N2}x time, {cells[^1].Kb / cells[0].Kb:N2}x alloc");
        }
    }
}
