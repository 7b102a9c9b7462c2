using SharedServices.Core.KeyDates;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.KeyDates;

namespace SharedServices.Core.Tests.KeyDates;

/// <summary>The key dates a director sees on an ordinary day, from the seed partnerships.</summary>
public abstract class DirectorsDayTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private UpcomingDates Upcoming => Get<UpcomingDates>();

    [Fact]
    public async Task Load_AsOf1January2018_HampshireIsleOfWightsInitialTermEnds30June2018()
    {
        var result = await Upcoming.LoadAsync(new DateOnly(2018, 1, 1), 365);

        // From 1 July 2013 for up to five years: the last day is 30 June 2018. Its termination is dated 2024.
        var date = Assert.Single(result.Dates, d => d.PartnershipCode == "hcc-iwc-childrens-services");
        Assert.Equal((new DateOnly(2018, 6, 30), KeyDateKind.EndOfTerm), (date.Date, date.Kind));
    }

    [Theory]
    [InlineData(400, false)]
    [InlineData(401, true)]
    public async Task Load_WithinDays_CoversExactlyThatManyDaysCountingTheAsOfDay(int within, bool includesMinimumTermEnd)
    {
        // 29 January 2024 to 29 February 2024 is 31 days, to 4 March 4 more, to 4 March 2025 365 more: 400 days after.
        // So the buy-back's minimum-term end (4 March 2025) is the 401st day counting 29 January 2024 itself.
        var result = await Upcoming.LoadAsync(new DateOnly(2024, 1, 29), within);

        Assert.Equal(includesMinimumTermEnd, result.Dates.Any(d => d.Kind == KeyDateKind.MinimumTermEnd));
        Assert.Equal(includesMinimumTermEnd ? new DateOnly(2025, 3, 4) : new DateOnly(2025, 3, 3), result.Until);
    }

    [Fact]
    public async Task Load_EmptyWindow_SaysWhenTheNextKeyDateFalls()
    {
        var result = await Upcoming.LoadAsync(new DateOnly(2024, 6, 1), 30);

        Assert.Empty(result.Dates);
        // Next: each party's last day to give 3 months' notice to leave when the minimum term ends (4 March 2025).
        Assert.Equal([(new DateOnly(2024, 12, 4), KeyDateKind.LatestNoticeDate, "iwc-hcc-buy-back"), (new DateOnly(2024, 12, 4), KeyDateKind.LatestNoticeDate, "iwc-hcc-buy-back")],
            result.NextAfter.Select(d => (d.Date, d.Kind, d.PartnershipCode)));
    }

    [Fact]
    public async Task Load_EmptyWindowAndNothingLater_ListsLivePartnershipsWithNoEndOrNotice()
    {
        var result = await Upcoming.LoadAsync(new DateOnly(2026, 11, 23), 90);

        Assert.Empty(result.Dates);
        Assert.Empty(result.NextAfter);
        // The two Halton arrangements and the buy-back state no end; the others ended in 2015 and 2024.
        Assert.Equal(["halton-warrington-school-improvement-jv", "halton-cwac-shared-service", "iwc-hcc-buy-back"], result.Undated.Select(u => u.Code));
    }

    [Fact]
    public async Task Next_From1January2015_GivesTheNextKeyDatesOfEveryKind()
    {
        var dates = await Upcoming.NextAsync(new DateOnly(2015, 1, 1), 4);

        // Education support's term ends 31 August 2015; Hampshire–Isle of Wight's initial term 30 June 2018 (its 2024
        // termination is not yet known); then the buy-back's notice deadlines (4 December 2024).
        Assert.Equal([(new DateOnly(2015, 8, 31), KeyDateKind.EndOfTerm), (new DateOnly(2018, 6, 30), KeyDateKind.EndOfTerm),
            (new DateOnly(2024, 12, 4), KeyDateKind.LatestNoticeDate), (new DateOnly(2024, 12, 4), KeyDateKind.LatestNoticeDate)],
            dates.Select(d => (d.Date, d.Kind)));
    }
}

public sealed class DirectorsDayTests_Sqlite : DirectorsDayTests<SqliteTestDatabase>;

public sealed class DirectorsDayTests_Postgres : DirectorsDayTests<PostgresTestDatabase>;
