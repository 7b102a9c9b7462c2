using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;
using static SharedServices.Domain.Tests.Partnerships.TestPartnerships;

namespace SharedServices.Domain.Tests.Partnerships;

/// <summary>A partnership's term, notice periods and end: the dates a director asks about.</summary>
public class PartnershipTermTests
{
    [Fact]
    public void UpdateDetails_EndedWithoutDate_FallsBackToTermEnd()
    {
        // A source may say an agreement has ended without saying when: the end date stays unknown, never invented.
        var partnership = SccIwc();
        partnership.SetTerm(new Term(D("2012-09-01"), TermEndKind.FixedDate, D("2015-08-31")), []);

        partnership.UpdateDetails("Education", PartnershipKind.TradedServices, PartnershipStatus.Ended, null, null, null, null);

        Assert.Null(partnership.EndedOn);
        Assert.Equal(D("2015-08-31"), partnership.EffectiveEndDate);
    }

    [Theory]
    [InlineData(PartnershipStatus.Active)]
    [InlineData(PartnershipStatus.Proposed)]
    public void UpdateDetails_DateWithoutEndedStatus_Throws(PartnershipStatus status)
    {
        var ex = Assert.Throws<DomainException>(() =>
            SccIwc().UpdateDetails("Education", PartnershipKind.TradedServices, status, D("2016-03-31"), null, null, null));

        Assert.Equal("Only an ended partnership has an end date; set the status to Ended.", ex.Message);
    }

    [Fact]
    public void UpdateDetails_EndedBeforeTermStart_Throws()
    {
        var p = SccIwc();
        p.SetTerm(FiveYearsFromJuly2013, []);

        var ex = Assert.Throws<DomainException>(() =>
            p.UpdateDetails("Education", PartnershipKind.TradedServices, PartnershipStatus.Ended, D("2013-06-30"), null, null, null));

        Assert.Equal("The partnership cannot end (30 June 2013) before its term starts (1 July 2013).", ex.Message);
        Assert.Equal(PartnershipStatus.Active, p.Status);
    }

    [Fact]
    public void UpdateDetails_EndedOnStartDay_IsAccepted()
    {
        var p = SccIwc();
        p.SetTerm(FiveYearsFromJuly2013, []);

        p.UpdateDetails("Education", PartnershipKind.TradedServices, PartnershipStatus.Ended, D("2013-07-01"), " s113 ", " ", null);

        Assert.Equal(PartnershipStatus.Ended, p.Status);
        Assert.Equal(D("2013-07-01"), p.EndedOn);
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
        var ex = Assert.Throws<DomainException>(() => SccIwc().SetTerm(FiveYearsFromJuly2013, [Notice(1), Notice(3)]));

        Assert.Equal("A notice period can only be set for a party to the partnership.", ex.Message);
    }

    [Fact]
    public void SetTerm_TwoNoticesForOneParty_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => SccIwc().SetTerm(FiveYearsFromJuly2013, [Notice(1), Notice(1)]));

        Assert.Equal("Give each party one notice period.", ex.Message);
    }

    [Fact]
    public void SetTerm_ValidNotices_ReplacesTermAndNotices()
    {
        var p = SccIwc();

        p.SetTerm(FiveYearsFromJuly2013, [Notice(1), Notice(2)]);

        Assert.Equal(TermEndKind.UpToYears, p.Term.EndKind);
        Assert.Equal(new[] { 1, 2 }, p.NoticePeriods.Select(n => n.OrganisationId));
    }

    [Fact]
    public void EffectiveEndDate_ActiveWithUpToYears_IsLatestEndOfTerm()
    {
        var p = SccIwc();
        p.SetTerm(FiveYearsFromJuly2013, []);

        Assert.Equal(D("2018-06-30"), p.EffectiveEndDate);
    }

    [Fact]
    public void EffectiveEndDate_EndedEarly_IsEndedOn()
    {
        var p = SccIwc();
        p.SetTerm(FiveYearsFromJuly2013, []);
        End(p, "2016-03-31");

        Assert.Equal(D("2016-03-31"), p.EffectiveEndDate);
    }

    [Fact]
    public void EffectiveEndDate_TermUnknownAndNotEnded_IsNull()
    {
        Assert.Null(SccIwc().EffectiveEndDate);
    }
}
