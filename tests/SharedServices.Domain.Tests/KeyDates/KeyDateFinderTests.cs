using SharedServices.Domain.KeyDates;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.Notice.NoticeTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.KeyDates;

public class KeyDateFinderTests
{
    private static List<KeyDate> Find(Partnership partnership, string from, string to) =>
        KeyDateFinder.Between([partnership], D(from), D(to), Calendar).ToList();

    private static (DateOnly, KeyDateKind) Row(string date, KeyDateKind kind) => (D(date), kind);

    private static List<(DateOnly, KeyDateKind)> Rows(IEnumerable<KeyDate> dates) => dates.Select(d => (d.Date, d.Kind)).ToList();

    [Fact]
    public void For_FixedTermWithExtensionsLeft_SaysTheyCanBeExercised()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 2, extensionMonths: 12));

        var date = Assert.Single(Find(partnership, "2018-01-01", "2018-12-31"));

        Assert.Equal(new KeyDate(D("2018-06-30"), KeyDateKind.EndOfTerm, "scc-iwc-education", "Education support", "The current term ends.",
            "The agreement ends, unless one of the 2 remaining extension options (1 year each) is exercised before then."), date);
    }

    [Fact]
    public void For_OneExtensionLeft_SaysOne()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 2, extensionMonths: 12));
        partnership.ExerciseExtension(D("2018-03-01"), 1, null, null);

        var date = Assert.Single(Find(partnership, "2018-03-01", "2019-12-31"));   // as of the day it was exercised

        Assert.Equal(D("2019-06-30"), date.Date);   // the extended end, not 30 June 2018
        Assert.Equal("The agreement ends, unless one of the 1 remaining extension option (1 year each) is exercised before then.", date.IfNothingIsDone);
    }

    [Fact]
    public void For_NoExtensionsLeft_TheAgreementEnds()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 1, extensionMonths: 24));
        partnership.ExerciseExtension(D("2018-03-01"), 1, null, null);

        var date = Assert.Single(Find(partnership, "2018-03-01", "2020-12-31"));

        Assert.Equal(D("2020-06-30"), date.Date);
        Assert.Equal("The agreement ends.", date.IfNothingIsDone);
    }

    // From 1 Apr 2024 to 31 Mar 2025, then yearly. Party 1 gives 6 months' notice, party 2 gives 3 months.
    //   To leave on 31 Mar 2025: 6 months by 30 Sep 2024 (1 Oct reaches 1 Apr), 3 months by 31 Dec 2024.
    //   To leave on 31 Mar 2026: by 30 Sep 2025 and 31 Dec 2025.  To leave on 31 Mar 2027: 30 Sep 2026, 31 Dec 2026.
    private static Partnership AnnualRenewal() =>
        WithTerm(Fixed("2024-04-01", "2025-03-31", renewalMonths: 12), MonthsNotice(1, 6), MonthsNotice(2, 3));

    [Fact]
    public void For_RenewingAgreement_PeriodEndsAndEachPartysLatestNoticeDate()
    {
        var dates = Find(AnnualRenewal(), "2024-09-01", "2025-12-31");

        Assert.Equal(
        [
            Row("2024-09-30", KeyDateKind.LatestNoticeDate),
            Row("2024-12-31", KeyDateKind.LatestNoticeDate),
            Row("2025-03-31", KeyDateKind.EndOfTerm),
            Row("2025-09-30", KeyDateKind.LatestNoticeDate),   // for 31 Mar 2026, whose end is outside the window
            Row("2025-12-31", KeyDateKind.LatestNoticeDate),
        ], Rows(dates));
        Assert.Equal("Last day for a party to serve 6 months notice to leave on 31 March 2025.", dates[0].What);
        Assert.Equal("The agreement renews until 31 March 2026.", dates[0].IfNothingIsDone);
        Assert.Equal("Last day for a party to serve 3 months notice to leave on 31 March 2025.", dates[1].What);
        Assert.Equal("The current period ends.", dates[2].What);
        Assert.Equal("The agreement renews until 31 March 2026.", dates[2].IfNothingIsDone);
        Assert.Equal("Last day for a party to serve 3 months notice to leave on 31 March 2026.", dates[4].What);
        Assert.Equal("The agreement renews until 31 March 2027.", dates[4].IfNothingIsDone);
    }

    [Theory]
    [InlineData("2024-09-30", "2025-12-31", 5)]   // both ends are in the window
    [InlineData("2024-10-01", "2025-12-31", 4)]   // 30 Sep 2024 left out
    [InlineData("2024-09-30", "2025-12-30", 4)]   // 31 Dec 2025 left out
    [InlineData("2024-10-01", "2025-12-30", 3)]
    [InlineData("2025-03-31", "2025-03-31", 1)]   // a one-day window
    public void For_Window_IsInclusiveAtBothEnds(string from, string to, int expected)
    {
        Assert.Equal(expected, Find(AnnualRenewal(), from, to).Count);
    }

    [Fact]
    public void For_RenewingAgreementExtended_FollowsTheCurrentTerm()
    {
        // Extended by 24 months to 31 Mar 2027: nothing for 31 Mar 2026, which is no longer a period end.
        var partnership = WithTerm(Fixed("2020-04-01", "2025-03-31", renewalMonths: 12, extensionOptions: 1, extensionMonths: 24),
            MonthsNotice(1, 6), MonthsNotice(2, 3));
        partnership.ExerciseExtension(D("2025-01-10"), 1, null, null);

        var dates = Find(partnership, "2025-04-01", "2026-12-31");

        Assert.Equal([Row("2026-09-30", KeyDateKind.LatestNoticeDate), Row("2026-12-31", KeyDateKind.LatestNoticeDate)], Rows(dates));
        Assert.All(dates, d => Assert.EndsWith("to leave on 31 March 2027.", d.What));
    }

    [Fact]
    public void For_RenewingAgreementWithUnstatedNotice_OnlyPeriodEnds()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2025-03-31", renewalMonths: 12), UnstatedNotice(1));

        var dates = Find(partnership, "2024-04-01", "2026-12-31");

        Assert.Equal([Row("2025-03-31", KeyDateKind.EndOfTerm), Row("2026-03-31", KeyDateKind.EndOfTerm)], Rows(dates));
    }

    [Fact]
    public void For_RenewingAgreementWithLongMinimumTerm_FindsTheFirstNoticeDateAfterIt()
    {
        // Monthly renewals from 1 Feb 2025 (period ends are month ends); a 24-month minimum term to 31 Dec 2026;
        // 12 months' notice. No period end before 31 Dec 2026 can be left at, and the deadline to leave on
        // 31 Dec 2026 is 31 Dec 2025 — inside the window though the period end itself is far outside it.
        var partnership = WithTerm(Fixed("2025-01-01", "2025-01-31", minimumMonths: 24, renewalMonths: 1), MonthsNotice(1, 12));

        var dates = Find(partnership, "2025-11-01", "2025-12-31");

        Assert.Equal(
        [
            Row("2025-11-30", KeyDateKind.EndOfTerm),
            Row("2025-12-31", KeyDateKind.EndOfTerm),
            Row("2025-12-31", KeyDateKind.LatestNoticeDate),
        ], Rows(dates));
        Assert.Equal("Last day for a party to serve 12 months notice to leave on 31 December 2026.", dates[2].What);
    }

    [Fact]
    public void For_MinimumTerm_ItsEnd()
    {
        var partnership = WithTerm(Fixed("2024-02-01", "2030-01-31", minimumMonths: 12));

        var date = Assert.Single(Find(partnership, "2025-01-01", "2025-12-31"));

        Assert.Equal(new KeyDate(D("2025-01-31"), KeyDateKind.MinimumTermEnd, "scc-iwc-education", "Education support",
            "The minimum term ends.", "The agreement continues; from now on either party may leave on notice."), date);
    }

    [Fact]
    public void For_MinimumTermWithNoticeServed_SaysTheNoticeDecidesWhatFollows()
    {
        // Minimum term 1 Feb 2024 + 12 months: ends 31 January 2025. Party 1 serves 3 months' notice on 1 December 2024:
        // 1 December 2024 + 3 months = 1 March 2025, after the minimum term, so that is the exit.
        var partnership = WithTerm(Fixed("2024-02-01", "2030-01-31", minimumMonths: 12), MonthsNotice(1, 3), MonthsNotice(2, 3));
        partnership.ServeNotice(1, D("2024-12-01"), null, null, null, null);

        var dates = Find(partnership, "2025-01-01", "2025-12-31");

        Assert.Equal([Row("2025-01-31", KeyDateKind.MinimumTermEnd), Row("2025-03-01", KeyDateKind.NoticeExit)], Rows(dates));
        Assert.Equal("The agreement continues until 1 March 2025, when the notice already served takes effect.", dates[0].IfNothingIsDone);
    }

    [Fact]
    public void For_BreakAndReview_WithTheLatestNoticeToUseTheBreak()
    {
        // Break 31 Mar 2026: 6 months' notice by 30 Sep 2025, 3 months' by 31 Dec 2025; party 3's notice is not stated.
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6), MonthsNotice(2, 3));
        partnership.AddMilestone(new Milestone(MilestoneKind.Review, D("2025-06-30"), null, null));
        partnership.AddMilestone(new Milestone(MilestoneKind.Break, D("2026-03-31"), "Either party may end the agreement", null));

        var dates = Find(partnership, "2025-01-01", "2026-12-31");

        Assert.Equal(
        [
            Row("2025-06-30", KeyDateKind.ReviewDate),
            Row("2025-09-30", KeyDateKind.LatestNoticeDate),
            Row("2025-12-31", KeyDateKind.LatestNoticeDate),
            Row("2026-03-31", KeyDateKind.BreakDate),
        ], Rows(dates));
        Assert.Equal("The agreement is due for review.", dates[0].What);
        Assert.Equal("The agreement continues unreviewed.", dates[0].IfNothingIsDone);
        Assert.Equal("Last day for a party to serve 6 months notice to use the break on 31 March 2026.", dates[1].What);
        Assert.Equal("The break cannot be used.", dates[1].IfNothingIsDone);
        Assert.Equal("Break date: Either party may end the agreement", dates[3].What);
        Assert.Equal("The break passes and the agreement continues.", dates[3].IfNothingIsDone);
    }

    [Fact]
    public void For_ReviewWithNote_QuotesIt()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));
        partnership.AddMilestone(new Milestone(MilestoneKind.Review, D("2025-06-30"), "by the new director", null));

        Assert.Equal("The agreement is due for review: by the new director", Assert.Single(Find(partnership, "2025-01-01", "2025-12-31")).What);
    }

    [Fact]
    public void For_NoticeServed_ItsExitInsteadOfTheTermEnd()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6));
        partnership.ServeNotice(1, D("2025-01-15"), null, null, null, null);   // exit 15 Jul 2025

        var date = Assert.Single(Find(partnership, "2025-01-15", "2030-12-31"));   // as of the day it was served

        Assert.Equal(new KeyDate(D("2025-07-15"), KeyDateKind.NoticeExit, "scc-iwc-education", "Education support",
            "Notice served by a party takes effect: the agreement's last day.", "The agreement ends."), date);
    }

    [Fact]
    public void For_TerminatedLaterInTheWindow_ItsLastDayInsteadOfTheTermEnd()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));
        partnership.Terminate(D("2025-06-30"), null, null);

        // A termination is dated by its last day, so it is known from then (the editor refuses one dated after today).
        var date = Assert.Single(Find(partnership, "2025-06-30", "2030-12-31"));

        Assert.Equal(D("2025-06-30"), date.Date);
        Assert.Equal(KeyDateKind.EndOfTerm, date.Kind);
        Assert.Equal("The agreement's last day, as recorded when it was terminated.", date.What);
    }

    [Fact]
    public void For_TerminatedBeforeTheWindow_Nothing()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31", minimumMonths: 24), MonthsNotice(1, 6));
        partnership.AddMilestone(new Milestone(MilestoneKind.Break, D("2027-03-31"), null, null));
        partnership.Terminate(D("2024-12-31"), null, null);

        Assert.Empty(Find(partnership, "2025-01-01", "2030-12-31"));
    }

    [Fact]
    public void For_TermRanOutBeforeTheWindow_Nothing()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2025-03-31"));
        partnership.AddMilestone(new Milestone(MilestoneKind.Review, D("2025-06-30"), null, null));

        Assert.Empty(Find(partnership, "2025-04-01", "2025-12-31"));
        Assert.Single(Find(partnership, "2025-03-31", "2025-03-31"));   // its last day is still in a window that includes it
    }

    [Fact]
    public void For_NoticeExitBeforeTheWindow_Nothing()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6));
        partnership.AddMilestone(new Milestone(MilestoneKind.Break, D("2026-03-31"), null, null));
        partnership.ServeNotice(1, D("2025-01-15"), null, null, null, null);   // exit 15 Jul 2025

        Assert.Empty(Find(partnership, "2025-07-16", "2030-12-31"));
    }

    [Fact]
    public void For_DecisionSubjectToCallIn_ItsExpiry()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));
        partnership.AddDecision(Decision("2026-11-02", "2026-11-02"));

        var date = Assert.Single(Find(partnership, "2026-11-01", "2026-11-30"));

        Assert.Equal(new KeyDate(D("2026-11-09"), KeyDateKind.CallInExpiry, "scc-iwc-education", "Education support",
            "The call-in period for the Cabinet decision of 2 November 2026 (CAB 1) ends (5 working days after publication).",
            "The decision takes effect at the end of the day unless it has been called in."), date);
    }

    [Fact]
    public void For_DecisionWithoutReference_LeavesItOut()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));
        partnership.AddDecision(Decision("2022-12-20", "2022-12-22", reference: null));

        var date = Assert.Single(Find(partnership, "2022-12-01", "2023-01-31"));

        Assert.Equal(D("2023-01-03"), date.Date);   // over Christmas and New Year
        Assert.Equal("The call-in period for the Cabinet decision of 20 December 2022 ends (5 working days after publication).", date.What);
    }

    [Theory]
    [InlineData(false, "2026-11-02")]
    [InlineData(null, "2026-11-02")]
    [InlineData(true, null)]
    public void For_DecisionNotSubjectToCallInOrUnpublished_Nothing(bool? subjectToCallIn, string? published)
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));
        partnership.AddDecision(Decision("2026-11-02", published, subjectToCallIn));

        Assert.Empty(Find(partnership, "2026-11-01", "2026-11-30"));
    }

    [Fact]
    public void For_DecidingCouncilWithItsOwnCallInPeriod_UsesIt()
    {
        var council = new Organisation("Isle of Wight Council", "IWC", OrganisationKind.UnitaryAuthority);
        council.SetCallInWorkingDays(10);
        var decision = Decision("2026-11-02", "2026-11-02", organisationId: 2);
        SetNavigation(decision, nameof(DecisionRecord.Organisation), council);   // as EF Core loads it
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));
        partnership.AddDecision(decision);

        var date = Assert.Single(Find(partnership, "2026-11-01", "2026-11-30"));

        Assert.Equal(D("2026-11-16"), date.Date);   // Mon 9 = 5, Fri 13 = 9, Mon 16 = 10
        Assert.EndsWith("(10 working days after publication).", date.What);
    }

    [Fact]
    public void For_EndBeforeStart_Throws()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));

        var ex = Assert.Throws<DomainException>(() => KeyDateFinder.For(partnership, D("2025-01-02"), D("2025-01-01"), Calendar));

        Assert.Equal("The end of the period is before its start.", ex.Message);
    }

    [Fact]
    public void For_ProposedPartnershipWithoutDates_Nothing()
    {
        Assert.Empty(Find(WithTerm(Term.Unknown), "2000-01-01", "2040-12-31"));
    }

    [Fact]
    public void Between_SeveralPartnerships_OrdersByDateThenNameIgnoringCaseThenKind()
    {
        var beta = NewPartnership("beta", "Beta services");
        beta.SetTerm(Fixed("2024-04-01", "2025-03-31"), []);
        var alpha = NewPartnership("alpha", "alpha services");
        alpha.SetTerm(Fixed("2024-04-01", "2026-03-31", minimumMonths: 12), []);   // minimum term to 31 Mar 2025
        alpha.AddMilestone(new Milestone(MilestoneKind.Review, D("2025-03-31"), null, null));
        alpha.AddMilestone(new Milestone(MilestoneKind.Break, D("2025-03-31"), null, null));
        alpha.AddMilestone(new Milestone(MilestoneKind.Review, D("2025-01-15"), null, null));

        var dates = KeyDateFinder.Between([beta, alpha], D("2025-01-01"), D("2026-12-31"), Calendar);

        Assert.Equal(
        [
            ("alpha", D("2025-01-15"), KeyDateKind.ReviewDate),
            ("alpha", D("2025-03-31"), KeyDateKind.MinimumTermEnd),
            ("alpha", D("2025-03-31"), KeyDateKind.BreakDate),     // added after the review, listed before it
            ("alpha", D("2025-03-31"), KeyDateKind.ReviewDate),
            ("beta", D("2025-03-31"), KeyDateKind.EndOfTerm),      // "Beta" after "alpha" although 'B' < 'a' in ordinal order
            ("alpha", D("2026-03-31"), KeyDateKind.EndOfTerm),
        ], dates.Select(d => (d.PartnershipCode, d.Date, d.Kind)).ToList());
    }

    [Theory]
    [InlineData("2025-02-01", Urgency.Past)]
    [InlineData("2025-01-31", Urgency.Urgent)]   // today
    [InlineData("2025-01-01", Urgency.Urgent)]   // 30 days away
    [InlineData("2024-12-31", Urgency.Soon)]     // 31 days away
    [InlineData("2024-11-02", Urgency.Soon)]     // 90 days: 28 to 30 November, 31 in December, 31 in January
    [InlineData("2024-11-01", Urgency.Later)]    // 91 days
    public void UrgencyOn_DaysAway_GivesTheBand(string asOf, Urgency expected)
    {
        var date = new KeyDate(D("2025-01-31"), KeyDateKind.EndOfTerm, "code", "Name", "What", "If nothing");

        Assert.Equal(expected, date.UrgencyOn(D(asOf)));
    }

    [Theory]
    [InlineData(KeyDateKind.EndOfTerm, "End of term")]
    [InlineData(KeyDateKind.LatestNoticeDate, "Latest notice date")]
    [InlineData(KeyDateKind.MinimumTermEnd, "Minimum term ends")]
    [InlineData(KeyDateKind.BreakDate, "Break date")]
    [InlineData(KeyDateKind.ReviewDate, "Review date")]
    [InlineData(KeyDateKind.CallInExpiry, "Call-in ends")]
    [InlineData(KeyDateKind.NoticeExit, "Exit after notice")]
    public void KindText_EachKind_ReadsAsAHeading(KeyDateKind kind, string expected)
    {
        Assert.Equal(expected, new KeyDate(D("2025-01-31"), kind, "code", "Name", "What", "If nothing").KindText);
    }
}
