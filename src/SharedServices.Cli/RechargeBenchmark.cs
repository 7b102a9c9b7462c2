using System.CommandLine;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SharedServices.Core.Persistence;
using SharedServices.Core.Recharging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Recharging;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices bench-recharge`: the full-year recharge run over a synthetic estate, timed beside a plain scan
/// that sums the same activity rows per service, at two sizes to show whether the run grows in line with the rows.
/// Prints seconds, rows per second, the ratio to the scan and peak memory, for SQLite and (given --postgres) PostgreSQL.
/// Then the register workbook pair (<see cref="RegisterWorkbookBenchmark"/>); --part times one half alone.
/// </summary>
internal static class RechargeBenchmark
{
    private const int Timed = 3;

    public static Command Command()
    {
        var rows = ParsedOptions.WholeNumbers("--rows", "Activity rows in the estate, smallest first", 1, 100_000_000, [250_000, 1_000_000]);
        var partnerships = ParsedOptions.WholeNumber("--partnerships", "Partnerships of ten services each", 1, 100_000, 500);
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server connection string (no Database=) to measure as well as SQLite" };
        var workbookLines = RegisterWorkbookBenchmark.LinesOption();
        var part = new Option<string>("--part")
        {
            Description = "What to time: both (default), run (the recharge run only) or workbook (the register workbook pair only)",
            DefaultValueFactory = _ => "both",
        };
        part.AcceptOnlyFromAmong("both", "run", "workbook");
        var command = new Command("bench-recharge",
            "Time the full-year recharge run against a plain scan of the same activity, and the invoice register workbook against SpreadCheetah (and ClosedXML).")
        {
            rows, partnerships, postgres, workbookLines, part,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var timing = parse.GetValue(part)!;
            if (timing != "workbook") await RunPairAsync(parse, output, rows, partnerships, postgres, cancel);
            if (timing != "run") await RegisterWorkbookBenchmark.RunAsync(output, parse.GetValue(workbookLines)!, cancel);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task RunPairAsync(ParseResult parse, TextWriter output, Option<int[]> rows, Option<int> partnerships, Option<string?> postgres, CancellationToken cancel)
    {
        var providers = new List<string> { "SQLite" };
        if (parse.GetValue(postgres) is { Length: > 0 }) providers.Add("PostgreSQL");
        output.WriteLine($"Each figure is the median of {Timed} timed repeats after one warm-up (min–max in brackets); the run redrafts the same year each time.");
        output.WriteLine($"{"Database",-11} {"Rows",10} {"Run s",20} {"Scan s",20} {"Ratio",7} {"Run rows/s",11} {"Peak heap",10} {"Peak WS",9}");
        foreach (var provider in providers)
        {
            var results = new List<(int Rows, double Run, double Scan)>();
            foreach (var size in parse.GetValue(rows)!)
            {
                await using var database = await BenchDatabase.CreateAsync(provider, parse.GetValue(postgres), cancel);
                await SyntheticEstate.AddAsync(database.Factory, parse.GetValue(partnerships), size, cancel);
                var scans = new List<double>();
                for (var i = 0; i <= Timed; i++) scans.Add(await ScanAsync(database.Factory, cancel));
                var runs = new List<double>();
                var memory = new PeakMemory();
                RechargeOutcome? outcome = null;
                for (var i = 0; i <= Timed; i++)
                {
                    GC.Collect();
                    var watch = Stopwatch.StartNew();
                    using (new Timer(_ => memory.Sample(), null, 0, 5))
                        outcome = await new RechargeRuns(database.Factory, TimeProvider.System)
                            .RunAsync(RechargePeriod.Year(new FinancialYear(2013)), RechargeScope.Everything, null, "Benchmark", cancel: cancel);
                    runs.Add(watch.Elapsed.TotalSeconds);
                    memory.Sample();
                }
                // The first of each is the warm-up: it pays for JIT and query compilation, which a server pays once.
                var (run, scan) = (Spread.Of(runs.Skip(1)), Spread.Of(scans.Skip(1)));
                results.Add((size, run.Median, scan.Median));
                output.WriteLine($"{provider,-11} {size,10:N0} {run,20} {scan,20} {run.Median / scan.Median,6:N1}x {size / run.Median,11:N0} {memory.Heap / 1048576.0,7:N0} MB {memory.WorkingSet / 1048576.0,6:N0} MB" +
                                 $"   ({outcome!.Drafts:N0} drafts, {outcome.Lines:N0} lines, {outcome.Total} net; warm-up run {runs[0]:N2} s)");
            }
            if (results.Count > 1)
            {
                var (small, large) = (results[0], results[^1]);
                var growth = large.Run / small.Run / ((double)large.Rows / small.Rows);
                output.WriteLine($"{provider}: {large.Rows / (double)small.Rows:N1}x the rows took {large.Run / small.Run:N1}x the time " +
                                 $"({growth:N2} per unit of rows; 1.00 is linear). Target: within 2x of the scan — " +
                                 $"{(large.Run / large.Scan <= 2 ? "met" : "NOT met")} at {large.Rows:N0} rows.");
            }
        }
    }

    /// <summary>A plain scan: the year's activity summed per service, read to the end on a raw connection.</summary>
    private static async Task<double> ScanAsync(SharedServicesDbContextFactory factory, CancellationToken cancel)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancel);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = connection is SqliteConnection
            ? "SELECT \"TradedServiceId\", SUM(CAST(\"Quantity\" AS REAL)), COUNT(*) FROM \"ActivityEntries\" WHERE \"FromDate\" BETWEEN '2013-04-01' AND '2014-03-31' GROUP BY \"TradedServiceId\""
            : "SELECT \"TradedServiceId\", SUM(\"Quantity\"), COUNT(*) FROM \"ActivityEntries\" WHERE \"FromDate\" BETWEEN '2013-04-01' AND '2014-03-31' GROUP BY \"TradedServiceId\"";
        var watch = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var sum = 0.0;
        while (await reader.ReadAsync(cancel)) sum += Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        GC.KeepAlive(sum);
        return watch.Elapsed.TotalSeconds;
    }
}
