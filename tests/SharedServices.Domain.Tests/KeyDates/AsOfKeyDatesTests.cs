using SharedServices.Domain.KeyDates;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.Notice.NoticeTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.KeyDates;

/// <summary>"As of" means as of: history dated after the day asked about is not known on it.</summary>
public class AsOfKeyDatesTests
{
    private static List<(DateOnly, KeyDateKind)> Find(Partnership partnership, string from, string to) =>
        KeyDateFinder.Between([partnership], D(from), D(to), Calendar).Select(d => (d.Date, d.Kind)).ToList();

    // The Hampshire–Isle of Wight strategic partnership: from 1 July 2013 for up to five years (last day 30 June 2018),
    // recorded as terminated on 31 January 2024.
    private static Partnership HampshireIsleOfWight()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(), UnstatedNotice(1), UnstatedNotice(2));
        partnership.Terminate(D("2024-01-31"), null, null);
        return partnership;
    }

    [Fact]
    public void For_AsOf2018_ShowsTheInitialTermEnding30June2018NotTheLaterTermination()
    {
        var dates = Find(HampshireIsleOfWight(), "2018-01-01", "2018-12-31");

        Assert.Equal([(D("2018-06-30"), KeyDateKind.EndOfTerm)], dates);
    }

    [Fact]
    public void For_AsOfTheTerminationsLastDay_ShowsIt()
    {
        Assert.Equal([(D("2024-01-31"), KeyDateKind.EndOfTerm)], Find(HampshireIsleOfWight(), "2024-01-31", "2024-12-31"));
    }

    [Theory]
    [InlineData("2018-01-01", PartnershipStatus.Active)]
    [InlineData("2024-01-31", PartnershipStatus.Active)]     // the last day itself
    [InlineData("2024-02-01", PartnershipStatus.Terminated)]
    public void StatusOn_UsesOnlyHistoryDatedByThen(string on, PartnershipStatus expected)
    {
        Assert.Equal(expected, HampshireIsleOfWight().StatusOn(D(on)));
    }

    // Yearly from 1 April 2024; party 1 gives 6 months' notice. Notice served on 10 January 2025 ends it on
    // 31 March 2026 (10 July 2025 is past 31 March 2025, so the next period end).
    private static Partnership RenewingWithNoticeIn2025()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2025-03-31", renewalMonths: 12), MonthsNotice(1, 6), MonthsNotice(2, 6));
        partnership.ServeNotice(1, D("2025-01-10"), null, null, null, null);
        return partnership;
    }

    [Fact]
    public void For_BeforeNoticeWasServed_ShowsThePeriodEndsNotTheExit()
    {
        var dates = Find(RenewingWithNoticeIn2025(), "2024-12-01", "2025-04-30");

        Assert.Equal([(D("2025-03-31"), KeyDateKind.EndOfTerm)], dates);
        Assert.Equal(PartnershipStatus.Active, RenewingWithNoticeIn2025().StatusOn(D("2024-12-01")));
    }

    [Fact]
    public void For_OnceNoticeIsServed_ShowsTheExit()
    {
        var dates = Find(RenewingWithNoticeIn2025(), "2025-01-10", "2026-12-31");

        Assert.Equal([(D("2026-03-31"), KeyDateKind.NoticeExit)], dates);
        Assert.Equal(PartnershipStatus.InNotice, RenewingWithNoticeIn2025().StatusOn(D("2025-01-10")));
    }

    [Fact]
    public void AsOf_KeepsTheRecordedCommencement()
    {
        var buyBack = BuyBack();

        Assert.Equal(D("2024-03-05"), buyBack.AsOf(D("2024-01-01")).StartedOn);
        Assert.Equal(PartnershipStatus.Proposed, buyBack.StatusOn(D("2024-01-01")));
    }

    // The buy-back contract: entered 5 March 2024 with a twelve-month minimum term (last day 4 March 2025), no end
    // stated, three months' notice each way. 3 months from 4 December 2024 reaches 4 March 2025; from 5 December it
    // reaches 5 March, a day late. So each party must serve by 4 December 2024 to leave when the minimum term ends.
    private static Partnership BuyBack()
    {
        var partnership = WithTerm(new Term(null, TermEndKind.NotStated, minimumTermMonths: 12), MonthsNotice(1, 3), MonthsNotice(2, 3));
        partnership.RecordCommencement(D("2024-03-05"), null, null);
        return partnership;
    }

    [Fact]
    public void For_MinimumTerm_GivesEachPartysLatestNoticeDateToLeaveWhenItEnds()
    {
        var found = KeyDateFinder.Between([BuyBack()], D("2024-06-01"), D("2025-05-31"), Calendar);

        Assert.Equal([(D("2024-12-04"), KeyDateKind.LatestNoticeDate), (D("2024-12-04"), KeyDateKind.LatestNoticeDate),
            (D("2025-03-04"), KeyDateKind.MinimumTermEnd)], found.Select(d => (d.Date, d.Kind)).ToList());
        Assert.Equal("Last day for a party to serve 3 months notice to leave when the minimum term ends, on 4 March 2025.", found[0].What);
    }

    [Fact]
    public void LatestNoticeForMinimumTerm_BuyBack_4December2024()
    {
        var deadline = NoticeCalculator.LatestNoticeForMinimumTerm(BuyBack().ExitRules, NoticeLength.Months(3));

        Assert.Equal((D("2024-12-04"), D("2025-03-04")), (deadline!.LatestServiceDate, deadline.ExitDate));
        Assert.Equal("Serve 3 months notice by 4 December 2024 to leave when the minimum term ends, on 4 March 2025.", deadline.Explanation);
    }

    [Fact]
    public void LatestNoticeForMinimumTerm_ExitsOnlyAtQuarterEnds_AimsForTheFirstQuarterEndAfterIt()
    {
        // Minimum 12 months from 5 March 2024 ends 4 March 2025; the next quarter end is 31 March 2025, and 3 months
        // before it is 31 December 2024.
        var term = new Term(D("2024-03-05"), TermEndKind.OpenEnded, minimumTermMonths: 12, terminationFalls: TerminationFalls.QuarterEnd);

        var deadline = NoticeCalculator.LatestNoticeForMinimumTerm(Rules(term), NoticeLength.Months(3));

        Assert.Equal((D("2024-12-31"), D("2025-03-31")), (deadline!.LatestServiceDate, deadline.ExitDate));
    }

    [Fact]
    public void LatestNoticeForMinimumTerm_TermEndsFirst_None()
    {
        var term = Fixed("2024-03-05", "2025-03-04", minimumMonths: 12);

        Assert.Null(NoticeCalculator.LatestNoticeForMinimumTerm(Rules(term), NoticeLength.Months(3)));
    }
}
