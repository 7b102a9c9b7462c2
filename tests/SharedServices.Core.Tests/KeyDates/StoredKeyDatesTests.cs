using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Calendar;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.KeyDates;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.KeyDates;

/// <summary>The stored key dates: who sees them, how they go stale, and what happens when two people race.</summary>
public abstract class StoredKeyDatesTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // Monday 2 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 2);
    private readonly MovableClock _clock = new(Today);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private UpcomingDates Upcoming => Get<UpcomingDates>();

    [Fact]
    public async Task BankHolidayAdded_MovesTheCallInExpiryAtOnce()
    {
        var buyBack = await AddCallInDecisionAsync("iwc-hcc-buy-back", "IWC");
        Assert.Equal(new DateOnly(2026, 11, 9), await CallInAsync(buyBack));

        await Get<BankHolidayReference>().SaveAsync(new DateOnly(2026, 11, 4), "Extra holiday");

        // Published Monday 2 November, five working days: Tuesday 3, (Wednesday 4 now a holiday), Thursday 5,
        // Friday 6, Monday 9, Tuesday 10 November.
        Assert.Equal(new DateOnly(2026, 11, 10), await CallInAsync(buyBack));

        await Get<BankHolidayReference>().RemoveAsync(new DateOnly(2026, 11, 4));

        // Removed again (a bulk delete the change tracker does not see): back to Monday 9 November.
        Assert.Equal(new DateOnly(2026, 11, 9), await CallInAsync(buyBack));
    }

    [Fact]
    public async Task OrganisationsCallInDaysChanged_MovesTheExpiryAtOnce()
    {
        var buyBack = await AddCallInDecisionAsync("iwc-hcc-buy-back", "IWC");
        Assert.Equal(new DateOnly(2026, 11, 9), await CallInAsync(buyBack));

        await using (var db = Factory.CreateDbContext())
        {
            (await db.Organisations.SingleAsync(o => o.ShortCode == "IWC")).SetCallInWorkingDays(3);
            await db.SaveChangesAsync();
        }

        // Three working days after Monday 2 November: Tuesday 3, Wednesday 4, Thursday 5 November.
        Assert.Equal(new DateOnly(2026, 11, 5), await CallInAsync(buyBack));
    }

    [Fact]
    public async Task OneCouncil_NeverSeesAnothersStoredDates()
    {
        await AddCallInDecisionAsync("halton-cwac-shared-service", "HBC");
        await AddCallInDecisionAsync("iwc-hcc-buy-back", "IWC");
        // Worked out as the system, so every council's dates are in the table.
        var all = await Upcoming.LoadAsync(Today, 30);
        Assert.Contains(all.Dates, d => d.PartnershipCode == "halton-cwac-shared-service");
        Assert.Contains(all.Dates, d => d.PartnershipCode == "iwc-hcc-buy-back");

        // IWC is party to the first three seed partnerships only; HBC to the two Halton ones.
        using (CallerContext.Use(await PersonAtAsync("IWC")))
        {
            var seen = await Upcoming.LoadAsync(Today, UpcomingDates.MaxDays);
            Assert.Contains(seen.Dates, d => d.PartnershipCode == "iwc-hcc-buy-back");
            Assert.DoesNotContain(seen.Dates, d => d.PartnershipCode.StartsWith("halton", StringComparison.Ordinal));
            Assert.DoesNotContain(await Upcoming.NextAsync(Today, 50), d => d.PartnershipCode.StartsWith("halton", StringComparison.Ordinal));
            await using var db = Factory.CreateDbContext();
            Assert.DoesNotContain(await db.StoredKeyDates.Select(d => d.PartnershipCode).Distinct().ToListAsync(), c => c.StartsWith("halton", StringComparison.Ordinal));
            Assert.Equal(3, await db.KeyDateDerivations.CountAsync());
        }
        using (CallerContext.Use(await PersonAtAsync("HBC")))
        {
            var seen = await Upcoming.LoadAsync(Today, 30);
            // HBC's own call-in: five working days after Monday 2 November is Monday 9 November.
            Assert.Equal([(new DateOnly(2026, 11, 9), "halton-cwac-shared-service")], seen.Dates.Select(d => (d.Date, d.PartnershipCode)));
        }
    }

    [Fact]
    public async Task WriterCommitsWhileAReaderWorksOut_TheReadersOlderSetIsNotStoredAsFresh()
    {
        var buyBack = await IdOfAsync("iwc-hcc-buy-back");
        await Upcoming.LoadAsync(Today, 30); // everything fresh
        await MarkStaleAsync(buyBack);
        var reader = new StoredKeyDates(Factory, Get<BankHolidayReference>());
        // While the reader holds the buy-back as it was, someone adds a review date on 1 December 2026.
        reader.BeforeWriting = () => Get<PartnershipEditor>().AddMilestoneAsync(buyBack,
            new MilestoneForm { Kind = MilestoneKind.Review, Date = new DateOnly(2026, 12, 1), Note = "Annual review" });

        Assert.Equal(0, await reader.RefreshAsync(Today));

        await using (var db = Factory.CreateDbContext())
            Assert.Null((await db.KeyDateDerivations.SingleAsync(d => d.PartnershipId == buyBack)).DerivedFor);
        // The next read works it out from the new data: the review is there.
        var dates = await Upcoming.LoadAsync(Today, 30);
        Assert.Contains(dates.Dates, d => d is { PartnershipCode: "iwc-hcc-buy-back", Kind: KeyDateKind.ReviewDate } && d.Date == new DateOnly(2026, 12, 1));
    }

    [Fact]
    public async Task TwoReadersWorkOutTheSamePartnership_OneWinsAndNothingIsDoubled()
    {
        var buyBack = await AddCallInDecisionAsync("iwc-hcc-buy-back", "IWC");
        var before = await Upcoming.LoadAsync(Today, UpcomingDates.MaxDays);
        await MarkStaleAsync(buyBack);
        var first = new StoredKeyDates(Factory, Get<BankHolidayReference>());
        var second = new StoredKeyDates(Factory, Get<BankHolidayReference>());
        var secondWrote = -1;
        // The second reader starts and finishes while the first is between working out and writing.
        first.BeforeWriting = async () =>
        {
            first.BeforeWriting = null;
            secondWrote = await second.RefreshAsync(Today);
        };

        var firstWrote = await first.RefreshAsync(Today);

        Assert.Equal((0, 1), (firstWrote, secondWrote));
        var after = await Upcoming.LoadAsync(Today, UpcomingDates.MaxDays);
        Assert.Equal(before.Dates, after.Dates);
        // The call-in of the decision published Monday 2 November, once: five working days later, Monday 9 November.
        Assert.Equal([new DateOnly(2026, 11, 9)], after.Dates.Where(d => d.PartnershipCode == "iwc-hcc-buy-back").Select(d => d.Date));
    }

    [Fact]
    public async Task NewDay_SetsWorkedOutYesterdayAreWorkedOutAgain()
    {
        await Upcoming.LoadAsync(Today, 30);
        _clock.Today = Today.AddDays(1);

        await Upcoming.LoadAsync(Today.AddDays(1), 30);

        await using var db = Factory.CreateDbContext();
        Assert.All(await db.KeyDateDerivations.ToListAsync(), d => Assert.Equal(new DateOnly(2026, 11, 3), d.DerivedFor));
    }

    [Fact]
    public async Task SampleCheck_FindsATamperedSet_AndMarksEverythingStale()
    {
        var buyBack = await AddCallInDecisionAsync("iwc-hcc-buy-back", "IWC");
        var stored = Get<StoredKeyDates>();
        await stored.RefreshAsync(Today);
        Assert.Empty(await stored.CheckSampleAsync(Today, 50));
        await using (var db = Factory.CreateDbContext())
            await db.StoredKeyDates.Where(d => d.PartnershipId == buyBack && d.Kind == KeyDateKind.CallInExpiry).ExecuteDeleteAsync();

        Assert.Equal(["iwc-hcc-buy-back"], await stored.CheckSampleAsync(Today, 50));

        await using (var db = Factory.CreateDbContext())
            Assert.All(await db.KeyDateDerivations.ToListAsync(), d => Assert.Null(d.DerivedFor));
        Assert.Equal(new DateOnly(2026, 11, 9), await CallInAsync(buyBack));
    }

    private async Task<DateOnly> CallInAsync(int partnershipId)
    {
        var code = await CodeOfAsync(partnershipId);
        return Assert.Single((await Upcoming.LoadAsync(Today, 30)).Dates, d => d.PartnershipCode == code && d.Kind == KeyDateKind.CallInExpiry).Date;
    }

    /// <summary>A cabinet decision published today, Monday 2 November 2026, subject to call-in.</summary>
    private async Task<int> AddCallInDecisionAsync(string code, string organisation)
    {
        await using var db = Factory.CreateDbContext();
        var by = await db.Organisations.SingleAsync(o => o.ShortCode == organisation);
        var partnership = await db.Partnerships.SingleAsync(p => p.Code == code);
        partnership.AddDecision(new DecisionRecord(by.Id, "Cabinet", "CAB 1", new DateOnly(2026, 10, 29), true, true, "Agreed.", publishedOn: Today));
        await db.SaveChangesAsync();
        return partnership.Id;
    }

    private async Task MarkStaleAsync(int partnershipId)
    {
        await using var db = Factory.CreateDbContext();
        await db.MarkKeyDatesStaleAsync([partnershipId]);
    }

    private async Task<int> IdOfAsync(string code)
    {
        await using var db = Factory.CreateDbContext();
        return await db.Partnerships.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    private async Task<string> CodeOfAsync(int id)
    {
        await using var db = Factory.CreateDbContext();
        return await db.Partnerships.Where(p => p.Id == id).Select(p => p.Code).SingleAsync();
    }

    private async Task<Caller> PersonAtAsync(string code)
    {
        await using var db = Factory.CreateDbContext();
        var id = await db.Organisations.Where(o => o.ShortCode == code).Select(o => o.Id).SingleAsync();
        return Caller.Person($"Someone at {code}", $"user-{code}", id, Roles.All);
    }
}

public sealed class StoredKeyDatesTests_Sqlite : StoredKeyDatesTests<SqliteTestDatabase>;

public sealed class StoredKeyDatesTests_Postgres : StoredKeyDatesTests<PostgresTestDatabase>;
