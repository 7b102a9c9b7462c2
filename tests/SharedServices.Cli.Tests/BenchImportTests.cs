namespace SharedServices.Cli.Tests;

/// <summary>The benchmark verb runs end to end at a small size and prints its table and verdicts (timings vary, so only the shape is checked).</summary>
[Collection("benchmarks")]
public sealed class BenchImportTests
{
    [Fact]
    public async Task Bench_import_prints_the_table_the_ratios_and_the_memory_check()
    {
        var result = await SeededDatabase.Run(["bench-import", "--rows", "2000", "--runs", "2"], SeededDatabase.NoVariables());

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.Split(Environment.NewLine);
        Assert.Contains(lines, l => l.StartsWith("Generated 2,000-row activity.csv", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l,
            @"^Database\s+What\s+Rows\s+Seconds\s+Rows/s\s+Ratio to raw insert\s+Peak heap MB\s+Heap growth MB\s+Peak working set MB$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^SQLite\s+raw insert\s+2,000\s"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^SQLite\s+CSV import\s+400\s"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^SQLite\s+CSV import\s+2,000\s"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^SQLite\s+\.xlsx import\s+2,000\s"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Target: SQLite CSV import within 3x of the raw insert: [\d.]+x, (met|NOT met)\.$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Target: SQLite \.xlsx import within 3x of the raw insert: [\d.]+x, (met|NOT met)\.$"));
        Assert.Contains(lines, l => l.StartsWith("Memory: SQLite CSV import peak heap ", StringComparison.Ordinal) && l.Contains(" MB at 400 rows, ") && l.Contains(" MB at 2,000 rows, ratio "));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Target: memory flat \(5x the rows, heap growth at most 1\.5x\): [\d.]+x, (met|NOT met)\.$"));
        Assert.Contains(lines, l => l.StartsWith("Live heap (", StringComparison.Ordinal) && l.Contains(" MB at 400 rows, +") && l.EndsWith(" bytes for each further row."));
        Assert.Contains(lines, l => l.StartsWith("Where the SQLite CSV import's ", StringComparison.Ordinal));
        // Each time is the median of the two runs with the fastest and slowest beside it.
        Assert.Contains("Seconds: the median run (fastest–slowest in brackets)", result.Out);
        foreach (var what in new[] { "raw insert", "CSV import", ".xlsx import" })
            foreach (var row in BenchTable.Rows(result.Out, "SQLite").Where(r => r[1] == what))
                BenchTable.Spread(row[3]);
        Assert.Equal(4, BenchTable.Rows(result.Out, "SQLite").Count(r => r.Length > 3 && r[3].Contains('(')));
        Assert.DoesNotContain(lines, l => l.StartsWith("PostgreSQL", StringComparison.Ordinal));
    }
}
