using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.Notice.NoticeTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Notice;

public class PartnershipStatusTests
{
    [Theory]
    [InlineData("2000-01-01")]
    [InlineData("2030-01-01")]
    public void StatusOn_NoStart_IsProposed(string date)
    {
        var partnership = WithTerm(Term.Unknown);
        partnership.AddDecision(Decision("2024-01-10", null));   // even once decided: no start date yet

        Assert.Equal(PartnershipStatus.Proposed, partnership.StatusOn(D(date)));
    }

    [Theory]
    [InlineData("2025-01-09", PartnershipStatus.Proposed)]   // the day before the decision
    [InlineData("2025-01-10", PartnershipStatus.Approved)]   // decided, not yet started
    [InlineData("2025-03-31", PartnershipStatus.Approved)]
    [InlineData("2025-04-01", PartnershipStatus.Active)]     // the first day
    public void StatusOn_FutureStartWithADecision_IsApprovedUntilItStarts(string date, PartnershipStatus expected)
    {
        var partnership = WithTerm(Fixed("2025-04-01", "2028-03-31"));
        partnership.AddDecision(Decision("2025-01-10", "2025-01-11"));

        Assert.Equal(expected, partnership.StatusOn(D(date)));
    }

    [Fact]
    public void StatusOn_FutureStartWithoutDecision_IsProposed()
    {
        var partnership = WithTerm(Fixed("2025-04-01", "2028-03-31"));

        Assert.Equal(PartnershipStatus.Proposed, partnership.StatusOn(D("2025-03-31")));
    }

    [Theory]
    [InlineData("2024-04-01", PartnershipStatus.Active)]
    [InlineData("2025-03-31", PartnershipStatus.Active)]   // the last day is inclusive
    [InlineData("2025-04-01", PartnershipStatus.Ended)]    // the term ran out
    [InlineData("2030-01-01", PartnershipStatus.Ended)]
    public void StatusOn_FixedTerm_EndsTheDayAfterItsLastDay(string date, PartnershipStatus expected)
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2025-03-31"));

        Assert.Equal(expected, partnership.StatusOn(D(date)));
    }

    [Theory]
    [InlineData("2025-04-01")]
    [InlineData("2040-01-01")]
    public void StatusOn_RenewingTermAfterItsFirstEnd_StaysActive(string date)
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2025-03-31", renewalMonths: 12));

        Assert.Equal(PartnershipStatus.Active, partnership.StatusOn(D(date)));
    }

    [Fact]
    public void StatusOn_OpenEnded_StaysActive()
    {
        var partnership = WithTerm(new Term(D("2024-04-01"), TermEndKind.OpenEnded));

        Assert.Equal(PartnershipStatus.Active, partnership.StatusOn(D("2040-01-01")));
    }

    [Fact]
    public void StatusOn_ExtendedTerm_ActiveUntilTheNewEnd()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 1, extensionMonths: 12));
        partnership.ExerciseExtension(D("2018-03-01"), 1, null, null);

        Assert.Equal(PartnershipStatus.Active, partnership.StatusOn(D("2019-06-30")));
        Assert.Equal(PartnershipStatus.Ended, partnership.StatusOn(D("2019-07-01")));
    }

    [Theory]
    [InlineData("2025-01-14", PartnershipStatus.Active)]
    [InlineData("2025-01-15", PartnershipStatus.InNotice)]   // the day notice is served
    [InlineData("2025-07-15", PartnershipStatus.InNotice)]   // the exit day is the last day
    [InlineData("2025-07-16", PartnershipStatus.Ended)]      // the notice has taken effect
    public void StatusOn_NoticeServed_InNoticeUntilTheExitThenEnded(string date, PartnershipStatus expected)
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6));
        partnership.ServeNotice(1, D("2025-01-15"), null, null, null, null);   // 6 months: exit 15 Jul 2025

        Assert.Equal(expected, partnership.StatusOn(D(date)));
    }

    [Theory]
    [InlineData("2024-12-31", PartnershipStatus.Active)]
    [InlineData("2025-01-01", PartnershipStatus.Terminated)]
    public void StatusOn_Terminated_AfterTheLastDay(string date, PartnershipStatus expected)
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));
        partnership.Terminate(D("2024-12-31"), null, null);

        Assert.Equal(expected, partnership.StatusOn(D(date)));
    }

    [Fact]
    public void StatusOn_TerminatedDuringNotice_IsTerminatedNotEnded()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6));
        partnership.ServeNotice(1, D("2025-01-15"), null, null, null, null);   // exit 15 Jul 2025
        partnership.Terminate(D("2025-07-15"), null, null);

        Assert.Equal(PartnershipStatus.InNotice, partnership.StatusOn(D("2025-07-15")));
        Assert.Equal(PartnershipStatus.Terminated, partnership.StatusOn(D("2025-07-16")));
    }

    // Hampshire and the Isle of Wight: from 1 July 2013 for up to five years (to 30 June 2018), ran on and was
    // terminated with 31 January 2024 as its last day. "As of" means as of: until that last day nothing recorded says
    // it ran on past 30 June 2018 (the sources do not record the extension), so it reads Ended in between; on its
    // last day the termination shows it ran on until then.
    [Theory]
    [InlineData("2013-06-30", PartnershipStatus.Proposed)]
    [InlineData("2013-07-01", PartnershipStatus.Active)]
    [InlineData("2018-06-30", PartnershipStatus.Active)]
    [InlineData("2018-07-01", PartnershipStatus.Ended)]
    [InlineData("2020-01-01", PartnershipStatus.Ended)]
    [InlineData("2024-01-31", PartnershipStatus.Active)]
    [InlineData("2024-02-01", PartnershipStatus.Terminated)]
    public void StatusOn_TerminatedAfterTheTermEnd_UsesOnlyWhatWasRecordedByThen(string date, PartnershipStatus expected)
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());
        partnership.Terminate(D("2024-01-31"), null, null);

        Assert.Equal(D("2018-06-30"), partnership.CurrentTermEnd);
        Assert.Equal(expected, partnership.StatusOn(D(date)));
    }

    [Theory]
    // date, startedOn, decided, served, exit, terminated, renews, termEnd, expected
    [InlineData("2025-01-01", null, false, null, null, null, false, null, PartnershipStatus.Proposed)]
    [InlineData("2025-01-01", null, true, null, null, null, false, null, PartnershipStatus.Proposed)]
    [InlineData("2025-01-01", "2025-04-01", true, null, null, null, false, "2026-03-31", PartnershipStatus.Approved)]
    [InlineData("2025-01-01", "2025-04-01", false, null, null, null, false, "2026-03-31", PartnershipStatus.Proposed)]
    [InlineData("2025-04-01", "2025-04-01", false, null, null, null, false, "2026-03-31", PartnershipStatus.Active)]
    [InlineData("2026-04-01", "2025-04-01", false, null, null, null, false, "2026-03-31", PartnershipStatus.Ended)]
    [InlineData("2026-04-01", "2025-04-01", false, null, null, null, true, "2026-03-31", PartnershipStatus.Active)]
    [InlineData("2025-06-01", "2025-04-01", false, "2025-06-01", "2025-12-01", null, false, "2026-03-31", PartnershipStatus.InNotice)]
    [InlineData("2025-12-02", "2025-04-01", false, "2025-06-01", "2025-12-01", null, false, "2026-03-31", PartnershipStatus.Ended)]
    [InlineData("2025-12-02", "2025-04-01", false, "2025-06-01", "2025-12-01", "2025-12-01", false, "2026-03-31", PartnershipStatus.Terminated)]
    [InlineData("2027-01-01", "2025-04-01", false, null, null, "2026-12-31", false, "2026-03-31", PartnershipStatus.Terminated)]
    [InlineData("2026-12-31", "2025-04-01", false, null, null, "2026-12-31", false, "2026-03-31", PartnershipStatus.Active)]
    public void On_Columns_GiveTheStatus(string date, string? startedOn, bool decided, string? served, string? exit, string? terminated,
        bool renews, string? termEnd, PartnershipStatus expected)
    {
        var status = PartnershipStatusRule.On(D(date), OptionalD(startedOn), decided, OptionalD(served), OptionalD(exit),
            OptionalD(terminated), renews, OptionalD(termEnd));

        Assert.Equal(expected, status);
    }
}
