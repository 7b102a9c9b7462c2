using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.Notice.NoticeTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Notice;

public class PartnershipHistoryTests
{
    [Fact]
    public void SetTerm_FixedTerm_StoresTheDates()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2026-03-31"));

        Assert.Equal(D("2024-04-01"), partnership.StartedOn);
        Assert.Equal(D("2026-03-31"), partnership.CurrentTermEnd);
        Assert.False(partnership.Renews);
        Assert.Null(partnership.NoticeServedOn);
        Assert.Null(partnership.NoticeExitOn);
        Assert.Null(partnership.TerminatedOn);
        Assert.Equal(D("2026-03-31"), partnership.EndsOn);   // a term that does not renew ends then
    }

    [Fact]
    public void SetTerm_RenewingTerm_HasNoEnd()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2025-03-31", renewalMonths: 12));

        Assert.True(partnership.Renews);
        Assert.Equal(D("2025-03-31"), partnership.CurrentTermEnd);
        Assert.Null(partnership.EndsOn);
    }

    [Fact]
    public void SetTerm_OpenEnded_HasNoEnd()
    {
        var partnership = WithTerm(new Term(D("2024-04-01"), TermEndKind.OpenEnded));

        Assert.Equal(D("2024-04-01"), partnership.StartedOn);
        Assert.Null(partnership.CurrentTermEnd);
        Assert.Null(partnership.EndsOn);
    }

    [Fact]
    public void MinimumTermEnd_CountsFromTheStart()
    {
        // 12 months from 1 Feb 2024: 1 Feb 2025 less a day.
        var partnership = WithTerm(Fixed("2024-02-01", "2030-01-31", minimumMonths: 12));

        Assert.Equal(D("2025-01-31"), partnership.MinimumTermEnd);
        Assert.Equal(D("2025-01-31"), partnership.ExitRules.MinimumTermEnd);
    }

    [Fact]
    public void RecordCommencement_TermWithoutStart_SetsTheStart()
    {
        var partnership = WithTerm(new Term(null, TermEndKind.NotStated, minimumTermMonths: 12));

        var entry = partnership.RecordCommencement(D("2024-03-05"), "Officer decision entered the contract", null);

        Assert.Equal(PartnershipEventKind.Commenced, entry.Kind);
        Assert.Equal(D("2024-03-05"), partnership.StartedOn);
        Assert.Equal(D("2025-03-04"), partnership.MinimumTermEnd);   // 5 Mar 2025 less a day
        Assert.Null(partnership.CurrentTermEnd);
        Assert.Null(partnership.EndsOn);
    }

    [Fact]
    public void RecordCommencement_TermHasAStart_Throws()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());

        var ex = Assert.Throws<DomainException>(() => partnership.RecordCommencement(D("2013-07-01"), null, null));

        Assert.Equal("The term already starts on 1 July 2013; change the term instead.", ex.Message);
    }

    [Fact]
    public void RecordCommencement_Twice_Throws()
    {
        var partnership = WithTerm(Term.Unknown);
        partnership.RecordCommencement(D("2024-03-05"), null, null);

        var ex = Assert.Throws<DomainException>(() => partnership.RecordCommencement(D("2024-04-01"), null, null));

        Assert.Equal("The history already records when the agreement began.", ex.Message);
    }

    [Fact]
    public void ExerciseExtension_WithinTheOptions_ExtendsAndCounts()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 2, extensionMonths: 12));

        var first = partnership.ExerciseExtension(D("2018-03-01"), 1, "Cabinet agreed a further year", null);

        Assert.Equal(PartnershipEventKind.ExtensionExercised, first.Kind);
        Assert.Equal(12, first.ExtensionMonths);
        Assert.Equal(1, first.OrganisationId);
        Assert.Equal(1, partnership.ExtensionsExercised);
        Assert.Equal(D("2019-06-30"), partnership.CurrentTermEnd);
        Assert.Equal(D("2019-06-30"), partnership.EndsOn);

        // The second can be exercised up to the new end, which is after the original one.
        partnership.ExerciseExtension(D("2019-06-30"), null, null, null);

        Assert.Equal(2, partnership.ExtensionsExercised);
        Assert.Equal(D("2020-06-30"), partnership.CurrentTermEnd);
    }

    [Fact]
    public void ExerciseExtension_AllUsed_Throws()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 2, extensionMonths: 12));
        partnership.ExerciseExtension(D("2018-03-01"), 1, null, null);
        partnership.ExerciseExtension(D("2019-03-01"), 1, null, null);

        var ex = Assert.Throws<DomainException>(() => partnership.ExerciseExtension(D("2020-03-01"), 1, null, null));

        Assert.Equal("All 2 extension options have been exercised.", ex.Message);
        Assert.Equal(D("2020-06-30"), partnership.CurrentTermEnd);
    }

    [Fact]
    public void ExerciseExtension_NoOptions_Throws()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());

        var ex = Assert.Throws<DomainException>(() => partnership.ExerciseExtension(D("2018-03-01"), 1, null, null));

        Assert.Equal("The term has no extension options; record a variation instead.", ex.Message);
    }

    [Fact]
    public void ExerciseExtension_EndUnknown_Throws()
    {
        var partnership = WithTerm(new Term(D("2024-04-01"), TermEndKind.OpenEnded, extensionOptions: 1, extensionMonths: 12));

        var ex = Assert.Throws<DomainException>(() => partnership.ExerciseExtension(D("2025-03-01"), 1, null, null));

        Assert.Equal("The current term's end is not known, so an extension cannot be added to it.", ex.Message);
    }

    [Fact]
    public void ExerciseExtension_AfterTheEnd_Throws()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 2, extensionMonths: 12));

        var ex = Assert.Throws<DomainException>(() => partnership.ExerciseExtension(D("2018-07-01"), 1, null, null));

        Assert.Equal("An extension must be exercised by the end of the current term, 30 June 2018.", ex.Message);
        Assert.Equal(0, partnership.ExtensionsExercised);
    }

    [Fact]
    public void ExerciseExtension_NotAParty_Throws()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 2, extensionMonths: 12));

        var ex = Assert.Throws<DomainException>(() => partnership.ExerciseExtension(D("2018-03-01"), 3, null, null));

        Assert.Equal("Choose a party to the partnership.", ex.Message);
    }

    [Fact]
    public void ExerciseExtension_AfterTermination_Throws()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 2, extensionMonths: 12));
        partnership.Terminate(D("2016-12-31"), null, null);

        var ex = Assert.Throws<DomainException>(() => partnership.ExerciseExtension(D("2017-01-01"), 1, null, null));

        Assert.Equal("The agreement was terminated on 31 December 2016; nothing can happen to it after that.", ex.Message);
    }

    [Fact]
    public void Vary_NewEnd_MovesTheCurrentTermEnd()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());

        var entry = partnership.Vary(D("2016-01-01"), D("2019-03-31"), " Extended to the financial year end ", null);

        Assert.Equal(PartnershipEventKind.Variation, entry.Kind);
        Assert.Equal(D("2019-03-31"), entry.NewEndDate);
        Assert.Equal("Extended to the financial year end", entry.Description);
        Assert.Equal(D("2019-03-31"), partnership.CurrentTermEnd);
        Assert.Equal(D("2019-03-31"), partnership.EndsOn);
    }

    [Fact]
    public void Vary_NoNewEnd_KeepsTheEnd()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());

        partnership.Vary(D("2016-01-01"), null, "Safeguarding added to the scope", null);

        Assert.Equal(D("2018-06-30"), partnership.CurrentTermEnd);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Vary_NoDescription_Throws(string description)
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());

        var ex = Assert.Throws<DomainException>(() => partnership.Vary(D("2016-01-01"), null, description, null));

        Assert.Equal("Say what the variation changed.", ex.Message);
    }

    [Fact]
    public void Vary_NewEndBeforeTheStart_Throws()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());

        var ex = Assert.Throws<DomainException>(() => partnership.Vary(D("2016-01-01"), D("2013-06-30"), "Backdated", null));

        Assert.Equal("The new end (30 June 2013) is before the agreement began (1 July 2013).", ex.Message);
    }

    [Fact]
    public void ServeNotice_NoticePeriodStated_WorksOutTheExit()
    {
        // 6 months from 15 Jan 2025 runs to 15 Jul 2025; termination falls at a quarter end: 30 Sep 2025.
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31", TerminationFalls.QuarterEnd), MonthsNotice(1, 6));

        var entry = partnership.ServeNotice(1, D("2025-01-15"), null, null, "Letter from the director", null);

        Assert.Equal(PartnershipEventKind.NoticeServed, entry.Kind);
        Assert.Equal(1, entry.OrganisationId);
        Assert.Equal(D("2025-09-30"), entry.ExitDate);
        Assert.Null(entry.ExitOverrideReason);
        Assert.Equal(D("2025-01-15"), partnership.NoticeServedOn);
        Assert.Equal(D("2025-09-30"), partnership.NoticeExitOn);
        Assert.Equal(D("2025-09-30"), partnership.EndsOn);
    }

    [Fact]
    public void ServeNotice_RenewingAgreement_ExitsAtThePeriodEnd()
    {
        // 3 months from 1 Jan 2025 runs to 1 Apr 2025, a day after the period ends: out on 31 Mar 2026.
        var partnership = WithTerm(Fixed("2024-04-01", "2025-03-31", renewalMonths: 12), MonthsNotice(2, 3));

        partnership.ServeNotice(2, D("2025-01-01"), null, null, null, null);

        Assert.Equal(D("2026-03-31"), partnership.NoticeExitOn);
        Assert.Equal(D("2026-03-31"), partnership.EndsOn);
    }

    [Fact]
    public void ServeNotice_OverrideSameAsComputed_NeedsNoReasonAndKeepsNone()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31", TerminationFalls.QuarterEnd), MonthsNotice(1, 6));

        var entry = partnership.ServeNotice(1, D("2025-01-15"), D("2025-09-30"), "not needed", null, null);

        Assert.Equal(D("2025-09-30"), entry.ExitDate);
        Assert.Null(entry.ExitOverrideReason);
    }

    [Fact]
    public void ServeNotice_OverrideWithoutReason_Throws()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31", TerminationFalls.QuarterEnd), MonthsNotice(1, 6));

        var ex = Assert.Throws<DomainException>(() => partnership.ServeNotice(1, D("2025-01-15"), D("2025-06-30"), " ", null, null));

        Assert.Equal("The notice period gives an exit of 30 September 2025; say why the exit date is different.", ex.Message);
        Assert.Null(partnership.NoticeServedOn);
    }

    [Fact]
    public void ServeNotice_OverrideWithReason_KeepsTheChosenExit()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31", TerminationFalls.QuarterEnd), MonthsNotice(1, 6));

        var entry = partnership.ServeNotice(1, D("2025-01-15"), D("2025-03-31"), " Exit agreed at the year end by both councils ", null, null);

        Assert.Equal(D("2025-03-31"), partnership.NoticeExitOn);
        Assert.Equal("Exit agreed at the year end by both councils", entry.ExitOverrideReason);
    }

    [Fact]
    public void ServeNotice_OverrideBeforeService_Throws()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6));

        var ex = Assert.Throws<DomainException>(() => partnership.ServeNotice(1, D("2025-01-15"), D("2025-01-14"), "typo", null, null));

        Assert.Equal("The exit date cannot be before notice is served.", ex.Message);
    }

    [Fact]
    public void ServeNotice_NoticeNotStatedAndNoExit_Throws()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), UnstatedNotice(2));

        var ex = Assert.Throws<DomainException>(() => partnership.ServeNotice(2, D("2025-01-15"), null, null, null, null));

        Assert.Equal("This party's notice period is not stated, so enter the exit date and the reason for it.", ex.Message);
    }

    [Fact]
    public void ServeNotice_NoticeNotStatedExitWithoutReason_Throws()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));

        var ex = Assert.Throws<DomainException>(() => partnership.ServeNotice(2, D("2025-01-15"), D("2025-06-30"), null, null, null));

        Assert.Equal("This party's notice period is not stated, so give the reason for the exit date you enter.", ex.Message);
    }

    [Fact]
    public void ServeNotice_NoticeNotStatedExitWithReason_Records()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), UnstatedNotice(2));

        var entry = partnership.ServeNotice(2, D("2025-01-15"), D("2025-06-30"), "Date in the council's letter", null, null);

        Assert.Equal(D("2025-06-30"), entry.ExitDate);
        Assert.Equal("Date in the council's letter", entry.ExitOverrideReason);
        Assert.Equal(D("2025-06-30"), partnership.EndsOn);
    }

    [Fact]
    public void ServeNotice_NotAParty_Throws()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6));

        var ex = Assert.Throws<DomainException>(() => partnership.ServeNotice(3, D("2025-01-15"), null, null, null, null));

        Assert.Equal("Only a party to the partnership can serve notice.", ex.Message);
    }

    [Fact]
    public void ServeNotice_Twice_Throws()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6), MonthsNotice(2, 6));
        partnership.ServeNotice(1, D("2025-01-15"), null, null, null, null);

        var ex = Assert.Throws<DomainException>(() => partnership.ServeNotice(2, D("2025-02-15"), null, null, null, null));

        Assert.Equal("Notice has already been served; remove that entry first if it was recorded in error.", ex.Message);
    }

    [Fact]
    public void ServeNotice_AfterTermination_Throws()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6));
        partnership.Terminate(D("2024-12-31"), null, null);

        var ex = Assert.Throws<DomainException>(() => partnership.ServeNotice(1, D("2025-01-15"), null, null, null, null));

        Assert.Equal("The agreement was terminated on 31 December 2024; nothing can happen to it after that.", ex.Message);
    }

    [Fact]
    public void Terminate_LastDay_StoredAndEndsTheAgreement()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6));
        partnership.ServeNotice(1, D("2025-01-15"), null, null, null, null);   // exit 15 Jul 2025

        var entry = partnership.Terminate(D("2025-03-31"), "Ended early by agreement", null);

        Assert.Equal(PartnershipEventKind.Terminated, entry.Kind);
        Assert.Equal(D("2025-03-31"), partnership.TerminatedOn);
        Assert.Equal(D("2025-07-15"), partnership.NoticeExitOn);
        Assert.Equal(D("2025-03-31"), partnership.EndsOn);   // the termination wins over the notice exit
    }

    [Fact]
    public void Terminate_Twice_Throws()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));
        partnership.Terminate(D("2025-03-31"), null, null);

        var ex = Assert.Throws<DomainException>(() => partnership.Terminate(D("2025-06-30"), null, null));

        Assert.Equal("The agreement is already recorded as terminated.", ex.Message);
    }

    [Fact]
    public void Terminate_BeforeTheStart_Throws()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());

        var ex = Assert.Throws<DomainException>(() => partnership.Terminate(D("2013-06-30"), null, null));

        Assert.Equal("The agreement cannot end (30 June 2013) before it began (1 July 2013).", ex.Message);
    }

    [Fact]
    public void Terminate_OnTheFirstDay_IsAllowed()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());

        partnership.Terminate(D("2013-07-01"), null, null);

        Assert.Equal(D("2013-07-01"), partnership.EndsOn);
    }

    [Fact]
    public void RemoveEvent_Notice_ClearsTheNoticeDates()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6));
        WithId(partnership.ServeNotice(1, D("2025-01-15"), null, null, null, null), 7);

        partnership.RemoveEvent(7);

        Assert.Empty(partnership.Events);
        Assert.Null(partnership.NoticeServedOn);
        Assert.Null(partnership.NoticeExitOn);
        Assert.Equal(D("2030-03-31"), partnership.EndsOn);
    }

    [Fact]
    public void RemoveEvent_Termination_ClearsTheLastDay()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"));
        WithId(partnership.Terminate(D("2025-03-31"), null, null), 4);

        partnership.RemoveEvent(4);

        Assert.Null(partnership.TerminatedOn);
        Assert.Equal(D("2030-03-31"), partnership.EndsOn);
    }

    [Fact]
    public void RemoveEvent_LaterExtensionFirst_ThenTheEarlierOne()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 2, extensionMonths: 12));
        WithId(partnership.ExerciseExtension(D("2018-03-01"), 1, null, null), 1);
        WithId(partnership.ExerciseExtension(D("2019-03-01"), 1, null, null), 2);

        var ex = Assert.Throws<DomainException>(() => partnership.RemoveEvent(1));
        Assert.Equal("Remove the later extension first.", ex.Message);

        partnership.RemoveEvent(2);
        Assert.Equal(D("2019-06-30"), partnership.CurrentTermEnd);
        partnership.RemoveEvent(1);
        Assert.Equal(D("2018-06-30"), partnership.CurrentTermEnd);
        Assert.Equal(0, partnership.ExtensionsExercised);
    }

    [Fact]
    public void RemoveEvent_Variation_RestoresTheEnd()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());
        WithId(partnership.Vary(D("2016-01-01"), D("2017-03-31"), "Shortened", null), 3);

        partnership.RemoveEvent(3);

        Assert.Equal(D("2018-06-30"), partnership.CurrentTermEnd);
    }

    [Fact]
    public void RemoveEvent_Commencement_ClearsTheStart()
    {
        var partnership = WithTerm(Term.Unknown);
        WithId(partnership.RecordCommencement(D("2024-03-05"), null, null), 9);

        partnership.RemoveEvent(9);

        Assert.Null(partnership.StartedOn);
    }

    [Fact]
    public void RemoveEvent_UnknownId_Throws()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());

        var ex = Assert.Throws<DomainException>(() => partnership.RemoveEvent(42));

        Assert.Equal("That history entry is not part of this partnership.", ex.Message);
    }

    [Fact]
    public void NoticeFor_Party_GivesItsLengthOrNull()
    {
        var partnership = WithTerm(Fixed("2024-04-01", "2030-03-31"), MonthsNotice(1, 6), UnstatedNotice(2));

        Assert.Equal(NoticeLength.Months(6), partnership.NoticeFor(1));
        Assert.Null(partnership.NoticeFor(2));
        Assert.Null(partnership.NoticeFor(3));
    }
}
