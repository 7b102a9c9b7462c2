using SharedServices.Domain.Activity;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Activity;

public class ActivityImportTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static readonly DateTimeOffset ImportedAt = new(2013, 5, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Later = new(2013, 5, 3, 14, 0, 0, TimeSpan.Zero);

    private static ActivityImport Import() => new(3, "activity-april-2013.csv", Hash, 2, " Finance officer ", ImportedAt);

    private static ActivityEntry Row(decimal days) =>
        new(7, new ActivityDetails(D("2013-04-01"), D("2013-04-30"), days, "day", null), "Finance officer", ImportedAt, importId: 1);

    [Fact]
    public void New_KeepsTheFileNameOnlyAndWhoImportedItWhenInUtc()
    {
        var import = new ActivityImport(3, " /home/officer/uploads/activity-april-2013.csv ", Hash, 2, " Finance officer ", ImportedAt);

        Assert.Equal("activity-april-2013.csv", import.FileName);
        Assert.Equal(("Finance officer", new DateTime(2013, 5, 2, 8, 0, 0, DateTimeKind.Utc)), (import.ImportedBy, import.ImportedAtUtc));
        Assert.Equal(2, import.RowCount);
        Assert.False(import.IsUndone);
    }

    [Fact]
    public void New_WindowsPath_KeepsTheFileNameOnly()
    {
        var import = new ActivityImport(3, @"C:\Users\officer\Documents\activity-april-2013.xlsx", Hash, 2, "Finance officer", ImportedAt);

        Assert.Equal("activity-april-2013.xlsx", import.FileName);
    }

    [Fact]
    public void New_OverLongFileName_IsCutTo260Characters()
    {
        var import = new ActivityImport(3, new string('a', 300) + ".csv", Hash, 2, "Finance officer", ImportedAt);

        Assert.Equal(260, import.FileName.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("uploads/")]
    public void New_WithoutAFileName_IsRefused(string fileName)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ActivityImport(3, fileName, Hash, 2, "Finance officer", ImportedAt));
    }

    [Fact]
    public void New_NegativeRowCount_IsRefused()
    {
        Assert.ThrowsAny<ArgumentException>(() => new ActivityImport(3, "activity.csv", Hash, -1, "Finance officer", ImportedAt));
    }

    [Fact]
    public void Undo_NoRowBilled_MarksItUndoneByWhomAndWhen()
    {
        var import = Import();

        import.Undo([Row(2m), Row(3m)], " Second officer ", Later);

        Assert.True(import.IsUndone);
        Assert.Equal(("Second officer", new DateTime(2013, 5, 3, 14, 0, 0, DateTimeKind.Utc)), (import.UndoneBy, import.UndoneAtUtc));
    }

    [Fact]
    public void Undo_WithABilledRow_IsRefusedNamingTheInvoiceAndStaysDone()
    {
        var import = Import();
        var billed = Row(3m);
        billed.MarkBilled("SCC-INV-2013-0412");

        var error = Assert.Throws<DomainException>(() => import.Undo([Row(2m), billed], "Second officer", Later));

        Assert.Equal("The import of activity-april-2013.csv cannot be undone: some of its rows are billed on invoice SCC-INV-2013-0412.", error.Message);
        Assert.False(import.IsUndone);
        Assert.Null(import.UndoneBy);
    }

    [Fact]
    public void Undo_RowsBilledOnTwoInvoices_NamesEachOnce()
    {
        var rows = new[] { Row(1m), Row(2m), Row(3m) };
        rows[0].MarkBilled("INV-1");
        rows[1].MarkBilled("INV-2");
        rows[2].MarkBilled("INV-1");

        var error = Assert.Throws<DomainException>(() => Import().Undo(rows, "Second officer", Later));

        Assert.EndsWith("billed on invoice INV-1, INV-2.", error.Message);
    }

    [Fact]
    public void Undo_Twice_IsRefused()
    {
        var import = Import();
        import.Undo([], "Second officer", Later);

        var error = Assert.Throws<DomainException>(() => import.Undo([], "Third officer", Later.AddDays(1)));

        Assert.Equal("The import of activity-april-2013.csv has already been undone.", error.Message);
        Assert.Equal("Second officer", import.UndoneBy);
    }

    [Fact]
    public void Undo_WithoutWhoUndidIt_IsRefused()
    {
        var import = Import();

        Assert.ThrowsAny<ArgumentException>(() => import.Undo([], " ", Later));
        Assert.False(import.IsUndone);
    }
}
