using SharedServices.Core.Activity.Import;

namespace SharedServices.Core.Tests.Activity.Import;

public sealed class ActivityFileCheckTests : IDisposable
{
    private readonly ImportFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task CheckAsync_FileWithBadRows_ReportsEveryBadRowByRowAndColumn()
    {
        var path = files.Csv("activity.csv", ImportFiles.Header + "\n" +
            "Educational psychology,13/11/2012,2,days,,Visit,EP-1\n" +
            "Educational psychology,31/11/2012,2,days,,Visit,EP-2\n" +
            "Educational psychology,14/11/2012,-3,days,,Visit,EP-3\n" +
            "Educational psychology,15/11/2012,two,days,,Visit,EP-4\n");
        var good = new List<int>();
        await using var file = File.OpenRead(path);

        var report = await ActivityFileCheck.CheckAsync(new ActivityFileReader(), file, "activity.csv", new ActivityRowValidator(),
            (row, _) => { good.Add(row.RowNumber); return ValueTask.CompletedTask; });

        Assert.False(report.IsValid);
        Assert.Equal(4, report.Summary.RowCount);
        Assert.Equal([2], good);
        Assert.Equal(
        [
            "Row 3: Date: \"31/11/2012\" is not a date; write it as 13/11/2012 or 2012-11-13.",
            "Row 4: Quantity: enter zero or more (it is -3).",
            "Row 5: Quantity: \"two\" is not a number.",
        ], report.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task CheckAsync_ManyBadRows_ListsAThousandAndCountsTheRest()
    {
        var path = files.Csv("activity.csv", ImportFiles.Header + "\n" +
            string.Concat(Enumerable.Repeat("Educational psychology,someday,2,days,,Visit,EP\n", 1_200)));
        await using var file = File.OpenRead(path);

        var report = await ActivityFileCheck.CheckAsync(new ActivityFileReader(), file, "activity.csv", new ActivityRowValidator());

        Assert.Equal(1_000, report.Problems.Count);
        Assert.Equal(200, report.ProblemsNotListed);
    }
}
