using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SharedServices.Core.Activity;
using SharedServices.Core.Activity.Import;
using SharedServices.Core.Persistence;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices bench-import`: how fast an activity file imports, and whether its memory stays flat. Generates
/// a CSV and an .xlsx of made-up activity, then, each into a fresh database, times a plain bulk insert of the same
/// rows in one transaction (a prepared INSERT on SQLite, a binary COPY on PostgreSQL) and the real import of each
/// file, sampling the managed heap and working set as each runs. Prints the table, the ratio of each import to the
/// raw insert (target: within 3×; times are the median of the runs, with the fastest and slowest beside it), the same CSV import at a fifth of the rows (target: the same peak memory), and
/// where the CSV import's time goes.
/// </summary>
internal static class ImportBenchmark
{
    public const double TargetRatio = 3.0;

    /// <summary>Peak heap growth at five times the rows may be this much larger and still count as flat.</summary>
    public const double FlatMemoryRatio = 1.5;

    private const string Importer = "Benchmark (bench-import)";

    public static Command Command()
    {
        var rows = ParsedOptions.WholeNumber("--rows", "Rows in each generated file", 1_000, ImportLimits.Default.MaxRows, 100_000);
        var runs = ParsedOptions.WholeNumber("--runs", "Timed runs of each measurement, each into a fresh database, after an untimed warm-up; the median is reported, with the fastest and slowest", 1, 20, 3);
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server connection string (no Database=) to measure as well as SQLite" };
        var command = new Command("bench-import", "Time importing a generated activity CSV and .xlsx against a raw bulk insert, with peak memory.") { rows, runs, postgres };
        command.SetAction(async (parse, cancel) =>
        {
            await RunAsync(parse.InvocationConfiguration.Output, parse.GetValue(rows), parse.GetValue(runs), parse.GetValue(postgres), cancel);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One measurement: <see cref="Seconds"/> is the median of the timed runs, <see cref="Time"/> their spread.</summary>
    private sealed record Result(string Database, string What, int Rows, double Seconds, long PeakHeap, long HeapGrowth, long PeakWorkingSet)
    {
        public Spread Time { get; init; } = new(Seconds, Seconds, Seconds);
    }

    private static async Task RunAsync(TextWriter output, int count, int runs, string? postgres, CancellationToken cancel)
    {
        var folder = Directory.CreateTempSubdirectory("sharedservices-bench-import-").FullName;
        try
        {
            var small = Math.Max(1, count / 5);
            var csv = Path.Combine(folder, "activity.csv");
            var csvSmall = Path.Combine(folder, "activity-small.csv");
            var xlsx = Path.Combine(folder, "activity.xlsx");
            var warmCsv = Path.Combine(folder, "warm-up.csv");
            var warmXlsx = Path.Combine(folder, "warm-up.xlsx");
            var watch = Stopwatch.StartNew();
            SyntheticActivity.WriteCsv(csv, count);
            SyntheticActivity.WriteCsv(csvSmall, small);
            SyntheticActivity.WriteXlsx(xlsx, count);
            SyntheticActivity.WriteCsv(warmCsv, 500);
            SyntheticActivity.WriteXlsx(warmXlsx, 500);
            output.WriteLine($"Generated {count:N0}-row activity.csv ({Megabytes(new FileInfo(csv).Length)}) and activity.xlsx " +
                             $"({Megabytes(new FileInfo(xlsx).Length)}), and a {small:N0}-row CSV, in {watch.Elapsed.TotalSeconds:N1} s.");

            var results = new List<Result>();
            var providers = new List<string> { "SQLite" };
            if (postgres is { Length: > 0 }) providers.Add("PostgreSQL");
            foreach (var provider in providers)
            {
                output.WriteLine($"{provider}: warming up…");
                // One untimed run of each operation timed below, so none of them pays for JIT or first connections.
                // The same rows in both files: the second would be refused as duplicates in the same database.
                await WithDatabase(provider, postgres, factory => RawInsertAsync(factory, 500, cancel), cancel);
                await WithDatabase(provider, postgres, factory => ImportAsync(factory, warmCsv, cancel), cancel);
                await WithDatabase(provider, postgres, factory => ImportAsync(factory, warmXlsx, cancel), cancel);
                output.WriteLine($"{provider}: raw insert, CSV import, .xlsx import of {count:N0} rows, {runs} run{(runs == 1 ? "" : "s")} each…");
                async Task<Result> Phase(string what, int rows, Func<SharedServicesDbContextFactory, Task<double>> run)
                {
                    var each = new List<Result>();
                    for (var i = 0; i < runs; i++)
                        each.Add(await WithDatabase(provider, postgres, factory => Measure(provider, what, rows, () => run(factory)), cancel));
                    // The median, with the fastest and slowest runs to show how much the machine's other work moved it; memory is the worst seen.
                    var time = Spread.Of(each.Select(r => r.Seconds));
                    return each[0] with
                    {
                        Seconds = time.Median, Time = time,
                        PeakHeap = each.Max(r => r.PeakHeap), HeapGrowth = each.Max(r => r.HeapGrowth), PeakWorkingSet = each.Max(r => r.PeakWorkingSet),
                    };
                }
                results.Add(await Phase("raw insert", count, f => RawInsertAsync(f, count, cancel)));
                if (provider == "SQLite") results.Add(await Phase("CSV import", small, f => ImportAsync(f, csvSmall, cancel)));
                results.Add(await Phase("CSV import", count, f => ImportAsync(f, csv, cancel)));
                results.Add(await Phase(".xlsx import", count, f => ImportAsync(f, xlsx, cancel)));
            }

            output.WriteLine("SQLite: live heap during the CSV import, after full collections…");
            var retainedSmall = await WithDatabase("SQLite", null, f => RetainedAsync(f, csvSmall, small, cancel), cancel);
            var retained = await WithDatabase("SQLite", null, f => RetainedAsync(f, csv, count, cancel), cancel);

            output.WriteLine();
            WriteTable(output, results);
            output.WriteLine();
            WriteTargets(output, results, count, small);
            output.WriteLine($"Live heap (objects still reachable, after a full collection every tenth of the file; untimed runs): " +
                             $"+{Mb(retainedSmall)} MB at {N(small)} rows, +{Mb(retained)} MB at {N(count)} rows, " +
                             $"{N((double)(retained - retainedSmall) / (count - small))} bytes for each further row.");
            output.WriteLine();
            await WriteBreakdownAsync(output, csv, xlsx, count, runs, results.Single(r => r.Database == "SQLite" && r.What == "CSV import" && r.Rows == count), cancel);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteTable(TextWriter output, List<Result> results)
    {
        TextTable.Write(output, ["Database", "What", "Rows", "Seconds", "Rows/s", "Ratio to raw insert", "Peak heap MB", "Heap growth MB", "Peak working set MB"],
            results.Select(r =>
            {
                var raw = results.Single(x => x.Database == r.Database && x.What == "raw insert");
                return (IReadOnlyList<string>)
                [
                    r.Database, r.What, N(r.Rows), r.Time.ToString(), N(r.Rows / r.Seconds),
                    r.What == "raw insert" ? "1.00x" : $"{Ratio(r, raw):N2}x", Mb(r.PeakHeap), Mb(r.HeapGrowth), Mb(r.PeakWorkingSet),
                ];
            }).ToList());
        output.WriteLine("Seconds: the median run (fastest–slowest in brackets); rows/s from the median. Ratio: the import's seconds per row over the raw insert's into the same database (a fresh one each run).");
        output.WriteLine("Heap growth: peak managed heap less the heap after a full collection at the start; working set includes what earlier runs left; both the highest of the runs.");
    }

    private static void WriteTargets(TextWriter output, List<Result> results, int count, int small)
    {
        foreach (var import in results.Where(r => r.What != "raw insert" && r.Rows == count))
        {
            var raw = results.Single(x => x.Database == import.Database && x.What == "raw insert");
            var ratio = Ratio(import, raw);
            output.WriteLine($"Target: {import.Database} {import.What} within {TargetRatio:N0}x of the raw insert: {ratio:N2}x, {(ratio <= TargetRatio ? "met" : "NOT met")}.");
        }
        var before = results.Single(r => r.Database == "SQLite" && r.What == "CSV import" && r.Rows == small);
        var after = results.Single(r => r.Database == "SQLite" && r.What == "CSV import" && r.Rows == count);
        var growth = (double)after.HeapGrowth / Math.Max(1, before.HeapGrowth);
        output.WriteLine($"Memory: SQLite CSV import peak heap {Mb(before.PeakHeap)} MB at {N(small)} rows, {Mb(after.PeakHeap)} MB at {N(count)} rows, " +
                         $"ratio {(double)after.PeakHeap / before.PeakHeap:N2}x; heap growth {Mb(before.HeapGrowth)} MB and {Mb(after.HeapGrowth)} MB, ratio {growth:N2}x; " +
                         $"peak working set {Mb(before.PeakWorkingSet)} MB and {Mb(after.PeakWorkingSet)} MB, ratio {(double)after.PeakWorkingSet / before.PeakWorkingSet:N2}x.");
        output.WriteLine($"Target: memory flat ({N(count / small)}x the rows, heap growth at most {FlatMemoryRatio:N1}x): {growth:N2}x, {(growth <= FlatMemoryRatio ? "met" : "NOT met")}.");
    }

    /// <summary>
    /// Roughly where the CSV import's time goes: reading alone, reading and validating each row (against the same
    /// services), and the rest (duplicate check, hashing the file, writing and committing) by difference. Medians, like
    /// the import they are taken from; the imports before them have already warmed the reader and validator.
    /// </summary>
    private static async Task WriteBreakdownAsync(TextWriter output, string csv, string xlsx, int count, int runs, Result import, CancellationToken cancel)
    {
        var reader = new ActivityFileReader();
        List<double> readCsvs = [], readXlsxs = [], validates = [];
        await WithDatabase<int>("SQLite", null, async factory =>
        {
            await using var db = factory.CreateDbContext();
            var validator = new ActivityRowValidator(await ActivityServices.LoadAsync(db, SyntheticActivity.PartnershipCode, cancel));
            var problems = 0;
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                await reader.ReadAsync(csv, (_, _) => ValueTask.CompletedTask, cancel: cancel);
                readCsvs.Add(watch.Elapsed.TotalSeconds);
                watch.Restart();
                await reader.ReadAsync(csv, (row, _) =>
                {
                    problems += validator.Problems(row).Count;
                    return ValueTask.CompletedTask;
                }, cancel: cancel);
                validates.Add(watch.Elapsed.TotalSeconds);
                watch.Restart();
                await reader.ReadAsync(xlsx, (_, _) => ValueTask.CompletedTask, cancel: cancel);
                readXlsxs.Add(watch.Elapsed.TotalSeconds);
            }
            if (problems > 0) throw new CliException($"The generated rows have {problems:N0} problems; the benchmark is wrong.", ExitCodes.Failed);
            return 0;
        }, cancel);
        var (readCsv, readXlsx, validate) = (Spread.Of(readCsvs).Median, Spread.Of(readXlsxs).Median, Spread.Of(validates).Median);
        var write = Math.Max(0, import.Seconds - validate);
        output.WriteLine($"Where the SQLite CSV import's {import.Seconds:N2} s go ({N(count)} rows): reading the CSV {readCsv:N2} s, " +
                         $"validating {validate - readCsv:N2} s, checking duplicates, hashing and writing {write:N2} s (by difference). " +
                         $"Reading the .xlsx alone takes {readXlsx:N2} s.");
    }

    private static async Task<Result> Measure(string database, string what, int rows, Func<Task<double>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var startHeap = GC.GetTotalMemory(false);
        var sampler = new PeakMemory();
        double seconds;
        using (new Timer(_ => sampler.Sample(), null, 0, 5))
            seconds = await run();
        sampler.Sample();
        return new Result(database, what, rows, seconds, sampler.Heap, sampler.Heap - startHeap, sampler.WorkingSet);
    }

    /// <summary>Runs <paramref name="run"/> against a fresh, migrated database holding the benchmark's partnership; returns what it timed.</summary>
    private static async Task<T> WithDatabase<T>(string provider, string? postgres, Func<SharedServicesDbContextFactory, Task<T>> run, CancellationToken cancel)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, postgres, cancel);
        await SyntheticActivity.AddPartnershipAsync(database.Factory, cancel);
        return await run(database.Factory);
    }

    /// <summary>
    /// How much more the heap holds, at most, while a CSV import runs than before it: a full collection every tenth
    /// of the file leaves only what the import keeps reachable. Too slow to time, so a run of its own.
    /// </summary>
    private static async Task<long> RetainedAsync(SharedServicesDbContextFactory factory, string path, int rows, CancellationToken cancel)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var most = 0L;
        var every = Math.Max(ImportLimits.Default.ProgressEvery, rows / 10 / ImportLimits.Default.ProgressEvery * ImportLimits.Default.ProgressEvery);
        await ImportAsync(factory, path, cancel, new SynchronousProgress(p =>
        {
            if (p.RowsRead % every == 0) most = Math.Max(most, GC.GetTotalMemory(forceFullCollection: true) - before);
        }));
        return most;
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private static async Task<double> ImportAsync(SharedServicesDbContextFactory factory, string path, CancellationToken cancel, IProgress<ImportProgress>? progress = null)
    {
        var importer = new ActivityImporter(factory, TimeProvider.System);
        var watch = Stopwatch.StartNew();
        await using var file = File.OpenRead(path);
        var outcome = await importer.ImportAsync(SyntheticActivity.PartnershipCode, file, Path.GetFileName(path), Importer, progress, cancel);
        var seconds = watch.Elapsed.TotalSeconds;
        if (!outcome.Saved)
            throw new CliException($"The benchmark's {Path.GetFileName(path)} was not imported: " +
                                   (outcome.Refusal ?? string.Join("; ", outcome.Report!.Problems.Take(3))), ExitCodes.Failed);
        return seconds;
    }

    /// <summary>
    /// The baseline: the same rows, already in memory as values, inserted in one transaction as plainly as each
    /// database allows (a prepared Microsoft.Data.Sqlite INSERT with its parameters reused; an Npgsql binary COPY),
    /// over a connection opened as the app opens it.
    /// </summary>
    private static async Task<double> RawInsertAsync(SharedServicesDbContextFactory factory, int count, CancellationToken cancel)
    {
        int[] services;
        await using var db = factory.CreateDbContext();
        services = await db.TradedServices.OrderBy(s => s.Id).Select(s => s.Id).ToArrayAsync(cancel);
        await db.Database.OpenConnectionAsync(cancel);
        var connection = db.Database.GetDbConnection();
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        if (connection is SqliteConnection sqlite) await SqliteInsertAsync(sqlite, (SqliteTransaction)transaction, services, count, now, cancel);
        else await PostgresCopyAsync((NpgsqlConnection)connection, services, count, now, cancel);
        await transaction.CommitAsync(cancel);
        return watch.Elapsed.TotalSeconds;
    }

    private const string Columns =
        "\"TradedServiceId\", \"FromDate\", \"ToDate\", \"Quantity\", \"Unit\", \"ActualCost\", \"Description\", \"Reference\", " +
        "\"EnteredBy\", \"EnteredAtUtc\", \"ImportId\", \"IsIllustrative\", \"Version\"";

    private static async Task SqliteInsertAsync(SqliteConnection connection, SqliteTransaction transaction, int[] services, int count, DateTime now, CancellationToken cancel)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        var p = Enumerable.Range(0, 13).Select(i => insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
        insert.CommandText = $"INSERT INTO \"ActivityEntries\" ({Columns}) VALUES ({string.Join(", ", p.Select(x => x.ParameterName))})";
        insert.Prepare();
        var enteredAt = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        foreach (var r in SyntheticActivity.Rows(count))
        {
            var date = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[0].Value = services[r.Service];
            p[1].Value = date;
            p[2].Value = date;
            p[3].Value = r.Quantity is { } q ? q.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
            p[4].Value = (object?)r.Unit ?? DBNull.Value;
            p[5].Value = (object?)r.CostPence ?? DBNull.Value;
            p[6].Value = r.Description;
            p[7].Value = r.Reference;
            p[8].Value = Importer;
            p[9].Value = enteredAt;
            p[10].Value = DBNull.Value;
            p[11].Value = 0;
            p[12].Value = 0;
            await insert.ExecuteNonQueryAsync(cancel);
        }
    }

    private static async Task PostgresCopyAsync(NpgsqlConnection connection, int[] services, int count, DateTime now, CancellationToken cancel)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"ActivityEntries\" ({Columns}) FROM STDIN (FORMAT BINARY)", cancel);
        foreach (var r in SyntheticActivity.Rows(count))
        {
            await copy.StartRowAsync(cancel);
            await copy.WriteAsync(services[r.Service], NpgsqlDbType.Integer, cancel);
            await copy.WriteAsync(r.Date, NpgsqlDbType.Date, cancel);
            await copy.WriteAsync(r.Date, NpgsqlDbType.Date, cancel);
            if (r.Quantity is { } q) await copy.WriteAsync(q, NpgsqlDbType.Numeric, cancel); else await copy.WriteNullAsync(cancel);
            if (r.Unit is { } unit) await copy.WriteAsync(unit, NpgsqlDbType.Varchar, cancel); else await copy.WriteNullAsync(cancel);
            if (r.CostPence is { } pence) await copy.WriteAsync(pence, NpgsqlDbType.Bigint, cancel); else await copy.WriteNullAsync(cancel);
            await copy.WriteAsync(r.Description, NpgsqlDbType.Varchar, cancel);
            await copy.WriteAsync(r.Reference, NpgsqlDbType.Varchar, cancel);
            await copy.WriteAsync(Importer, NpgsqlDbType.Varchar, cancel);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancel);
            await copy.WriteNullAsync(cancel);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, cancel);
            await copy.WriteAsync(0, NpgsqlDbType.Integer, cancel);
        }
        await copy.CompleteAsync(cancel);
    }

    private static double Ratio(Result import, Result raw) => import.Seconds / import.Rows / (raw.Seconds / raw.Rows);

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("N1", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => $"{Mb(bytes)} MB";
}
