using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Activity;
using SharedServices.Core.Charging;
using SharedServices.Core.Editing;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Tests.Activity;

public abstract class ActivityRecordsTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset Now = new(2013, 11, 20, 12, 0, 0, TimeSpan.Zero);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2013, 11, 20)));

    private ActivityRecords Records => Get<ActivityRecords>();

    private Task<(string Code, int Psychology, int Director)> TestServices() =>
        ActivityTestServices.AddAsync(Factory, Get<ChargeSchedules>());

    private static ActivityForm Days(int month, int day, decimal days, string reference, string unit = "days") =>
        new() { From = new DateOnly(2013, month, day), Quantity = days, Unit = unit, Reference = reference };

    private static ActivityForm Cost(int month, int day, decimal pounds, string reference) =>
        new() { From = new DateOnly(2013, month, day), ActualCost = pounds, Reference = reference };

    [Fact]
    public async Task ForPeriod_ListsTheActivityTouchingIt_WithTotals()
    {
        var (_, ep, director) = await TestServices();
        await Records.AddAsync(ep, Days(4, 15, 2.5m, "EP-1"), "Officer");
        await Records.AddAsync(ep, Days(4, 30, 3m, "EP-2", unit: "day"), "Officer");
        await Records.AddAsync(ep, Days(5, 1, 1m, "EP-3"), "Officer");
        // A period of 1 and 2 April counts once, as recorded.
        await Records.AddAsync(ep, new ActivityForm { From = new DateOnly(2013, 4, 1), To = new DateOnly(2013, 4, 2), Quantity = 0.5m, Unit = "days" }, "Officer");
        await Records.AddAsync(director, Cost(4, 30, 9_412.50m, "DIR-4"), "Officer");
        await Records.AddAsync(director, Cost(4, 30, 87.49m, "DIR-4b"), "Officer");

        var april = await Records.ForPeriodAsync(ep, new DateOnly(2013, 4, 1), new DateOnly(2013, 4, 30));
        var directorApril = await Records.ForPeriodAsync(director, new DateOnly(2013, 4, 1), new DateOnly(2013, 4, 30));

        Assert.NotNull(april);
        Assert.Equal(["", "EP-1", "EP-2"], april.Rows.Select(r => r.Details.Reference ?? ""));
        // 0.5 + 2.5 + 3 days; "days" and "day" add up together.
        Assert.Equal(6m, Assert.Single(april.QuantityByUnit).Quantity);
        Assert.Equal(Money.Zero, april.CostTotal);
        Assert.Equal(new Money(9_499_99), directorApril!.CostTotal);
        Assert.Equal(ActivityTestServices.Psychology, april.Service.Name);
    }

    [Fact]
    public async Task Add_OutsideTheServiceOrInTheWrongUnit_IsRefusedNamingTheField()
    {
        var (_, ep, director) = await TestServices();

        var late = await Assert.ThrowsAsync<ValidationException>(() => Records.AddAsync(ep, new ActivityForm { From = new DateOnly(2014, 4, 1), Quantity = 1, Unit = "days" }, "Officer"));
        var hours = await Assert.ThrowsAsync<ValidationException>(() => Records.AddAsync(ep, Days(4, 2, 1, "X", unit: "hours"), "Officer"));
        var quantity = await Assert.ThrowsAsync<ValidationException>(() => Records.AddAsync(director, Days(4, 2, 1, "X"), "Officer"));

        Assert.Equal(("From", $"Date: 1 April 2014 is outside {ActivityTestServices.Psychology}'s dates (1 April 2013 to 31 March 2014)."),
            (late.Errors.Single().PropertyName, late.Errors.Single().ErrorMessage));
        Assert.Equal("Unit", hours.Errors.Single().PropertyName);
        Assert.Equal("Quantity", quantity.Errors.Single().PropertyName);
        await using var db = Factory.CreateDbContext();
        Assert.Equal(0, await db.ActivityEntries.CountAsync(e => e.TradedServiceId == ep || e.TradedServiceId == director));
    }

    [Fact]
    public async Task Add_TheSameWorkTwice_IsRefusedOnTheReference()
    {
        var (_, ep, _) = await TestServices();
        await Records.AddAsync(ep, Days(4, 15, 2.5m, "EP-1"), "Officer");

        var twice = await Assert.ThrowsAsync<ValidationException>(() => Records.AddAsync(ep, Days(4, 15, 2.50m, " ep-1", unit: "day"), "Officer"));

        Assert.Equal("Reference", twice.Errors.Single().PropertyName);
        Assert.StartsWith("Reference: the same work (15 April 2013, 2.5 day, reference \"ep-1\") is already recorded, entered by Officer.", twice.Errors.Single().ErrorMessage);
    }

    [Fact]
    public async Task Correct_WithAStaleVersion_IsRefusedAndChangesNothing()
    {
        var (_, ep, _) = await TestServices();
        var entry = await Records.AddAsync(ep, Days(4, 15, 2.5m, "EP-1"), "Officer");
        var loaded = (await Records.ForPeriodAsync(ep, new DateOnly(2013, 4, 1), new DateOnly(2013, 4, 30)))!.Rows.Single();
        await Records.CorrectAsync(entry.Id, Days(4, 15, 3m, "EP-1"), loaded.Version, "First");

        await Assert.ThrowsAsync<EditConflictException>(() => Records.CorrectAsync(entry.Id, Days(4, 15, 4m, "EP-1"), loaded.Version, "Second"));
        await Assert.ThrowsAsync<EditConflictException>(() => Records.DeleteAsync(entry.Id, loaded.Version));

        var now = (await Records.ForPeriodAsync(ep, new DateOnly(2013, 4, 1), new DateOnly(2013, 4, 30)))!.Rows.Single();
        Assert.Equal(3m, now.Details.Quantity);
        Assert.Equal("First", now.EnteredBy);
        Assert.Equal(loaded.Version + 1, now.Version);
    }

    [Fact]
    public async Task BilledActivity_CannotBeCorrectedOrDeleted()
    {
        var (_, ep, _) = await TestServices();
        var entry = await Records.AddAsync(ep, Days(4, 15, 2.5m, "EP-1"), "Officer");
        await using (var db = Factory.CreateDbContext())
        {
            (await db.ActivityEntries.SingleAsync(e => e.Id == entry.Id)).MarkBilled("SCC-2013/14-0001");
            await db.SaveChangesAsync();
        }
        var row = (await Records.ForPeriodAsync(ep, new DateOnly(2013, 4, 1), new DateOnly(2013, 4, 30)))!.Rows.Single();
        Assert.Equal("SCC-2013/14-0001", row.BilledOnInvoice);

        var correct = await Assert.ThrowsAsync<DomainException>(() => Records.CorrectAsync(entry.Id, Days(4, 15, 3m, "EP-1"), row.Version, "Officer"));
        var delete = await Assert.ThrowsAsync<DomainException>(() => Records.DeleteAsync(entry.Id, row.Version));

        Assert.Equal("The activity of 15 April 2013 was billed on invoice SCC-2013/14-0001, so it cannot be corrected. Correct it with a credit note.", correct.Message);
        Assert.Contains("cannot be deleted", delete.Message);
        Assert.Equal(2.5m, (await Records.ForPeriodAsync(ep, new DateOnly(2013, 4, 1), new DateOnly(2013, 4, 30)))!.Rows.Single().Details.Quantity);
    }

    [Fact]
    public async Task Delete_RemovesAnUnbilledRecord()
    {
        var (_, ep, _) = await TestServices();
        var entry = await Records.AddAsync(ep, Days(4, 15, 2.5m, "EP-1"), "Officer");
        var row = (await Records.ForPeriodAsync(ep, new DateOnly(2013, 4, 1), new DateOnly(2013, 4, 30)))!.Rows.Single();

        await Records.DeleteAsync(entry.Id, row.Version);

        Assert.Empty((await Records.ForPeriodAsync(ep, new DateOnly(2013, 4, 1), new DateOnly(2013, 4, 30)))!.Rows);
    }

    [Fact]
    public async Task ForPeriod_UnknownService_IsNull() =>
        Assert.Null(await Records.ForPeriodAsync(987_654, new DateOnly(2013, 4, 1), new DateOnly(2013, 4, 30)));
}

public sealed class ActivityRecordsTests_Sqlite : ActivityRecordsTests<SqliteTestDatabase>;

public sealed class ActivityRecordsTests_Postgres : ActivityRecordsTests<PostgresTestDatabase>;
