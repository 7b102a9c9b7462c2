using SharedServices.Core.Activity;
using SharedServices.Domain.Activity;

namespace SharedServices.Core.Tests.Activity;

public sealed class ActivityRowTests
{
    private static readonly ActivityDetails Day = new(new DateOnly(2013, 10, 3), new DateOnly(2013, 10, 3), 1m, "days", null, null, null);

    private static ActivityRow Row(string? file, int? importRow) =>
        new(1, 0, Day, "A Officer", new DateTime(2013, 10, 4, 9, 0, 0, DateTimeKind.Utc), file, false, null, importRow);

    [Fact]
    public void TypedIn_SaysSo() => Assert.Equal("Typed in", Row(null, null).Source);

    [Fact]
    public void Imported_NamesTheFileAndRow() => Assert.Equal("october.csv, row 1,204", Row("october.csv", 1204).Source);

    [Fact]
    public void ImportedBeforeRowsWereKept_NamesTheFileOnly() => Assert.Equal("october.csv", Row("october.csv", null).Source);
}
