namespace SharedServices.Core.Activity.Import;

/// <summary>
/// How big an activity file may be before it is refused unread. The defaults allow a year of daily activity for a
/// large partnership many times over, and stop a hostile or mistaken file long before it can exhaust the server.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>The file itself, as uploaded.</summary>
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Data rows, not counting the header.</summary>
    public int MaxRows { get; init; } = 200_000;

    /// <summary>For .xlsx: everything in the zip once expanded, as its central directory declares.</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>
    /// For .xlsx: how many times larger an entry may expand than it is stored. Real worksheets rarely pass 20:1;
    /// a zip bomb is hundreds or thousands to one.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Rows between progress reports.</summary>
    public int ProgressEvery { get; init; } = 1_000;

    public static ImportLimits Default { get; } = new();
}
