using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.Notice.NoticeTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Notice;

public class NoticeCalculatorTests
{
    /// <summary>A long fixed term so that only the notice and the alignment rule matter.</summary>
    private static ExitRules LongTerm(TerminationFalls falls) => Rules(Fixed("2020-04-01", "2030-03-31", falls));

    /// <summary>From 1 April 2024 to 31 March 2025, then a year at a time unless notice is given.</summary>
    private static ExitRules AnnualRenewal(TerminationFalls falls = TerminationFalls.AnyDay) =>
        Rules(Fixed("2024-04-01", "2025-03-31", falls, renewalMonths: 12));

    /// <summary>From 1 February 2024 with a 12-month minimum term (to 31 January 2025).</summary>
    private static ExitRules MinimumTerm(TerminationFalls falls = TerminationFalls.AnyDay) =>
        Rules(Fixed("2024-02-01", "2030-01-31", falls, minimumMonths: 12));

    [Theory]
    [InlineData(TerminationFalls.AnyDay, "2025-01-31", 1, NoticeUnit.Months, "2025-02-28")]
    [InlineData(TerminationFalls.NotStated, "2025-01-15", 3, NoticeUnit.Months, "2025-04-15")]
    [InlineData(TerminationFalls.AnyDay, "2025-01-01", 6, NoticeUnit.Weeks, "2025-02-12")]
    [InlineData(TerminationFalls.AnyDay, "2025-01-01", 90, NoticeUnit.Days, "2025-04-01")]           // 31 + 28 + 31 = 90 days to 1 Apr
    [InlineData(TerminationFalls.MonthEnd, "2025-01-15", 3, NoticeUnit.Months, "2025-04-30")]       // runs to 15 Apr
    [InlineData(TerminationFalls.MonthEnd, "2024-11-29", 3, NoticeUnit.Months, "2025-02-28")]       // runs to 28 Feb, a month end
    [InlineData(TerminationFalls.MonthEnd, "2023-11-28", 3, NoticeUnit.Months, "2024-02-29")]       // runs to 28 Feb 2024, not the end of a leap February
    [InlineData(TerminationFalls.QuarterEnd, "2025-01-15", 3, NoticeUnit.Months, "2025-06-30")]     // runs to 15 Apr
    [InlineData(TerminationFalls.QuarterEnd, "2025-03-31", 3, NoticeUnit.Months, "2025-06-30")]     // runs to 30 Jun exactly
    [InlineData(TerminationFalls.QuarterEnd, "2025-06-30", 3, NoticeUnit.Months, "2025-09-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-07-01", 3, NoticeUnit.Months, "2025-12-31")]     // runs to 1 Oct
    [InlineData(TerminationFalls.QuarterEnd, "2025-09-01", 3, NoticeUnit.Months, "2025-12-31")]     // runs to 1 Dec
    [InlineData(TerminationFalls.FinancialYearEnd, "2024-09-30", 6, NoticeUnit.Months, "2025-03-31")] // runs to 30 Mar 2025
    [InlineData(TerminationFalls.FinancialYearEnd, "2024-10-01", 6, NoticeUnit.Months, "2026-03-31")] // runs to 1 Apr 2025: a year later
    [InlineData(TerminationFalls.FinancialYearEnd, "2025-02-14", 6, NoticeUnit.Weeks, "2025-03-31")]  // runs to 28 Mar
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-02-28", 6, NoticeUnit.Months, "2025-08-31")]  // runs to 28 Aug
    [InlineData(TerminationFalls.AcademicYearEnd, "2025-03-01", 6, NoticeUnit.Months, "2026-08-31")]  // runs to 1 Sep
    public void EarliestExit_AlignmentRule_GivesTheFirstAllowedDayAfterTheNotice(TerminationFalls falls, string served, int amount, NoticeUnit unit, string expected)
    {
        var notice = new NoticeLength(amount, unit);

        var estimate = NoticeCalculator.EarliestExit(LongTerm(falls), notice, D(served));

        Assert.Equal(D(served), estimate.ServedOn);
        Assert.Equal(notice.RunsTo(D(served)), estimate.NoticeRunsTo);
        Assert.Equal(D(expected), estimate.ExitDate);
        Assert.Null(estimate.TermEndsFirstOn);
    }

    [Fact]
    public void EarliestExit_QuarterEnd_ExplainsEachStep()
    {
        var estimate = NoticeCalculator.EarliestExit(LongTerm(TerminationFalls.QuarterEnd), NoticeLength.Months(3), D("2025-01-15"));

        Assert.Equal(
        [
            "3 months notice served on 15 January 2025 runs to 15 April 2025.",
            "Termination must fall at the end of a quarter: 30 June 2025.",
        ], estimate.Reasons);
    }

    [Theory]
    [InlineData(TerminationFalls.AnyDay, "2024-03-01", "2025-01-31")]     // runs to 1 Jun 2024: held to the minimum term
    [InlineData(TerminationFalls.AnyDay, "2024-10-31", "2025-01-31")]     // runs to 31 Jan 2025 exactly
    [InlineData(TerminationFalls.AnyDay, "2024-11-01", "2025-02-01")]     // runs to 1 Feb 2025, past the minimum
    [InlineData(TerminationFalls.QuarterEnd, "2024-03-01", "2025-03-31")] // minimum 31 Jan 2025, then the quarter end
    [InlineData(TerminationFalls.FinancialYearEnd, "2024-03-01", "2025-03-31")]
    public void EarliestExit_MinimumTerm_NoExitBeforeItEnds(TerminationFalls falls, string served, string expected)
    {
        var estimate = NoticeCalculator.EarliestExit(MinimumTerm(falls), NoticeLength.Months(3), D(served));

        Assert.Equal(D(expected), estimate.ExitDate);
    }

    [Fact]
    public void EarliestExit_MinimumTerm_SaysSo()
    {
        var estimate = NoticeCalculator.EarliestExit(MinimumTerm(), NoticeLength.Months(3), D("2024-03-01"));

        Assert.Contains("The minimum term runs to 31 January 2025, so the agreement cannot end before then.", estimate.Reasons);
    }

    [Theory]
    [InlineData("2024-06-01", "2025-03-31")]   // runs to 1 Sep 2024: the current term's end
    [InlineData("2024-12-31", "2025-03-31")]   // runs to 31 Mar 2025 exactly
    [InlineData("2025-01-01", "2026-03-31")]   // runs to 1 Apr 2025: too late, the agreement has renewed
    [InlineData("2025-12-31", "2026-03-31")]
    [InlineData("2026-01-01", "2027-03-31")]
    public void EarliestExit_RenewingAgreement_EndsOnlyAtAPeriodEnd(string served, string expected)
    {
        var estimate = NoticeCalculator.EarliestExit(AnnualRenewal(), NoticeLength.Months(3), D(served));

        Assert.Equal(D(expected), estimate.ExitDate);
        Assert.Null(estimate.TermEndsFirstOn);
    }

    [Fact]
    public void EarliestExit_RenewingAgreement_IgnoresTheAlignmentRuleAndSaysWhy()
    {
        // Period ends are the only days it can end; the academic-year-end rule does not move 31 Mar 2025 to 31 Aug.
        var estimate = NoticeCalculator.EarliestExit(AnnualRenewal(TerminationFalls.AcademicYearEnd), NoticeLength.Months(3), D("2024-06-01"));

        Assert.Equal(D("2025-03-31"), estimate.ExitDate);
        Assert.Equal("The agreement renews itself and can only end at the end of a period: the next is 31 March 2025.", estimate.Reasons[^1]);
    }

    [Fact]
    public void EarliestExit_RenewingAgreementExtended_FollowsTheCurrentTerm()
    {
        // Initial term to 31 Mar 2025, extended by 24 months to 31 Mar 2027 on 10 Jan 2025, then renews yearly.
        var partnership = WithTerm(Fixed("2020-04-01", "2025-03-31", renewalMonths: 12, extensionOptions: 1, extensionMonths: 24));
        partnership.ExerciseExtension(D("2025-01-10"), 1, null, null);

        // 3 months from 1 Jun 2025 runs to 1 Sep 2025; the first period end after it is the extended end, not 31 Mar 2026.
        var estimate = NoticeCalculator.EarliestExit(partnership.ExitRules, NoticeLength.Months(3), D("2025-06-01"));

        Assert.Equal(D("2027-03-31"), estimate.ExitDate);
    }

    [Theory]
    [InlineData("2024-09-30", null, "2025-03-30")]           // runs to 30 Mar 2025: inside the term
    [InlineData("2024-10-01", "2025-03-31", "2025-04-01")]   // runs to 1 Apr 2025: the term ends first
    [InlineData("2025-01-01", "2025-03-31", "2025-07-01")]
    public void EarliestExit_FixedTermEndingFirst_SaysSo(string served, string? endsFirst, string exit)
    {
        var estimate = NoticeCalculator.EarliestExit(Rules(Fixed("2024-04-01", "2025-03-31")), NoticeLength.Months(6), D(served));

        Assert.Equal(D(exit), estimate.ExitDate);
        Assert.Equal(OptionalD(endsFirst), estimate.TermEndsFirstOn);
        if (endsFirst is not null)
            Assert.Equal("The current term ends on 31 March 2025 anyway, before this notice would take effect.", estimate.Reasons[^1]);
    }

    [Fact]
    public void EarliestExit_OpenEndedTerm_NeverEndsFirst()
    {
        var estimate = NoticeCalculator.EarliestExit(Rules(new Term(D("2024-04-01"), TermEndKind.OpenEnded)), NoticeLength.Months(6), D("2030-01-15"));

        Assert.Equal(D("2030-07-15"), estimate.ExitDate);
        Assert.Null(estimate.TermEndsFirstOn);
    }

    [Theory]
    [InlineData(TerminationFalls.AnyDay, "2025-02-28", 1, NoticeUnit.Months, "2025-01-31", "2025-02-28")]
    [InlineData(TerminationFalls.AnyDay, "2025-04-30", 1, NoticeUnit.Months, "2025-03-31", "2025-04-30")]
    [InlineData(TerminationFalls.NotStated, "2025-03-01", 30, NoticeUnit.Days, "2025-01-30", "2025-03-01")]
    [InlineData(TerminationFalls.MonthEnd, "2025-05-15", 3, NoticeUnit.Months, "2025-01-31", "2025-04-30")]       // 30 and 31 Jan reach 30 Apr
    [InlineData(TerminationFalls.MonthEnd, "2024-03-15", 1, NoticeUnit.Months, "2024-01-31", "2024-02-29")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-08-15", 3, NoticeUnit.Months, "2025-03-31", "2025-06-30")]     // 31 Mar reaches 30 Jun; 1 Apr reaches 1 Jul
    [InlineData(TerminationFalls.QuarterEnd, "2025-09-30", 3, NoticeUnit.Months, "2025-06-30", "2025-09-30")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-12-31", 3, NoticeUnit.Months, "2025-09-30", "2025-12-31")]     // 30 Sep reaches 30 Dec; 1 Oct reaches 1 Jan
    [InlineData(TerminationFalls.QuarterEnd, "2026-03-31", 3, NoticeUnit.Months, "2025-12-31", "2026-03-31")]     // 31 Dec reaches 31 Mar
    [InlineData(TerminationFalls.FinancialYearEnd, "2026-03-30", 6, NoticeUnit.Months, "2024-09-30", "2025-03-31")] // a day short of the FY end: the one before
    [InlineData(TerminationFalls.FinancialYearEnd, "2026-03-31", 6, NoticeUnit.Months, "2025-09-30", "2026-03-31")]
    [InlineData(TerminationFalls.AcademicYearEnd, "2026-08-31", 6, NoticeUnit.Months, "2026-02-28", "2026-08-31")]  // 28 Feb reaches 28 Aug; 1 Mar reaches 1 Sep
    [InlineData(TerminationFalls.AcademicYearEnd, "2026-07-31", 12, NoticeUnit.Weeks, "2025-06-08", "2025-08-31")]  // 31 Aug 2025 less 84 days: 31 Jul (-31), 30 Jun (-62), 8 Jun (-84)
    public void LatestNoticeDate_AlignmentRule_IsTheReverseOfEarliestExit(TerminationFalls falls, string leaveBy, int amount, NoticeUnit unit, string latest, string exit)
    {
        var rules = LongTerm(falls);
        var notice = new NoticeLength(amount, unit);

        var deadline = NoticeCalculator.LatestNoticeDate(rules, notice, D(leaveBy));

        Assert.Equal(D(latest), deadline.LatestServiceDate);
        Assert.Equal(D(exit), deadline.ExitDate);
        Assert.True(NoticeCalculator.EarliestExit(rules, notice, D(latest)).ExitDate <= D(leaveBy));
        Assert.True(NoticeCalculator.EarliestExit(rules, notice, D(latest).AddDays(1)).ExitDate > D(leaveBy));
    }

    [Fact]
    public void LatestNoticeDate_Found_Explains()
    {
        var deadline = NoticeCalculator.LatestNoticeDate(LongTerm(TerminationFalls.QuarterEnd), NoticeLength.Months(3), D("2025-08-15"));

        Assert.Equal("Serve 3 months notice by 31 March 2025 to end the agreement on 30 June 2025.", deadline.Explanation);
    }

    [Theory]
    [InlineData(TerminationFalls.AnyDay, "2025-01-30", null, null)]                 // before the minimum term ends
    [InlineData(TerminationFalls.AnyDay, "2025-01-31", "2024-10-31", "2025-01-31")]
    [InlineData(TerminationFalls.AnyDay, "2025-06-15", "2025-03-15", "2025-06-15")]
    [InlineData(TerminationFalls.QuarterEnd, "2025-02-15", null, null)]             // quarter end before: 31 Dec 2024, inside the minimum term
    [InlineData(TerminationFalls.QuarterEnd, "2025-03-31", "2024-12-31", "2025-03-31")]
    public void LatestNoticeDate_MinimumTerm_NoDateBeforeItEnds(TerminationFalls falls, string leaveBy, string? latest, string? exit)
    {
        var deadline = NoticeCalculator.LatestNoticeDate(MinimumTerm(falls), NoticeLength.Months(3), D(leaveBy));

        Assert.Equal(OptionalD(latest), deadline.LatestServiceDate);
        Assert.Equal(OptionalD(exit), deadline.ExitDate);
        if (latest is null)
            Assert.Equal("The minimum term runs to 31 January 2025; the agreement cannot end before then.", deadline.Explanation);
    }

    [Theory]
    [InlineData("2025-03-30", null, null)]                   // the current term runs beyond it
    [InlineData("2025-03-31", "2024-12-31", "2025-03-31")]
    [InlineData("2025-09-30", "2024-12-31", "2025-03-31")]   // the period end on or before is still 31 Mar 2025
    [InlineData("2026-03-30", "2024-12-31", "2025-03-31")]
    [InlineData("2026-03-31", "2025-12-31", "2026-03-31")]
    [InlineData("2027-06-01", "2026-12-31", "2027-03-31")]
    public void LatestNoticeDate_RenewingAgreement_ForTheLastPeriodEndByThen(string leaveBy, string? latest, string? exit)
    {
        var deadline = NoticeCalculator.LatestNoticeDate(AnnualRenewal(), NoticeLength.Months(3), D(leaveBy));

        Assert.Equal(OptionalD(latest), deadline.LatestServiceDate);
        Assert.Equal(OptionalD(exit), deadline.ExitDate);
        if (latest is null)
            Assert.Equal("The agreement can first end when its current term ends on 31 March 2025.", deadline.Explanation);
    }

    [Fact]
    public void LatestNoticeDate_RenewingAgreementExtended_FollowsTheCurrentTermNotTheOriginal()
    {
        var partnership = WithTerm(Fixed("2020-04-01", "2025-03-31", renewalMonths: 12, extensionOptions: 1, extensionMonths: 24));
        var before = NoticeCalculator.LatestNoticeForCurrentTerm(partnership.ExitRules, NoticeLength.Months(3), D("2024-06-01"));
        partnership.ExerciseExtension(D("2025-01-10"), 1, null, null);

        var leaveAtOriginalEnd = NoticeCalculator.LatestNoticeDate(partnership.ExitRules, NoticeLength.Months(3), D("2025-03-31"));
        var after = NoticeCalculator.LatestNoticeForCurrentTerm(partnership.ExitRules, NoticeLength.Months(3), D("2025-06-01"));

        Assert.Equal(D("2024-12-31"), before.LatestServiceDate);    // for 31 Mar 2025
        Assert.Null(leaveAtOriginalEnd.LatestServiceDate);           // 31 Mar 2025 is no longer a day it can end
        Assert.Equal(D("2026-12-31"), after.LatestServiceDate);      // for the extended end, 31 Mar 2027
        Assert.Equal(D("2027-03-31"), after.ExitDate);
    }

    [Theory]
    [InlineData("2024-06-01", "2024-12-31", "2025-03-31")]
    [InlineData("2024-12-31", "2024-12-31", "2025-03-31")]   // the last day it can still be served
    [InlineData("2025-01-01", "2025-12-31", "2026-03-31")]   // too late for 31 Mar 2025: the next period
    [InlineData("2025-03-31", "2025-12-31", "2026-03-31")]
    [InlineData("2025-04-01", "2025-12-31", "2026-03-31")]   // in the first renewal
    [InlineData("2026-01-01", "2026-12-31", "2027-03-31")]
    public void LatestNoticeForCurrentTerm_RenewingAgreement_GivesTheFirstPeriodEndStillReachable(string asOf, string latest, string exit)
    {
        var deadline = NoticeCalculator.LatestNoticeForCurrentTerm(AnnualRenewal(), NoticeLength.Months(3), D(asOf));

        Assert.Equal(D(latest), deadline.LatestServiceDate);
        Assert.Equal(D(exit), deadline.ExitDate);
    }

    [Fact]
    public void LatestNoticeForCurrentTerm_TooLate_ExplainsTheNextPeriod()
    {
        var deadline = NoticeCalculator.LatestNoticeForCurrentTerm(AnnualRenewal(), NoticeLength.Months(3), D("2025-01-01"));

        Assert.Equal(
            "Too late to leave on 31 March 2025 (notice was due by 31 December 2024). Serve 3 months notice by 31 December 2025 to end the agreement on 31 March 2026.",
            deadline.Explanation);
    }

    [Fact]
    public void LatestNoticeForCurrentTerm_NoticeLongerThanSeveralPeriods_SkipsToTheFirstReachable()
    {
        // Monthly renewals from 1 Feb 2025: periods end on month ends. With 3 months' notice on 15 Mar 2025:
        //   31 Mar needs notice by 31 Dec 2024, 30 Apr by 31 Jan, 31 May by 28 Feb — all past;
        //   30 Jun needs it by 31 Mar (31 Mar + 3 months = 30 Jun, clamped; 1 Apr reaches 1 Jul).
        var rules = Rules(Fixed("2025-01-01", "2025-01-31", renewalMonths: 1));

        var deadline = NoticeCalculator.LatestNoticeForCurrentTerm(rules, NoticeLength.Months(3), D("2025-03-15"));

        Assert.Equal(D("2025-03-31"), deadline.LatestServiceDate);
        Assert.Equal(D("2025-06-30"), deadline.ExitDate);
        Assert.StartsWith("Too late to leave on 31 March 2025 (notice was due by 31 December 2024). ", deadline.Explanation);
    }

    [Fact]
    public void LatestNoticeForCurrentTerm_FixedTerm_SaysItEndsAnyway()
    {
        var deadline = NoticeCalculator.LatestNoticeForCurrentTerm(Rules(Fixed("2024-04-01", "2025-03-31")), NoticeLength.Months(3), D("2024-06-01"));

        Assert.Equal(D("2024-12-31"), deadline.LatestServiceDate);
        Assert.Equal(D("2025-03-31"), deadline.ExitDate);
        Assert.Equal(
            "Serve 3 months notice by 31 December 2024 to end the agreement on 31 March 2025. The term does not renew: it ends on 31 March 2025 even without notice.",
            deadline.Explanation);
    }

    [Fact]
    public void LatestNoticeForCurrentTerm_OpenEnded_HasNoDeadline()
    {
        var deadline = NoticeCalculator.LatestNoticeForCurrentTerm(Rules(new Term(D("2024-04-01"), TermEndKind.OpenEnded)), NoticeLength.Months(3), D("2024-06-01"));

        Assert.Null(deadline.LatestServiceDate);
        Assert.Null(deadline.ExitDate);
        Assert.Equal("The current term has no end date, so there is no end of term to give notice for.", deadline.Explanation);
    }

    [Fact]
    public void LatestNoticeForCurrentTerm_MinimumTermLongerThanTheTerm_HasNoDeadline()
    {
        var rules = Rules(Fixed("2024-04-01", "2025-03-31", minimumMonths: 24));

        var deadline = NoticeCalculator.LatestNoticeForCurrentTerm(rules, NoticeLength.Months(3), D("2024-06-01"));

        Assert.Null(deadline.LatestServiceDate);
        Assert.Equal("The minimum term runs to 31 March 2026; the agreement cannot end before then.", deadline.Explanation);
    }
}
