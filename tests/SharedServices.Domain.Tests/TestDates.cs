using System.Globalization;

namespace SharedServices.Domain.Tests;

/// <summary>Dates in [InlineData] rows are ISO strings ("2024-02-29") so the rows read like a calendar.</summary>
internal static class TestDates
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? OptionalD(string? iso) => iso is null ? null : D(iso);
}
