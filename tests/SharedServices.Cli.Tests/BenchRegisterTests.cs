namespace SharedServices.Cli.Tests;

/// <summary>
/// The register benchmark runs end to end at tiny sizes, given largest first. Timings vary, so only their shape is
/// checked; the pages and rows are worked by hand.
/// </summary>
[Collection("benchmarks")]
public sealed class BenchRegisterTests
{
    private static readonly string[] Queries =
        ["first page, by name", "search 'Isle of Wight'", "search a service name", "filter kind + status", "sort by end date, desc", "last page"];

    [Fact]
    public async Task Bench_register_asks_for_the_real_last_page_prints_spreads_and_compares_largest_with_smallest()
    {
        var result = await SeededDatabase.Run(["bench-register", "--rows", "57", "23", "--runs", "3"], SeededDatabase.NoVariables());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("each query timed 3 times after 3 untimed warm-up runs", result.Out);

        // The 5 seed partnerships plus 18 or 52 made-up ones: 23 and 57, ten to a page.
        // 23 rows are pages 1–3, the third holding rows 21–23: 3 rows. 57 rows are pages 1–6, the sixth holding rows 51–57: 7 rows.
        var lastPage = BenchTable.Rows(result.Out, "last page");
        Assert.Equal(3, lastPage.Count); // 23, 57, then the ratio
        Assert.Equal(["last page", "23", "3 of 3", "3"], lastPage[0][..4]);
        Assert.Equal(["last page", "57", "6 of 6", "7"], lastPage[1][..4]);
        var firstPage = BenchTable.Rows(result.Out, "first page, by name");
        Assert.Equal(["first page, by name", "23", "1 of 3", "10"], firstPage[0][..4]);
        Assert.Equal(["first page, by name", "57", "1 of 6", "10"], firstPage[1][..4]);

        // Ratios at the largest size over the smallest, though the largest was given first.
        Assert.Contains("Ratio largest/smallest: 57 over 23 partnerships", result.Out);
        foreach (var query in Queries)
        {
            var rows = BenchTable.Rows(result.Out, query);
            Assert.Equal(3, rows.Count); // 23, 57, then the ratio
            var (small, large, ratio) = (rows[0], rows[1], rows[2]);
            Assert.Equal("23", small[1]);
            Assert.Equal("57", large[1]);
            var (smallMs, largeMs) = (BenchTable.Spread(small[4]), BenchTable.Spread(large[4]));
            BenchTable.AssertRatio(ratio[1], largeMs.Median, smallMs.Median);
            BenchTable.AssertRatio(ratio[2], BenchTable.Number(large[5]), BenchTable.Number(small[5]));
        }
    }
}
