using Microsoft.EntityFrameworkCore;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.KeyDates;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.KeyDates;

public abstract class UpcomingDatesTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private UpcomingDates Upcoming => Get<UpcomingDates>();

    [Fact]
    public async Task Load_FromFebruary2024_FindsTheBuyBackMinimumTermOnly()
    {
        var result = await Upcoming.LoadAsync(new DateOnly(2024, 2, 1), 400);

        // The buy-back began 5 March 2024 with a twelve-month minimum: it runs to 4 March 2025, and each party's three
        // months' notice to leave then must be served by 4 December 2024. The strategic partnership terminated on
        // 31 January 2024, the day before, so nothing of it is ahead.
        Assert.Equal([(new DateOnly(2024, 12, 4), KeyDateKind.LatestNoticeDate), (new DateOnly(2024, 12, 4), KeyDateKind.LatestNoticeDate),
            (new DateOnly(2025, 3, 4), KeyDateKind.MinimumTermEnd)], result.Dates.Select(d => (d.Date, d.Kind)));
        Assert.All(result.Dates, d => Assert.Equal("iwc-hcc-buy-back", d.PartnershipCode));
        // 400 days counting 1 February 2024 itself: to 1 February 2025 is 366 days (29 February 2024), so the
        // 400th day is 34 days later, 6 March 2025.
        Assert.Equal(new DateOnly(2025, 3, 6), result.Until);
    }

    [Fact]
    public async Task Load_FromSeptember2012_FindsTheEducationSupportEndOfTerm()
    {
        var result = await Upcoming.LoadAsync(new DateOnly(2012, 9, 1), 1095);

        var end = Assert.Single(result.Dates, d => d.PartnershipCode == "scc-iwc-education-support");
        Assert.Equal((new DateOnly(2015, 8, 31), KeyDateKind.EndOfTerm), (end.Date, end.Kind));
        Assert.Equal("The agreement ends.", end.IfNothingIsDone);
    }

    [Fact]
    public async Task Load_DecisionSubjectToCallIn_GivesItsExpiryUsingTheCouncilsPeriod()
    {
        await using (var db = Factory.CreateDbContext())
        {
            var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
            var buyBack = await db.Partnerships.SingleAsync(p => p.Code == "iwc-hcc-buy-back");
            buyBack.AddDecision(new DecisionRecord(iwc.Id, "Cabinet", "CAB 26/27 1", new DateOnly(2026, 10, 29), true, true,
                "Agreed to extend the buy-back.", publishedOn: new DateOnly(2026, 11, 2)));
            await db.SaveChangesAsync();
        }

        var usual = await Upcoming.LoadAsync(new DateOnly(2026, 11, 2), 30);
        await using (var db = Factory.CreateDbContext())
        {
            (await db.Organisations.SingleAsync(o => o.ShortCode == "IWC")).SetCallInWorkingDays(3);
            await db.SaveChangesAsync();
        }
        var shorter = await Upcoming.LoadAsync(new DateOnly(2026, 11, 2), 30);

        // Published Monday 2 November 2026: five working days later is Monday 9 November; three is Thursday 5 November.
        Assert.Equal(new DateOnly(2026, 11, 9), Assert.Single(usual.Dates, d => d.Kind == KeyDateKind.CallInExpiry).Date);
        Assert.Equal(new DateOnly(2026, 11, 5), Assert.Single(shorter.Dates, d => d.Kind == KeyDateKind.CallInExpiry).Date);
    }

    [Fact]
    public async Task Load_CorrectedBankHoliday_MovesTheCallInExpiry()
    {
        await using (var db = Factory.CreateDbContext())
        {
            var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
            var buyBack = await db.Partnerships.SingleAsync(p => p.Code == "iwc-hcc-buy-back");
            buyBack.AddDecision(new DecisionRecord(iwc.Id, "Cabinet", null, new DateOnly(2026, 10, 29), true, true,
                "Agreed to extend the buy-back.", publishedOn: new DateOnly(2026, 11, 2)));
            await db.SaveChangesAsync();
        }
        // A one-off bank holiday on Wednesday 4 November 2026 pushes the fifth working day to Tuesday 10 November.
        await Get<SharedServices.Core.Calendar.BankHolidayReference>().EnsureUsualYearsAsync();
        await Get<SharedServices.Core.Calendar.BankHolidayReference>().SaveAsync(new DateOnly(2026, 11, 4), "A one-off holiday");

        var result = await Upcoming.LoadAsync(new DateOnly(2026, 11, 2), 30);

        Assert.Equal(new DateOnly(2026, 11, 10), Assert.Single(result.Dates, d => d.Kind == KeyDateKind.CallInExpiry).Date);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(3661)]
    public async Task Load_DaysOutOfRange_Throws(int days)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Upcoming.LoadAsync(new DateOnly(2026, 11, 23), days));
        Assert.Equal("Look ahead between 1 and 3,660 days.", error.Message);
    }
}

public sealed class UpcomingDatesTests_Sqlite : UpcomingDatesTests<SqliteTestDatabase>;

public sealed class UpcomingDatesTests_Postgres : UpcomingDatesTests<PostgresTestDatabase>;

public sealed class UpcomingDatesBoundsTests
{
    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(1, 1, 1)]
    public async Task Load_ImplausibleAsOf_IsRefusedBeforeTouchingTheDatabase(int year, int month, int day)
    {
        // The database is never reached: the check comes first, so no factory is needed.
        var upcoming = new UpcomingDates(null!, null!, TimeProvider.System);

        var error = await Assert.ThrowsAsync<DomainException>(() => upcoming.LoadAsync(new DateOnly(year, month, day), 90));

        Assert.Contains("is not a plausible date to look ahead from", error.Message);
    }
}
