using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;
using static SharedServices.Domain.Tests.Partnerships.TestPartnerships;

namespace SharedServices.Domain.Tests.Partnerships;

public class PartnershipTests
{
    [Fact]
    public void Constructor_TwoParties_StartsProposedWithUnknownTerm()
    {
        var p = SccIwc();

        Assert.Equal("scc-iwc-education", p.Code);
        Assert.Equal("Education support", p.Name);
        // No start date and no decision: nothing yet says it is going ahead.
        Assert.Equal(PartnershipStatus.Proposed, p.StatusOn(D("2024-01-01")));
        Assert.Null(p.EndsOn);
        Assert.Null(p.TerminatedOn);
        Assert.Empty(p.Events);
        Assert.Equal(TermEndKind.NotStated, p.Term.EndKind);
        Assert.Equal(new[] { 1, 2 }, p.Parties.Select(x => x.OrganisationId));
        Assert.True(p.IsParty(2));
        Assert.False(p.IsParty(3));
    }

    [Theory]
    [InlineData("hcc-iwc-childrens-services")]
    [InlineData("scc-iwc")]
    [InlineData("a1")]
    [InlineData("halton2012")]
    public void Constructor_LowerCaseHyphenatedCode_IsAccepted(string code)
    {
        Assert.Equal(code, SccIwc(code).Code);
        Assert.True(Partnership.IsValidCode(code));
    }

    [Theory]
    [InlineData("HCC-IWC")]
    [InlineData("hcc_iwc")]
    [InlineData("hcc--iwc")]
    [InlineData("-hcc")]
    [InlineData("hcc-")]
    [InlineData("hcc iwc")]
    [InlineData(" hcc-iwc")]
    [InlineData("")]
    public void Constructor_BadCode_Throws(string code)
    {
        var ex = Assert.Throws<DomainException>(() => SccIwc(code));

        Assert.StartsWith("A partnership code is lower-case words joined by hyphens", ex.Message);
    }

    [Theory]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 1, 1 })]   // two rows, one organisation
    [InlineData(new int[0])]
    public void Constructor_FewerThanTwoOrganisations_Throws(int[] ids)
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Partnership("scc-iwc", "Education", PartnershipKind.TradedServices, Parties(ids)));

        Assert.Equal("A partnership needs at least two different organisations.", ex.Message);
    }

    [Fact]
    public void Constructor_SameOrganisationTwice_Throws()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Partnership("scc-iwc", "Education", PartnershipKind.TradedServices, Parties(1, 2, 2)));

        Assert.Equal("Each organisation can be a party only once.", ex.Message);
    }

    [Fact]
    public void PartnershipParty_IdNotPositive_Throws()
    {
        Assert.Throws<DomainException>(() => new PartnershipParty(0, PartyRole.Partner));
    }

    [Fact]
    public void SetPredecessor_Itself_Throws()
    {
        var p = SccIwc();

        var ex = Assert.Throws<DomainException>(() => p.SetPredecessor(p));

        Assert.Equal("A partnership cannot succeed itself.", ex.Message);
        Assert.Null(p.Predecessor);
    }

    [Fact]
    public void SetPredecessor_OtherThenNull_LinksThenClears()
    {
        var buyBack = SccIwc("scc-iwc-buy-back");
        var strategic = SccIwc("hcc-iwc-childrens-services");

        buyBack.SetPredecessor(strategic);
        Assert.Same(strategic, buyBack.Predecessor);

        buyBack.SetPredecessor(null);
        Assert.Null(buyBack.Predecessor);
        Assert.Null(buyBack.PredecessorId);
    }
}
