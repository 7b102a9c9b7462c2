using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.KeyDates;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.KeyDates;

/// <summary>
/// The key dates page's pages: counted and read from the stored dates by index for today, sliced in memory for any
/// other as-of day, in the same order either way, with a page past the end giving the last page.
/// </summary>
public abstract class KeyDatePagesTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // Monday 23 November 2026: the seed partnerships have no key date ahead, so the window holds only what each test adds.
    private static readonly DateOnly Today = new(2026, 11, 23);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new MovableClock(Today));

    private UpcomingDates Upcoming => Get<UpcomingDates>();

    private const string JointVenture = "halton-warrington-school-improvement-jv"; // "Halton and Warrington with a private provider: …"
    private const string Cheshire = "halton-cwac-shared-service";                   // "Halton Borough Council and Cheshire West …"
    private const string BuyBack = "iwc-hcc-buy-back";                               // "Isle of Wight Council from Hampshire …"

    /// <summary>
    /// Seven dates in the 30 days from Monday 23 November 2026, in the order the page must list them:
    /// <list type="number">
    /// <item>30 November, buy-back, review: the review kind comes before call-in in the rules' order, though "CallInExpiry"
    /// (as stored, by name) sorts before "ReviewDate".</item>
    /// <item>30 November, buy-back, call-in: a decision published Monday 23 November, five working days (Tuesday 24 to
    /// Friday 27, Monday 30).</item>
    /// <item>1 December, the joint venture ("Halton and…" before "Halton Borough…", ignoring case).</item>
    /// <item>1 December, the Cheshire shared service.</item>
    /// <item>1 December, buy-back, "…review: Annual review".</item>
    /// <item>1 December, buy-back, "…review: a second look" (the same partnership, day and kind: by text, and "A" (65)
    /// comes before "a" (97)).</item>
    /// <item>2 December, the Cheshire shared service, "Budget".</item>
    /// </list>
    /// </summary>
    private static readonly (DateOnly Date, string Code, KeyDateKind Kind)[] AllSeven =
    [
        (new DateOnly(2026, 11, 30), BuyBack, KeyDateKind.ReviewDate),
        (new DateOnly(2026, 11, 30), BuyBack, KeyDateKind.CallInExpiry),
        (new DateOnly(2026, 12, 1), JointVenture, KeyDateKind.ReviewDate),
        (new DateOnly(2026, 12, 1), Cheshire, KeyDateKind.ReviewDate),
        (new DateOnly(2026, 12, 1), BuyBack, KeyDateKind.ReviewDate),
        (new DateOnly(2026, 12, 1), BuyBack, KeyDateKind.ReviewDate),
        (new DateOnly(2026, 12, 2), Cheshire, KeyDateKind.ReviewDate),
    ];

    private async Task AddSevenAsync()
    {
        // Added in an order unlike the expected one, so that insertion order cannot pass for the sort.
        await ReviewAsync(Cheshire, new DateOnly(2026, 12, 2), "Budget");
        await ReviewAsync(BuyBack, new DateOnly(2026, 12, 1), "a second look");
        await ReviewAsync(Cheshire, new DateOnly(2026, 12, 1), "Annual review");
        await ReviewAsync(BuyBack, new DateOnly(2026, 12, 1), "Annual review");
        await ReviewAsync(JointVenture, new DateOnly(2026, 12, 1), "Annual review");
        await ReviewAsync(BuyBack, new DateOnly(2026, 11, 30), "Mid-term");
        await using var db = Factory.CreateDbContext();
        var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
        var buyBack = await db.Partnerships.SingleAsync(p => p.Code == BuyBack);
        buyBack.AddDecision(new DecisionRecord(iwc.Id, "Cabinet", "CAB 7", new DateOnly(2026, 11, 19), true, true, "Agreed.", publishedOn: Today));
        await db.SaveChangesAsync();
    }

    private async Task ReviewAsync(string code, DateOnly date, string note)
    {
        int id;
        await using (var db = Factory.CreateDbContext())
            id = await db.Partnerships.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
        await Get<PartnershipEditor>().AddMilestoneAsync(id, new MilestoneForm { Kind = MilestoneKind.Review, Date = date, Note = note });
    }

    private static IEnumerable<(DateOnly, string, KeyDateKind)> Rows(UpcomingDatesResult page) => page.Dates.Select(d => (d.Date, d.PartnershipCode, d.Kind));

    [Fact]
    public async Task LoadPage_Today_PagesOfThree_SplitTheSevenInOrder()
    {
        await AddSevenAsync();

        var first = await Upcoming.LoadPageAsync(Today, 30, page: 0, pageSize: 3);
        var second = await Upcoming.LoadPageAsync(Today, 30, page: 1, pageSize: 3);
        var third = await Upcoming.LoadPageAsync(Today, 30, page: 2, pageSize: 3);

        Assert.Equal(AllSeven[..3], Rows(first));
        Assert.Equal(AllSeven[3..6], Rows(second));
        Assert.Equal(AllSeven[6..], Rows(third));
        // The second page starts inside 1 December, between the joint venture and the Cheshire service; the two buy-back
        // reviews of that day come by their text, "Annual review" before "a second look".
        Assert.Equal(["The agreement is due for review: Annual review", "The agreement is due for review: a second look"],
            second.Dates.Skip(1).Select(d => d.What));
        Assert.Equal((0, 3, 6), (first.Skipped, second.Skipped, third.Skipped));
        Assert.All(new[] { first, second, third }, page => Assert.Equal(7, page.Total));
    }

    [Fact]
    public async Task LoadPage_Today_IsTheFullListCutIntoPages()
    {
        await AddSevenAsync();
        var all = await Upcoming.LoadAsync(Today, 30);

        var pages = new List<KeyDate>();
        for (var page = 0; page < 4; page++) pages.AddRange((await Upcoming.LoadPageAsync(Today, 30, page, pageSize: 2)).Dates);

        // Pages of two: 2 + 2 + 2 + 1, each date once, in the full list's order (the workbook's and the calendar's).
        Assert.Equal(AllSeven, all.Dates.Select(d => (d.Date, d.PartnershipCode, d.Kind)));
        Assert.Equal(all.Dates, pages);
    }

    [Fact]
    public async Task LoadPage_Today_PastTheEnd_GivesTheLastPage()
    {
        await AddSevenAsync();

        var page = await Upcoming.LoadPageAsync(Today, 30, page: 9, pageSize: 3);

        // Seven dates make pages of 3, 3 and 1: the last starts after six.
        Assert.Equal((6, 7), (page.Skipped, page.Total));
        Assert.Equal(AllSeven[6..], Rows(page));
    }

    [Fact]
    public async Task LoadPage_Today_ReadsTheStoredDates_NotTheRules()
    {
        await AddSevenAsync();
        await Upcoming.LoadPageAsync(Today, 30, 0, 3); // works the stored dates out
        await using (var db = Factory.CreateDbContext())
        {
            // A stored row changed by hand (as no real change could) shows that the page comes from the store.
            await db.StoredKeyDates.Where(d => d.Date == new DateOnly(2026, 12, 2)).ExecuteUpdateAsync(s => s.SetProperty(d => d.What, "From the store"));
        }

        var last = await Upcoming.LoadPageAsync(Today, 30, 2, 3);

        Assert.Equal("From the store", Assert.Single(last.Dates).What);
    }

    [Fact]
    public async Task LoadPage_AnotherDay_IsWorkedOutAndSlicedTheSameWay()
    {
        await AddSevenAsync();

        // As of Tuesday 24 November the call-in's decision (published the 23rd) is known, and the same seven fall in
        // the 30 days to 23 December. Worked out from the partnerships, not the store.
        var second = await Upcoming.LoadPageAsync(Today.AddDays(1), 30, page: 1, pageSize: 3);
        var past = await Upcoming.LoadPageAsync(Today.AddDays(1), 30, page: 5, pageSize: 3);

        Assert.Equal(AllSeven[3..6], Rows(second));
        Assert.Equal((3, 7), (second.Skipped, second.Total));
        Assert.Equal(AllSeven[6..], Rows(past));
        Assert.Equal((6, 7), (past.Skipped, past.Total));
    }

    [Fact]
    public async Task LoadPage_EmptyWindow_CountsNothing_AndListsTheUndated()
    {
        await AddSevenAsync();

        // Monday 23 to Friday 27 November: the call-in ends on the 30th, just after.
        var page = await Upcoming.LoadPageAsync(Today, 5, page: 3);

        Assert.Equal((0, 0), (page.Total, page.Skipped));
        Assert.Empty(page.Dates);
        Assert.Equal([(new DateOnly(2026, 11, 30), KeyDateKind.ReviewDate), (new DateOnly(2026, 11, 30), KeyDateKind.CallInExpiry)],
            page.NextAfter.Select(d => (d.Date, d.Kind)));
        // The seed's three live partnerships with no end date, fewer than the ten listed, so all of them.
        Assert.Equal([JointVenture, Cheshire, BuyBack], page.Undated.Select(u => u.Code));
        Assert.Equal(3, page.UndatedCount);
    }

    [Fact]
    public async Task LoadPage_ManyUndated_ListsTenAndCountsThemAll()
    {
        await using (var db = Factory.CreateDbContext())
        {
            var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
            var hcc = await db.Organisations.SingleAsync(o => o.ShortCode == "HCC");
            // Nine proposals with no term at all: live (proposed) and with no end date.
            for (var i = 1; i <= 9; i++)
                db.Partnerships.Add(new Partnership($"zz-proposal-{i}", $"Zz proposal {i}", PartnershipKind.SharedService,
                    [new PartnershipParty(iwc.Id, PartyRole.Provider), new PartnershipParty(hcc.Id, PartyRole.Recipient)]));
            await db.SaveChangesAsync();
        }

        var page = await Upcoming.LoadPageAsync(Today, 30, page: 0);

        // 3 from the seed and 9 new: 12 in all, the first ten by name: the seed's three, then proposals 1 to 7.
        Assert.Equal(12, page.UndatedCount);
        Assert.Equal([JointVenture, Cheshire, BuyBack, .. Enumerable.Range(1, 7).Select(i => $"zz-proposal-{i}")], page.Undated.Select(u => u.Code));
    }
}

public sealed class KeyDatePagesTests_Sqlite : KeyDatePagesTests<SqliteTestDatabase>;

public sealed class KeyDatePagesTests_Postgres : KeyDatePagesTests<PostgresTestDatabase>;
