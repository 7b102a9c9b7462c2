using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;
using static SharedServices.Domain.Tests.Partnerships.TestPartnerships;

namespace SharedServices.Domain.Tests.Partnerships;

/// <summary>Services, parties, decisions and boards inside a partnership: who may be named where.</summary>
public class PartnershipServicesTests
{
    [Fact]
    public void AddService_BetweenParties_IsAdded()
    {
        var p = WithParties(1, 2);

        var service = p.AddService(Psychology());

        Assert.Same(service, Assert.Single(p.Services));
    }

    [Fact]
    public void AddService_FlowingBothWays_BothAreKept()
    {
        var p = WithParties(1, 2);

        p.AddService(Psychology(1, 2));
        p.AddService(new TradedService("Shared director post", 2, 1));

        Assert.Equal(2, p.Services.Count);
    }

    [Theory]
    [InlineData(3, 2)]   // provider not a party
    [InlineData(1, 3)]   // recipient not a party
    public void AddService_NonParty_ThrowsAndAddsNothing(int provider, int recipient)
    {
        var p = WithParties(1, 2);

        var ex = Assert.Throws<DomainException>(() => p.AddService(Psychology(provider, recipient)));

        Assert.Equal("A service's provider and recipient must both be parties to the partnership.", ex.Message);
        Assert.Empty(p.Services);
    }

    [Fact]
    public void UpdateService_ToNonParty_ThrowsAndKeepsService()
    {
        var p = WithParties(1, 2);
        p.AddService(Psychology());

        Assert.Throws<DomainException>(() => p.UpdateService(0, "Educational psychology", 1, 3, null, null, null, null));

        Assert.Equal(2, Assert.Single(p.Services).RecipientId);
    }

    [Fact]
    public void UpdateService_KnownService_ChangesIt()
    {
        var p = WithParties(1, 2);
        p.AddService(Psychology());

        p.UpdateService(0, "SEN statutory functions", 2, 1, null, D("2013-07-01"), null, null);

        var service = Assert.Single(p.Services);
        Assert.Equal("SEN statutory functions", service.Name);
        Assert.Equal(2, service.ProviderId);
        Assert.Equal(D("2013-07-01"), service.StartDate);
    }

    [Fact]
    public void UpdateService_UnknownService_Throws()
    {
        var ex = Assert.Throws<DomainException>(() =>
            WithParties(1, 2).UpdateService(99, "Educational psychology", 1, 2, null, null, null, null));

        Assert.Equal("That service is not part of this partnership.", ex.Message);
    }

    [Fact]
    public void RemoveService_KnownService_RemovesIt()
    {
        var p = WithParties(1, 2);
        p.AddService(Psychology());

        p.RemoveService(0);

        Assert.Empty(p.Services);
    }

    [Fact]
    public void RemoveService_UnknownService_Throws()
    {
        Assert.Throws<DomainException>(() => WithParties(1, 2).RemoveService(99));
    }

    [Fact]
    public void SetParties_RemovingOrganisationAServiceUses_ThrowsNamingService()
    {
        var p = WithParties(1, 2, 3);
        p.AddService(Psychology(1, 3));

        var ex = Assert.Throws<DomainException>(() => p.SetParties(Parties(1, 2)));

        Assert.Equal("The service \"Educational psychology\" involves an organisation you are removing; change the service first.", ex.Message);
        Assert.Equal(3, p.Parties.Count);
    }

    [Fact]
    public void SetParties_RemovingOrganisationWithNoticePeriod_Throws()
    {
        var p = WithParties(1, 2, 3);
        p.SetTerm(Term.Unknown, [new NoticePeriod(3, NoticeLength.Months(6), false, null)]);

        var ex = Assert.Throws<DomainException>(() => p.SetParties(Parties(1, 2)));

        Assert.Equal("A notice period belongs to an organisation you are removing; change the term first.", ex.Message);
    }

    [Fact]
    public void SetParties_RemovingUnusedOrganisation_ReplacesParties()
    {
        var p = WithParties(1, 2, 3);
        p.AddService(Psychology(1, 2));

        p.SetParties(Parties(2, 1));

        Assert.Equal(new[] { 2, 1 }, p.Parties.Select(x => x.OrganisationId));
        Assert.False(p.IsParty(3));
    }

    [Fact]
    public void SetParties_Duplicate_ThrowsAndKeepsOldParties()
    {
        var p = WithParties(1, 2);

        Assert.Throws<DomainException>(() => p.SetParties(Parties(1, 3, 3)));

        Assert.Equal(new[] { 1, 2 }, p.Parties.Select(x => x.OrganisationId));
    }

    [Fact]
    public void AddDecision_Decision_CanBeFoundAndRemoved()
    {
        var p = WithParties(1, 2);
        var decision = new DecisionRecord(2, "Cabinet", "CAB 12/13 9254", D("2012-11-13"), true, true, "Approve the partnership.");

        p.AddDecision(decision);

        Assert.Same(decision, p.FindDecision(0));
        p.RemoveDecision(0);
        Assert.Empty(p.Decisions);
    }

    [Fact]
    public void FindDecision_Unknown_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => WithParties(1, 2).FindDecision(7));

        Assert.Equal("That decision is not part of this partnership.", ex.Message);
    }

    [Fact]
    public void SetGovernanceBodies_NewList_ReplacesOld()
    {
        var p = WithParties(1, 2);
        p.SetGovernanceBodies([new GovernanceBody("Joint Operational Board", null, null)]);

        p.SetGovernanceBodies([new GovernanceBody("Joint member board", "Oversight", null)]);

        Assert.Equal("Joint member board", Assert.Single(p.GovernanceBodies).Name);
    }
}
