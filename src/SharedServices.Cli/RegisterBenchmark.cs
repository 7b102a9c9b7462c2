using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SharedServices.Core.Partnerships;
using SharedServices.Core.SeedData;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices bench-register`: how the partnerships register behaves as a council's register grows.
/// Builds throwaway databases of increasing size and times the register's queries (first page, search, filter,
/// sort, last page), printing the page asked for, the rows it returned, milliseconds (median, min and max of the
/// timed runs), allocations, and the ratio between the largest and smallest size measured.
/// Paging in the database should keep both roughly flat as the register grows.
/// </summary>
internal static class RegisterBenchmark
{
    /// <summary>Untimed runs before the timed ones: the first pays for JIT, EF's query compilation and a cold cache, which a server pays once.</summary>
    public const int WarmUps = 3;

    private const int PageSize = 10;

    /// <summary>Each query, given the number of partnerships in the register (the last page needs it).</summary>
    private static readonly (string Name, Func<int, RegisterQuery> Query)[] Queries =
    [
        ("first page, by name", _ => new RegisterQuery(PageSize: PageSize)),
        ("search 'Isle of Wight'", _ => new RegisterQuery(Search: "Isle of Wight", PageSize: PageSize)),
        ("search a service name", _ => new RegisterQuery(Search: "educational psychology", PageSize: PageSize)),
        ("filter kind + status", _ => new RegisterQuery(Kind: PartnershipKind.SharedService, Status: PartnershipStatus.Active, PageSize: PageSize)),
        ("sort by end date, desc", _ => new RegisterQuery(SortBy: RegisterSort.EndDate, Descending: true, PageSize: PageSize)),
        ("last page", partnerships => new RegisterQuery(Page: BenchSizes.LastPage(partnerships, PageSize), PageSize: PageSize)),
    ];

    public static Command Command()
    {
        var sizes = ParsedOptions.WholeNumbers("--rows", "Register sizes to compare, in any order", 1, 10_000_000, [1_000, 10_000]);
        var runs = ParsedOptions.WholeNumber("--runs", $"Timed runs per query (after {WarmUps} untimed warm-up runs)", 1, 10_000, 30);
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server connection string (no Database=) to measure as well as SQLite" };
        var command = new Command("bench-register", "Time the partnerships register's queries as the register grows.") { sizes, runs, postgres };
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
        output.WriteLine($"\n{provider}: each query timed {runs} time{(runs == 1 ? "" : "s")} after {WarmUps} untimed warm-up runs; ms is the median (min–max in brackets), KB the median allocated");
        var results = new Dictionary<(string Query, int Size), Measured>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var size in sizes)
        {
            await using var database = await BenchDatabase.CreateAsync(provider, postgres, cancel);
            var seedWatch = Stopwatch.StartNew();
            await new SeedDataLoader(database.Factory).LoadAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), cancel);
            await SyntheticRegister.AddAsync(database.Factory, size - 5, cancel);
            var register = new PartnershipRegister(database.Factory, TimeProvider.System);
            // The real count, not the size asked for, so the last page is the last one there is.
            var partnerships = (await register.FindAsync(new RegisterQuery(), cancel)).TotalCount;
            output.WriteLine($"  built a register of {partnerships:N0} partnerships in {seedWatch.Elapsed.TotalSeconds:N1} s");
            foreach (var (name, query) in Queries)
            {
                var asked = query(partnerships);
                RegisterPage? last = null;
                var measured = await MeasureAsync(async () => last = await register.FindAsync(asked, cancel), page => page.Rows.Count, runs);
                results[(name, size)] = measured;
                rows.Add([name, N(partnerships), $"{asked.Page + 1:N0} of {BenchSizes.LastPage(last!.TotalCount, PageSize) + 1:N0}", N(measured.Count), measured.Ms.ToString(), N(measured.Kb)]);
            }
        }

        output.WriteLine();
        TextTable.Write(output, ["Query", "Partnerships", "Page", "Rows returned", "ms", "KB"], rows);
        WriteRatios(output, "Query", sizes, Queries.Select(q => q.Name), results);
    }

    /// <summary>The time and allocation at the largest size over those at the smallest, for each query (or window).</summary>
    internal static void WriteRatios(TextWriter output, string what, int[] sizes, IEnumerable<string> names, Dictionary<(string Query, int Size), Measured> results)
    {
        if (sizes.Length < 2) return;
        var (largest, smallest) = (sizes.Max(), sizes.Min());
        output.WriteLine();
        output.WriteLine($"Ratio largest/smallest: {largest:N0} over {smallest:N0} partnerships");
        TextTable.Write(output, [what, "Time", "Alloc"], names.Select(name => (IReadOnlyList<string>)
        [
            name,
            $"{BenchSizes.LargestOverSmallest(sizes.ToDictionary(s => s, s => results[(name, s)].Ms.Median)).ToString("N2", CultureInfo.InvariantCulture)}x",
            $"{BenchSizes.LargestOverSmallest(sizes.ToDictionary(s => s, s => results[(name, s)].Kb)).ToString("N2", CultureInfo.InvariantCulture)}x",
        ]).ToList());
    }

    /// <summary>A measured query: the spread of its timed runs in ms, its median allocation in KB, and how many rows (or dates) it returned.</summary>
    internal sealed record Measured(Spread Ms, double Kb, int Count);

    /// <summary>Times <paramref name="runs"/> runs after <see cref="WarmUps"/> untimed ones; <paramref name="count"/> says how much a run returned.</summary>
    internal static async Task<Measured> MeasureAsync<T>(Func<Task<T>> run, Func<T, int> count, int runs)
    {
        var result = await run();
        for (var i = 1; i < WarmUps; i++) result = await run();
        var returned = count(result);
        // Garbage left by building the register is collected now, not in the middle of a timed run.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new List<double>();
        var allocations = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            result = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            GC.KeepAlive(result);
        }
        return new Measured(Spread.Of(times), Spread.Of(allocations).Median / 1024, returned);
    }

    internal static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
