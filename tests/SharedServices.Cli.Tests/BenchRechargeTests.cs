using System.Text.RegularExpressions;

namespace SharedServices.Cli.Tests;

/// <summary>The recharge benchmark runs end to end at a small size and prints its table and verdict (timings vary, so only the shape and the drafted figures are checked).</summary>
public sealed class BenchRechargeTests
{
    [Fact]
    public async Task Bench_recharge_prints_both_sizes_the_ratio_and_the_growth()
    {
        var result = await SeededDatabase.Run(["bench-recharge", "--rows", "200", "400", "--partnerships", "2", "--workbook-lines", "100", "200"], SeededDatabase.NoVariables());

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.Split(Environment.NewLine);
        Assert.StartsWith("Each figure is the median of 3 timed repeats after one warm-up", lines[0]);
        Assert.Matches(@"^Database\s+Rows\s+Run s\s+Scan s\s+Ratio\s+Run rows/s\s+Peak heap\s+Peak WS$", lines[1]);
        // 2 partnerships of 10 day-rate services; 200 rows of 1, 1.5 and 2 days in turn over the year.
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^SQLite\s+200\s\s+[\d.]+ \([\d.]+–[\d.]+\)\s+[\d.]+ \([\d.]+–[\d.]+\)\s.*\(2 drafts, 2[0-9] lines, £[\d,]+\.\d\d net; warm-up run [\d.]+ s\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^SQLite\s+400\s\s+[\d.]+ \([\d.]+–[\d.]+\)\s+[\d.]+ \([\d.]+–[\d.]+\)\s.*\(2 drafts, 2[0-9] lines, £[\d,]+\.\d\d net; warm-up run [\d.]+ s\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^SQLite: 2\.0x the rows took [\d.]+x the time \([\d.]+ per unit of rows; 1\.00 is linear\)\. Target: within 2x of the scan — (met|NOT met) at 400 rows\.$"));
        // Then the register workbook pair at 100 and 200 lines: ours, SpreadCheetah, the ratio, ClosedXML, its ratio, three peaks.
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Register workbook\s+Lines\s+Ours s\s+SpreadCheetah s\s+Ratio\s+ClosedXML s\s+Ratio\s+Ours heap\s+SC heap\s+CXML heap$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\s+100\s+[\d.]+\s+[\d.]+\s+[\d.]+x\s+[\d.]+\s+[\d.]+x\s+[\d.]+ MB\s+[\d.]+ MB\s+[\d.]+ MB\s+\([\d,]+ KB file\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Register workbook: target within 2x of SpreadCheetah — (met|NOT met) at 200 lines; our peak live heap above the start [\d.]+ MB at 100 lines, [\d.]+ MB at 200\.$"));
    }

    [Fact]
    public async Task Bench_recharge_part_workbook_times_only_the_register_pair()
    {
        var result = await SeededDatabase.Run(["bench-recharge", "--part", "workbook", "--workbook-lines", "50", "100"], SeededDatabase.NoVariables());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain("Database", result.Out);
        Assert.Contains("Register workbook: target within 2x of SpreadCheetah", result.Out);
    }
}
