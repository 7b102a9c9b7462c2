namespace SharedServices.Cli.Tests;

/// <summary>The sizes the register benchmarks compare, whatever order they are typed in, and the last page they ask for.</summary>
public sealed class BenchSizesTests
{
    [Fact]
    public void Sizes_AreMeasuredSmallestFirst_EachOnce() =>
        Assert.Equal([1_000, 5_000, 10_000], BenchSizes.InOrder([10_000, 1_000, 5_000, 1_000]));

    [Fact]
    public void Ratio_IsTheLargestSizesFigureOverTheSmallests_NotLastOverFirst() =>
        // Given largest first: 10,000 → 6.0, 1,000 → 2.0, 5,000 → 3.0. Largest over smallest is 6.0 / 2.0 = 3.0
        // (last over first would be 3.0 / 6.0 = 0.5, and first over last 2.0).
        Assert.Equal(3.0, BenchSizes.LargestOverSmallest(new Dictionary<int, double> { [10_000] = 6.0, [1_000] = 2.0, [5_000] = 3.0 }));

    [Theory]
    // 1,000 rows at 10 a page are pages 0–99; page 99 holds rows 991–1,000 (page 100, rows / 10, would be empty).
    [InlineData(1_000, 10, 99)]
    // 1,001 rows: pages 0–100, page 100 holds the one row left over.
    [InlineData(1_001, 10, 100)]
    // 57 rows: pages 0–5, page 5 holds rows 51–57.
    [InlineData(57, 10, 5)]
    // 10 rows: one full page, page 0.
    [InlineData(10, 10, 0)]
    // 5 rows: page 0. No rows: still page 0, never a negative page.
    [InlineData(5, 10, 0)]
    [InlineData(0, 10, 0)]
    public void LastPage_IsTheLastOneWithRows(int rows, int pageSize, int expected) =>
        Assert.Equal(expected, BenchSizes.LastPage(rows, pageSize));
}
