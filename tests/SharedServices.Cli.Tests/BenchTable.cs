using System.Globalization;
using System.Text.RegularExpressions;

namespace SharedServices.Cli.Tests;

/// <summary>Reading the benchmarks' printed tables back: cells are separated by two or more spaces.</summary>
internal static partial class BenchTable
{
    /// <summary>The cells of every line whose first cell is <paramref name="first"/>.</summary>
    public static List<string[]> Rows(string output, string first) =>
        output.Split(Environment.NewLine).Select(l => Cells().Split(l.Trim())).Where(c => c[0] == first).ToList();

    public static double Number(string cell) => double.Parse(cell.TrimEnd('x'), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A printed spread, "median (min–max)", checked for that shape and read back.</summary>
    public static Spread Spread(string cell)
    {
        var match = SpreadText().Match(cell);
        Assert.True(match.Success, $"'{cell}' is not a spread 'median (min–max)'");
        var spread = new Spread(Number(match.Groups["min"].Value), Number(match.Groups["median"].Value), Number(match.Groups["max"].Value));
        Assert.True(spread.Min <= spread.Median && spread.Median <= spread.Max, $"'{cell}' is not min ≤ median ≤ max");
        return spread;
    }

    /// <summary>A printed ratio agrees with the two figures it was worked from, allowing for their rounding to print.</summary>
    public static void AssertRatio(string printed, double top, double bottom)
    {
        var expected = top / bottom;
        Assert.True(Math.Abs(Number(printed) - expected) <= 0.03 * expected + 0.01, $"ratio {printed}, but {top} / {bottom} = {expected:N3}");
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Cells();

    [GeneratedRegex(@"^(?<median>[\d,]+\.\d\d) \((?<min>[\d,]+\.\d\d)–(?<max>[\d,]+\.\d\d)\)$")]
    private static partial Regex SpreadText();
}

/// <summary>
/// Benchmarks count the whole process's allocations and time on a shared machine, so they run alone, after the
/// tests that run in parallel, or another test's work would land in their figures.
/// </summary>
[CollectionDefinition("benchmarks", DisableParallelization = true)]
public sealed class BenchmarkCollection;
