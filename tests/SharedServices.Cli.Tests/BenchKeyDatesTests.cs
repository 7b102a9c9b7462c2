namespace SharedServices.Cli.Tests;

/// <summary>The key-dates benchmark runs end to end at tiny sizes, given largest first. Timings vary, so only their shape is checked.</summary>
[Collection("benchmarks")]
public sealed class BenchKeyDatesTests
{
    [Fact]
    public async Task Bench_key_dates_prints_spreads_and_compares_largest_with_smallest()
    {
        var result = await SeededDatabase.Run(["bench-key-dates", "--rows", "300", "30", "--runs", "2"], SeededDatabase.NoVariables());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("each window timed 2 times after 3 untimed warm-up runs", result.Out);
        Assert.Contains("Ratio largest/smallest: 300 over 30 partnerships", result.Out);
        foreach (var window in new[] { "next 90 days", "next 365 days" })
        {
            var rows = BenchTable.Rows(result.Out, window);
            Assert.Equal(3, rows.Count); // 30, 300, then the ratio
            var (small, large, ratio) = (rows[0], rows[1], rows[2]);
            Assert.Equal("30", small[1]);
            Assert.Equal("300", large[1]);
            // The made-up register is drawn from one seeded sequence, so the 300 hold the 30's partnerships and more: never fewer dates.
            Assert.True(BenchTable.Number(large[2]) >= BenchTable.Number(small[2]), $"{window}: {large[2]} dates at 300, {small[2]} at 30");
            var (smallMs, largeMs) = (BenchTable.Spread(small[3]), BenchTable.Spread(large[3]));
            BenchTable.AssertRatio(ratio[1], largeMs.Median, smallMs.Median);
            BenchTable.AssertRatio(ratio[2], BenchTable.Number(large[4]), BenchTable.Number(small[4]));
        }
        // Ten times the register holds more of a year's dates, read and returned, so it allocates more: the ratio is
        // above 1 (worked last over first, as given, it would be below 1).
        Assert.True(BenchTable.Number(BenchTable.Rows(result.Out, "next 365 days")[2][2]) > 1);
    }
}
