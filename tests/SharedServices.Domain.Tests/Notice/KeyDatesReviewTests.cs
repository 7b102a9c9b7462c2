using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Notice;

/// <summary>Cases a review of the key-dates slice found wanting; each failed before its fix.</summary>
public sealed class KeyDatesReviewTests
{
    private static Partnership Make(Term term, int noticeMonths = 3)
    {
        var partnership = new Partnership("review-case", "Review case", PartnershipKind.TradedServices,
            [new PartnershipParty(1, PartyRole.Provider), new PartnershipParty(2, PartyRole.Recipient)]);
        partnership.SetTerm(term, [new NoticePeriod(2, NoticeLength.Months(noticeMonths), false, null)]);
        return partnership;
    }

    [Fact]
    public void LatestNoticeForCurrentTerm_MinimumTermBeyondThisPeriod_AimsForTheFirstPeriodAfterIt()
    {
        // Renews yearly from 31 March 2025; the 24-month minimum runs to 31 March 2026, so the first exit is then,
        // and 3 months' notice must be served by 31 December 2025.
        var partnership = Make(new Term(D("2024-04-01"), TermEndKind.FixedDate, D("2025-03-31"), minimumTermMonths: 24, renewalMonths: 12));

        var deadline = NoticeCalculator.LatestNoticeForCurrentTerm(partnership.ExitRules, NoticeLength.Months(3), D("2025-01-01"));

        Assert.Equal((D("2025-12-31"), D("2026-03-31")), (deadline.LatestServiceDate, deadline.ExitDate));
    }

    [Fact]
    public void EarliestExit_FixedTermEndsFirst_AgreementEndsWithTheTerm()
    {
        // 6 months from 1 January 2026 is 1 July, aligned to the quarter end 30 September; the term ends 15 May anyway.
        var partnership = Make(new Term(D("2024-05-16"), TermEndKind.FixedDate, D("2026-05-15"), terminationFalls: TerminationFalls.QuarterEnd), 6);

        var estimate = NoticeCalculator.EarliestExit(partnership.ExitRules, NoticeLength.Months(6), D("2026-01-01"));
        var notice = partnership.ServeNotice(2, D("2026-01-01"), null, null, null, null);

        Assert.Equal(D("2026-09-30"), estimate.ExitDate);
        Assert.Equal(D("2026-05-15"), estimate.AgreementEnds);
        Assert.Equal(D("2026-05-15"), notice.ExitDate);
    }

    [Fact]
    public void ServeNotice_AfterTheTermRanOut_IsRefused()
    {
        var partnership = Make(new Term(D("2020-04-01"), TermEndKind.FixedDate, D("2022-03-31")));

        var error = Assert.Throws<DomainException>(() => partnership.ServeNotice(2, D("2024-01-01"), null, null, null, null));

        Assert.Equal("The agreement had already ended by 1 January 2024, so notice cannot be served then.", error.Message);
        Assert.Empty(partnership.Events);
    }

    [Fact]
    public void ExerciseExtension_DatedBeforeAVariationThatMovedTheEnd_IsRefused()
    {
        var partnership = Make(new Term(D("2023-04-01"), TermEndKind.FixedDate, D("2025-03-31"), extensionOptions: 2, extensionMonths: 12));
        partnership.Vary(D("2024-06-01"), D("2025-12-31"), "Extended to the end of 2025", null);

        var error = Assert.Throws<DomainException>(() => partnership.ExerciseExtension(D("2024-01-01"), null, null, null));

        Assert.Contains("1 June 2024", error.Message);
        Assert.Equal(D("2025-12-31"), partnership.CurrentTermEnd);
        Assert.Equal(0, partnership.ExtensionsExercised);
    }
}
