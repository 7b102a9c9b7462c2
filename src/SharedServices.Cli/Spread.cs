using System.Globalization;

namespace SharedServices.Cli;

/// <summary>The minimum, median and maximum of repeated timings, so a benchmark shows how much its figures wander.</summary>
public sealed record Spread(double Min, double Median, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) throw new ArgumentException("No timings to summarise.", nameof(values));
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(sorted[0], median, sorted[^1]);
    }

    /// <summary>e.g. "9.35 (9.10–9.90)", in seconds.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Median:N2} ({Min:N2}–{Max:N2})");
}
