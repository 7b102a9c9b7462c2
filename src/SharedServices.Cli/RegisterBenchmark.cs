using System.CommandLine;
using System.Diagnostics;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Persistence;
using SharedServices.Core.SeedData;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices bench-register`: how the partnerships register behaves as a council's register grows.
/// Builds throwaway databases of increasing size and times the register's queries (first page, search, filter,
/// sort, last page), printing milliseconds, allocations and the ratio between the largest and smallest size.
/// Paging in the database should keep both roughly flat as the register grows.
/// </summary>
internal static class RegisterBenchmark
{
    private static readonly (string Name, Func<int, RegisterQuery> Query)[] Queries =
    [
        ("first page, by name", _ => new RegisterQuery()),
        ("search 'Isle of Wight'", _ => new RegisterQuery(Search: "Isle of Wight")),
        ("search a service name", _ => new RegisterQuery(Search: "educational psychology")),
        ("filter kind + status", _ => new RegisterQuery(Kind: PartnershipKind.SharedService, Status: PartnershipStatus.Active)),
        ("sort by end date, desc", _ => new RegisterQuery(SortBy: RegisterSort.EndDate, Descending: true)),
        ("last page", rows => new RegisterQuery(Page: rows / 10, PageSize: 10)),
    ];

    public static Command Command()
    {
        var sizes = ParsedOptions.WholeNumbers("--rows", "Register sizes to compare", 1, 10_000_000, [1_000, 10_000]);
        var runs = ParsedOptions.WholeNumber("--runs", "Timed runs per query (after 3 warm-up runs)", 1, 10_000, 30);
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server connection string (no Database=) to measure as well as SQLite" };
        var command = new Command("bench-register", "Time the partnerships register's queries as the register grows.") { sizes, runs, postgres };
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
        Console.WriteLine($"\n{provider}: median of {runs} runs per query");
        var results = new Dictionary<(string, int), (double Ms, double Kb)>();
        foreach (var size in sizes)
        {
            await using var database = await BenchDatabase.CreateAsync(provider, postgres, cancel);
            var seedWatch = Stopwatch.StartNew();
            await new SeedDataLoader(database.Factory).LoadAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), cancel);
            await SyntheticRegister.AddAsync(database.Factory, size - 5, cancel);
            Console.WriteLine($"  built a register of {size:N0} partnerships in {seedWatch.Elapsed.TotalSeconds:N1} s");
            var register = new PartnershipRegister(database.Factory, TimeProvider.System);
            foreach (var (name, query) in Queries)
                results[(name, size)] = await MeasureAsync(() => register.FindAsync(query(size), cancel), runs);
        }

        Console.WriteLine();
        Console.WriteLine($"  {"query",-26}" + string.Concat(sizes.Select(s => $"{s,10:N0} rows (ms, KB)".PadLeft(26))) + "   ratio largest/smallest (time, alloc)");
        foreach (var (name, _) in Queries)
        {
            var cells = sizes.Select(s => results[(name, s)]).ToList();
            Console.WriteLine($"  {name,-26}" + string.Concat(cells.Select(c => $"{c.Ms,14:N2} ms {c.Kb,7:N0} KB")) +
                $"   {cells[^1].Ms / cells[0].Ms,6:N2}x {cells[^1].Kb / cells[0].Kb,6:N2}x");
        }
    }

    /// <summary>Median time and allocation of <paramref name="runs"/> runs after three warm-ups.</summary>
    internal static async Task<(double Ms, double Kb)> MeasureAsync<T>(Func<Task<T>> run, int runs)
    {
        for (var i = 0; i < 3; i++) await run();
        var times = new List<double>();
        var allocations = new List<long>();
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            GC.KeepAlive(result);
        }
        return (Median(times), Median(allocations.Select(a => (double)a).ToList()) / 1024);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
