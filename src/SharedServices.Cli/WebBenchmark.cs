using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices bench-web`: the pages side by side, as people get them. Hosts the real app in this process on a
/// loopback port, over SQLite (and PostgreSQL when given), with registers of each size of
/// <see cref="SyntheticPartnerships"/>; puts a bounded load on each page and download and on a static file from the
/// same server; prints requests/s, p50/p95/p99 latency, errors, each rate as a share of the static file's, and how
/// much slower each page is at the largest register than at the smallest. Then opens real circuits on a partnership
/// page in Chromium and prints the managed heap each one holds.
/// </summary>
internal static class WebBenchmark
{
    /// <summary>What is loaded, in order: the static file first, since every rate is compared with it.</summary>
    private static readonly (string Name, string Path)[] Targets =
    [
        ("static app.css", "/app.css"),
        ("dashboard", "/"),
        ("register", "/partnerships"),
        // The register's grid fetches its rows over the live connection, after the prerender, so over HTTP both register
        // rows measure the page without its rows (and ?search= is not read from the address); the register's own
        // queries, plain and searched, are measured by bench-register.
        ("register, searched", $"/partnerships?search={SyntheticPartnerships.SearchWord}"),
        ("key dates, 90 days", "/key-dates?within=90"),
        ("key dates, 365 days", "/key-dates?within=365"),
        ("partnership page", $"/partnerships/{SyntheticPartnerships.Showcase}"),
        ("calendar.ics", "/key-dates/calendar.ics"),
        ("workbook.xlsx", "/key-dates/workbook.xlsx"),
    ];

    private static string PartnershipPage => Targets.Single(t => t.Name == "partnership page").Path;

    public static Command Command(CliEnvironment environment)
    {
        var sizes = ParsedOptions.WholeNumbers("--sizes", "Register sizes (synthetic partnerships) to compare, in any order", 1, 1_000_000, [1_000, 10_000]);
        var clients = ParsedOptions.WholeNumber("--clients", "Concurrent clients, each sending its next request when its last answer is read", 1, 1_000, 50);
        var seconds = ParsedOptions.WholeNumber("--seconds", "Seconds of load on each address (after a warm-up of a fifth of that, at most 2 s)", 1, 600, 10);
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server connection string (no Database=) to measure as well as SQLite" };
        var circuits = ParsedOptions.WholeNumbers("--circuits", "How many circuits to open at once on each page, each count in turn, at the largest size", 1, 500, [1, 25, 50]);
        var circuitPages = CircuitPages();
        var noCircuits = new Option<bool>("--no-circuits") { Description = $"Skip the circuits (no Chromium needed; otherwise ${CircuitMeter.ChromiumVariable} or /usr/bin/chromium)" };
        var command = new Command("bench-web", "Load the app's pages, downloads and a static file in-process on loopback, and measure circuits' memory, as the register grows.")
            { sizes, clients, seconds, postgres, circuits, circuitPages, noCircuits };
        command.SetAction(async (parse, cancel) =>
        {
            var output = parse.InvocationConfiguration.Output;
            // Before any database is built: a missing browser should not cost minutes of loading first.
            var chromium = parse.GetValue(noCircuits) ? null : CircuitMeter.ChromiumPath(environment);
            var settings = new Settings(BenchSizes.InOrder(parse.GetValue(sizes)!), parse.GetValue(clients), parse.GetValue(seconds),
                parse.GetValue(postgres), chromium is null ? [] : BenchSizes.InOrder(parse.GetValue(circuits)!), parse.GetValue(circuitPages)!);
            var providers = new List<string> { "SQLite" };
            if (parse.GetValue(postgres) is { Length: > 0 }) providers.Add("PostgreSQL");
            CircuitMeter? meter = null;
            try
            {
                if (chromium is not null) meter = await CircuitMeter.StartAsync(chromium);
                foreach (var provider in providers)
                    await RunAsync(output, parse.InvocationConfiguration.Error, provider, settings, meter, cancel);
            }
            finally
            {
                if (meter is not null) await meter.DisposeAsync();
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The pages to open circuits on, each in turn: a partnership page by default. Another page (/account holds little
    /// beyond the layout) tells what every circuit costs from what the partnership page adds.
    /// </summary>
    private static Option<string[]> CircuitPages() => new("--circuit-pages")
    {
        Description = "Addresses to open the circuits on, each in turn (/account is little more than the layout)",
        DefaultValueFactory = _ => [PartnershipPage],
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result =>
        {
            var pages = result.Tokens.Select(t => t.Value).ToArray();
            if (pages.FirstOrDefault(p => !p.StartsWith('/') || p.StartsWith("//", StringComparison.Ordinal)) is { } bad)
                result.AddError($"--circuit-pages must be addresses on the app starting with one /, such as /account, not '{bad}'.");
            return pages;
        },
    };

    private sealed record Settings(int[] Sizes, int Clients, int Seconds, string? Postgres, int[] Circuits, string[] CircuitPages)
    {
        public TimeSpan Load => TimeSpan.FromSeconds(Seconds);
        public TimeSpan WarmUp => TimeSpan.FromSeconds(Math.Min(2, Seconds / 5.0));
    }

    private static async Task RunAsync(TextWriter output, TextWriter errors, string provider, Settings settings, CircuitMeter? meter, CancellationToken cancel)
    {
        output.WriteLine($"\n{provider}: {settings.Clients} client{(settings.Clients == 1 ? "" : "s")} for {settings.Seconds} s on each address after a " +
                         $"{settings.WarmUp.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s warm-up, on loopback, the app in this process as Production " +
                         $"({(GCSettings.IsServerGC ? "server" : "workstation")} GC; DOTNET_gcServer=1 for the server GC a hosted app uses)");
#if DEBUG
        output.WriteLine("  A Debug build: for figures to compare, build with -c Release (dotnet run -c Release --project src/SharedServices.Cli -- bench-web).");
#endif
        output.WriteLine($"  Assumed: the signed-in person's council ({SyntheticPartnerships.CouncilName}) is party to every synthetic partnership, " +
                         "so they see the whole register: the worst case. The 5 seed partnerships are there too, not theirs.");
        output.WriteLine("  Addresses: " + string.Join(", ", Targets.Select(t => $"{t.Name} {t.Path}")));
        var results = new Dictionary<(string Target, int Size), LoadResult>();
        var rows = new List<IReadOnlyList<string>>();
        var circuitRows = new List<IReadOnlyList<string>>();
        foreach (var size in settings.Sizes)
        {
            var built = Stopwatch.StartNew();
            await using var host = await WebBenchHost.StartAsync(provider, settings.Postgres, size, errors, cancel);
            output.WriteLine($"  {N(size)} synthetic partnerships: built and the app started in {built.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)} s at {host.BaseUrl}");
            using (var client = LoadRunner.ClientFor(host.BaseUrl, host.CookieHeader, settings.Clients))
                foreach (var (name, path) in Targets)
                {
                    await LoadRunner.RunAsync(client, path, settings.Clients, settings.WarmUp, cancel);
                    var result = results[(name, size)] = await LoadRunner.RunAsync(client, path, settings.Clients, settings.Load, cancel);
                    errors.WriteLine($"bench-web: {provider}, {N(size)}: {name} measured"); // progress, on stderr: a full run takes minutes
                    var share = result.RequestsPerSecond / results[(Targets[0].Name, size)].RequestsPerSecond;
                    rows.Add([name, N(size), N(result.Bytes / 1024.0), N(result.RequestsPerSecond), Ms(result.P50), Ms(result.P95), Ms(result.P99), N(result.ErrorCount),
                        (share * 100).ToString(share < 0.1 ? "N2" : "N0", CultureInfo.InvariantCulture) + "%"]);
                }
            if (meter is not null && size == settings.Sizes.Max())
            {
                // The most circuits, once, untimed: the server's buffer pools and caches grow to hold that many
                // connections the first time, and would otherwise be charged to whichever page came first.
                await meter.HeapOfAsync(host, settings.CircuitPages[0], settings.Circuits.Max());
                foreach (var page in settings.CircuitPages)
                {
                    // One untimed circuit first: the first pays once for code and caches that every later one shares.
                    await meter.HeapOfAsync(host, page, 1);
                    foreach (var count in settings.Circuits)
                    {
                        var heap = await meter.HeapOfAsync(host, page, count);
                        errors.WriteLine($"bench-web: {provider}, {N(size)}: {count} circuit{(count == 1 ? "" : "s")} on {page} measured");
                        circuitRows.Add([$"{count} circuit{(count == 1 ? "" : "s")}", page, N(size), (heap / 1024.0 / 1024).ToString("N1", CultureInfo.InvariantCulture),
                            N(heap / 1024.0 / count)]);
                    }
                }
            }
        }

        output.WriteLine();
        TextTable.Write(output, ["Target", "Partnerships", "KB", "Requests/s", "p50 ms", "p95 ms", "p99 ms", "Errors", "Of static rate"], rows);
        foreach (var ((target, size), result) in results.Where(r => r.Value.ErrorCount > 0))
            output.WriteLine($"  errors, {target} at {N(size)}: " + string.Join("; ", result.Errors.Select(e => $"{N(e.Value)} × {e.Key}")));
        WriteGrowth(output, settings.Sizes, results);
        if (circuitRows.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Circuits on each page, each count opened in Chromium (five tabs at a time, after one untimed, and the most once untimed before the first page) and held open together, each interactive; " +
                             "managed heap after a full collection (GC.Collect, finalizers, GC.Collect) with them open, less the heap just before");
            TextTable.Write(output, ["Circuits", "Page", "Partnerships", "Heap added MB", "KB per circuit"], circuitRows);
        }
    }

    /// <summary>Each target's rate and p50 at the largest register over the smallest: 1.00x is a page that does not slow as the register grows.</summary>
    private static void WriteGrowth(TextWriter output, int[] sizes, Dictionary<(string Target, int Size), LoadResult> results)
    {
        if (sizes.Length < 2) return;
        output.WriteLine();
        output.WriteLine($"Ratio largest/smallest: {N(sizes.Max())} over {N(sizes.Min())} partnerships (p50 above 1 is slower; requests/s below 1 is slower)");
        TextTable.Write(output, ["Target", "p50", "Requests/s"], Targets.Select(t => (IReadOnlyList<string>)
        [
            t.Name,
            Ratio(sizes.ToDictionary(s => s, s => results[(t.Name, s)].P50)),
            Ratio(sizes.ToDictionary(s => s, s => results[(t.Name, s)].RequestsPerSecond)),
        ]).ToList());
    }

    private static string Ratio(Dictionary<int, double> bySize) =>
        BenchSizes.LargestOverSmallest(bySize).ToString("N2", CultureInfo.InvariantCulture) + "x";

    private static string Ms(double ms) => ms.ToString(ms < 100 ? "N1" : "N0", CultureInfo.InvariantCulture);

    private static string N(double value) => RegisterBenchmark.N(value);
}
