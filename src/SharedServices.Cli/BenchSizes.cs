namespace SharedServices.Cli;

/// <summary>
/// What the benchmarks that compare register sizes work out from the sizes they were given, kept apart so it can be
/// checked by hand: the sizes may be typed in any order, and a growth ratio only means something between the largest
/// and the smallest register actually measured.
/// </summary>
public static class BenchSizes
{
    /// <summary>The sizes to build, each once, smallest first, so the tables read in order of growth.</summary>
    public static int[] InOrder(IEnumerable<int> sizes) => sizes.Distinct().Order().ToArray();

    /// <summary>The figure at the largest size over the figure at the smallest, chosen by size, never by position.</summary>
    public static double LargestOverSmallest(IReadOnlyDictionary<int, double> bySize)
    {
        if (bySize.Count == 0) throw new ArgumentException("No sizes measured.", nameof(bySize));
        return bySize[bySize.Keys.Max()] / bySize[bySize.Keys.Min()];
    }

    /// <summary>
    /// The last page that holds rows (pages counted from 0, as the register's query does), or page 0 when there are
    /// none: asking for rows / pageSize instead overshoots by one whenever rows divide evenly, and measures an empty page.
    /// </summary>
    public static int LastPage(int rows, int pageSize) => rows <= 0 ? 0 : (rows - 1) / pageSize;
}
