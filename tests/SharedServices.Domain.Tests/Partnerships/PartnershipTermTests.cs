using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;
using static SharedServices.Domain.Tests.Partnerships.TestPartnerships;

namespace SharedServices.Domain.Tests.Partnerships;

/// <summary>A partnership's term, notice periods and end: the dates a director asks about.</summary>
public class PartnershipTermTests
{
    [Fact]
    public void StatusOn_TermRunOutWithNoRecordedEnd_IsEndedAtTermEnd()
    {
        // A source may say an agreement has ended without saying when: no termination is recorded, never invented,
        // and the term's end stands as the end.
        var partnership = SccIwc();
        partnership.SetTerm(new Term(D("2012-09-01"), TermEndKind.FixedDate, D("2015-08-31")), []);

        Assert.Equal(PartnershipStatus.Ended, partnership.StatusOn(D("2016-01-01")));
        Assert.Null(partnership.TerminatedOn);
        Assert.Equal(D("2015-08-31"), partnership.EndsOn);
    }

    [Fact]
    public void StatusOn_BeforeStartWithoutDecision_IsProposed()
    {
        var p = SccIwc();
        p.SetTerm(FiveYearsFromJuly2013, []);

        Assert.Equal(PartnershipStatus.Proposed, p.StatusOn(D("2013-06-30")));
        Assert.Equal(PartnershipStatus.Active, p.StatusOn(D("2013-07-01")));
        Assert.Equal(PartnershipStatus.Active, p.StatusOn(D("2018-06-30")));
        Assert.Equal(PartnershipStatus.Ended, p.StatusOn(D("2018-07-01")));
    }

    [Fact]
    public void Terminate_BeforeTermStart_Throws()
    {
        var p = SccIwc();
        p.SetTerm(FiveYearsFromJuly2013, []);

        var ex = Assert.Throws<DomainException>(() => p.Terminate(D("2013-06-30"), null, null));

        Assert.Equal("The agreement cannot end (30 June 2013) before it began (1 July 2013).", ex.Message);
        Assert.Null(p.TerminatedOn);
        Assert.Equal(PartnershipStatus.Active, p.StatusOn(D("2014-01-01")));
    }

    [Fact]
    public void Terminate_OnStartDay_IsAccepted()
    {
        var p = SccIwc();
        p.SetTerm(FiveYearsFromJuly2013, []);
        p.UpdateDetails("Education", PartnershipKind.TradedServices, " s113 ", " ", null);

        p.Terminate(D("2013-07-01"), null, new SourceReference("002_d8d0be62417717b0.txt", "item 3"));

        Assert.Equal(D("2013-07-01"), p.TerminatedOn);
        Assert.Equal(D("2013-07-01"), p.EndsOn);
        Assert.Equal(PartnershipStatus.Active, p.StatusOn(D("2013-07-01")));   // its last day
        Assert.Equal(PartnershipStatus.Terminated, p.StatusOn(D("2013-07-02")));
        var terminated = Assert.Single(p.Events);
        Assert.Equal(PartnershipEventKind.Terminated, terminated.Kind);
        Assert.Equal("002_d8d0be62417717b0.txt, item 3", terminated.Source?.ToString());
        Assert.Equal("s113", p.LegalBasis);
        Assert.Null(p.Summary);
    }

    [Fact]
    public void SetTerm_StartAfterPartnershipEnded_Throws()
    {
        var p = SccIwc();
        End(p, "2013-06-30");

        var ex = Assert.Throws<DomainException>(() => p.SetTerm(FiveYearsFromJuly2013, []));

        Assert.Equal("The term cannot start (1 July 2013) after the partnership ended (30 June 2013).", ex.Message);
    }

    [Fact]
    public void SetTerm_NoticeForNonParty_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => SccIwc().SetTerm(FiveYearsFromJuly2013, [SixMonthsNotice(1), SixMonthsNotice(3)]));

        Assert.Equal("A notice period can only be set for a party to the partnership.", ex.Message);
    }

    [Fact]
    public void SetTerm_TwoNoticesForOneParty_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => SccIwc().SetTerm(FiveYearsFromJuly2013, [SixMonthsNotice(1), SixMonthsNotice(1)]));

        Assert.Equal("Give each party one notice period.", ex.Message);
    }

    [Fact]
    public void SetTerm_ValidNotices_ReplacesTermAndNotices()
    {
        var p = SccIwc();

        p.SetTerm(FiveYearsFromJuly2013, [SixMonthsNotice(1), SixMonthsNotice(2)]);

        Assert.Equal(TermEndKind.UpToYears, p.Term.EndKind);
        Assert.Equal(new[] { 1, 2 }, p.NoticePeriods.Select(n => n.OrganisationId));
    }

    [Fact]
    public void EndsOn_UpToYears_IsLatestEndOfTerm()
    {
        var p = SccIwc();
        p.SetTerm(FiveYearsFromJuly2013, []);

        Assert.Equal(D("2018-06-30"), p.EndsOn);
    }

    [Fact]
    public void EndsOn_TerminatedEarly_IsTerminatedOn()
    {
        var p = SccIwc();
        p.SetTerm(FiveYearsFromJuly2013, []);
        End(p, "2016-03-31");

        Assert.Equal(D("2016-03-31"), p.EndsOn);
        Assert.Equal(PartnershipStatus.Terminated, p.StatusOn(D("2016-04-01")));
    }

    [Fact]
    public void EndsOn_TermUnknownAndNotEnded_IsNull()
    {
        Assert.Null(SccIwc().EndsOn);
    }
}
