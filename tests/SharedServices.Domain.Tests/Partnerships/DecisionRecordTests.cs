using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Partnerships;

public class DecisionRecordTests
{
    private static DecisionRecord Cabinet(int organisationId = 2, string decisionMaker = "Cabinet", string? reference = "CAB 12/13 9254",
        string resolved = "Approve the partnership with Southampton.", string? publishedOn = null) =>
        new(organisationId, decisionMaker, reference, D("2012-11-13"), true, null, resolved, OptionalD(publishedOn));

    [Fact]
    public void Constructor_ValidDecision_KeepsUnknownsAsNull()
    {
        var decision = new DecisionRecord(2, " Cabinet ", " CAB 12/13 9254 ", D("2012-11-13"), null, null, " Approve. ");

        Assert.Equal("Cabinet", decision.DecisionMaker);
        Assert.Equal("CAB 12/13 9254", decision.Reference);
        Assert.Equal("Approve.", decision.Resolved);
        Assert.Equal(D("2012-11-13"), decision.DecisionDate);
        Assert.Null(decision.IsKeyDecision);
        Assert.Null(decision.SubjectToCallIn);
        Assert.Null(decision.PublishedOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Constructor_BlankReference_StoresNull(string? reference)
    {
        Assert.Null(Cabinet(reference: reference).Reference);
    }

    [Fact]
    public void Constructor_PublishedBeforeDecided_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Cabinet(publishedOn: "2012-11-12"));

        Assert.Equal("A decision cannot be published before it is made.", ex.Message);
    }

    [Theory]
    [InlineData("2012-11-13")]   // published the same day
    [InlineData("2012-11-15")]
    public void Constructor_PublishedOnOrAfterDecision_IsKept(string publishedOn)
    {
        Assert.Equal(D(publishedOn), Cabinet(publishedOn: publishedOn).PublishedOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankResolved_Throws(string resolved)
    {
        var ex = Assert.Throws<DomainException>(() => Cabinet(resolved: resolved));

        Assert.Equal("Say what the decision resolved.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankDecisionMaker_Throws(string decisionMaker)
    {
        var ex = Assert.Throws<DomainException>(() => Cabinet(decisionMaker: decisionMaker));

        Assert.Equal("A decision needs its decision maker.", ex.Message);
    }

    [Fact]
    public void Constructor_NoOrganisation_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Cabinet(organisationId: 0));

        Assert.Equal("Choose the organisation that made the decision.", ex.Message);
    }

    [Fact]
    public void Update_PublishedBeforeDecided_KeepsOldValues()
    {
        var decision = Cabinet();

        Assert.Throws<DomainException>(() => decision.Update(2, "Executive Lead Member", "EXB77", D("2013-06-01"),
            false, true, "Vary the agreement.", D("2013-05-31"), null));

        Assert.Equal("Cabinet", decision.DecisionMaker);
        Assert.Equal(D("2012-11-13"), decision.DecisionDate);
    }
}
