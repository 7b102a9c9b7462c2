using SharedServices.Domain.Activity;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Activity;

using Money = SharedServices.Domain.Money.Money;

public class ActivityEntryTests
{
    private static readonly DateTimeOffset EnteredAt = new(2013, 5, 2, 9, 30, 0, TimeSpan.FromHours(1)); // 9:30 BST

    private static ActivityDetails Days(decimal days, string? reference = "SCC-EP-2013-04") =>
        new(D("2013-04-01"), D("2013-04-30"), days, "day", null, "Educational psychologist days", reference);

    private static ActivityEntry Entry(ActivityDetails? details = null) => new(7, details ?? Days(12.5m), "  Finance officer ", EnteredAt);

    [Fact]
    public void New_KeepsWhoEnteredItTrimmedAndWhenInUtc()
    {
        var entry = Entry();

        Assert.Equal("Finance officer", entry.EnteredBy);
        Assert.Equal(new DateTime(2013, 5, 2, 8, 30, 0, DateTimeKind.Utc), entry.EnteredAtUtc);
        Assert.Equal(DateTimeKind.Utc, entry.EnteredAtUtc.Kind);
        Assert.False(entry.IsBilled);
        Assert.False(entry.IsIllustrative);
        Assert.Null(entry.ImportId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void New_WithoutWhoEnteredIt_IsRefused(string enteredBy)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ActivityEntry(7, Days(1m), enteredBy, EnteredAt));
    }

    [Fact]
    public void Correct_Unbilled_ReplacesDetailsAndWhoLastChangedIt()
    {
        var entry = Entry();

        entry.Correct(Days(13m), "Second officer", new DateTimeOffset(2013, 6, 3, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(13m, entry.Details.Quantity);
        Assert.Equal(("Second officer", new DateTime(2013, 6, 3, 10, 0, 0, DateTimeKind.Utc)), (entry.EnteredBy, entry.EnteredAtUtc));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Correct_WithoutWhoCorrectedIt_IsRefusedAndChangesNothing(string correctedBy)
    {
        var entry = Entry();

        Assert.ThrowsAny<ArgumentException>(() => entry.Correct(Days(13m), correctedBy, EnteredAt));

        Assert.Equal((12.5m, "Finance officer"), (entry.Details.Quantity, entry.EnteredBy));
    }

    [Fact]
    public void Correct_Billed_IsRefusedNamingTheInvoice()
    {
        var entry = Entry();
        entry.MarkBilled("SCC-INV-2013-0412");

        var error = Assert.Throws<DomainException>(() => entry.Correct(Days(13m), "Second officer", EnteredAt));

        Assert.Equal("The activity of 1 April 2013 was billed on invoice SCC-INV-2013-0412, so it cannot be corrected. Correct it with a credit note.",
            error.Message);
        Assert.Equal(12.5m, entry.Details.Quantity);
    }

    [Fact]
    public void EnsureCanDelete_Billed_IsRefusedNamingTheInvoice()
    {
        var entry = Entry();
        entry.MarkBilled("SCC-INV-2013-0412");

        var error = Assert.Throws<DomainException>(entry.EnsureCanDelete);

        Assert.Equal("The activity of 1 April 2013 was billed on invoice SCC-INV-2013-0412, so it cannot be deleted. Correct it with a credit note.",
            error.Message);
    }

    [Fact]
    public void EnsureCanDelete_Unbilled_Allows()
    {
        Entry().EnsureCanDelete();
    }

    [Fact]
    public void MarkBilled_Twice_IsRefusedNamingTheFirstInvoice()
    {
        var entry = Entry();
        entry.MarkBilled("SCC-INV-2013-0412");

        var error = Assert.Throws<DomainException>(() => entry.MarkBilled("SCC-INV-2013-0500"));

        Assert.Contains("billed on invoice SCC-INV-2013-0412, so it cannot be billed again", error.Message);
        Assert.Equal(("SCC-INV-2013-0412", true), (entry.BilledOnInvoice, entry.IsBilled));
    }

    [Fact]
    public void DuplicateKey_QuantityWithTrailingZero_IsTheSameQuantity()
    {
        var a = ActivityDuplicateKey.For(7, Days(2.50m));
        var b = ActivityDuplicateKey.For(7, Days(2.5m));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("2.5", a.Quantity!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)); // normalised, as a grid would show it
        Assert.Single(new HashSet<ActivityDuplicateKey> { a, b });
    }

    [Fact]
    public void DuplicateKey_ReferenceDifferingOnlyInCaseOrSpaces_IsTheSameReference()
    {
        Assert.Equal(ActivityDuplicateKey.For(7, Days(2m, "scc-ep-2013-04")), ActivityDuplicateKey.For(7, Days(2m, " SCC-EP-2013-04")));
        Assert.Equal(ActivityDuplicateKey.For(7, Days(2m, null)), ActivityDuplicateKey.For(7, Days(2m, "  ")));
    }

    [Fact]
    public void DuplicateKey_DifferentServiceQuantityCostDatesOrReference_IsNotADuplicate()
    {
        var key = ActivityDuplicateKey.For(7, Days(2m));

        Assert.NotEqual(key, ActivityDuplicateKey.For(8, Days(2m)));
        Assert.NotEqual(key, ActivityDuplicateKey.For(7, Days(2.01m)));
        Assert.NotEqual(key, ActivityDuplicateKey.For(7, Days(2m, "SCC-EP-2013-05")));
        Assert.NotEqual(key, ActivityDuplicateKey.For(7, new ActivityDetails(D("2013-04-01"), D("2013-04-29"), 2m, "day", null, null, "SCC-EP-2013-04")));
        Assert.NotEqual(
            ActivityDuplicateKey.For(7, new ActivityDetails(D("2013-04-01"), D("2013-04-30"), null, null, new Money(100_00))),
            ActivityDuplicateKey.For(7, new ActivityDetails(D("2013-04-01"), D("2013-04-30"), null, null, new Money(100_01))));
    }

    [Fact]
    public void DuplicateKey_OfAnEntry_IsItsServiceAndDetails()
    {
        Assert.Equal(ActivityDuplicateKey.For(7, Days(12.50m)), Entry().DuplicateKey);
    }
}
