using SharedServices.Domain.Partnerships;

namespace SharedServices.Domain.Tests.Partnerships;

public class GovernanceBodyTests
{
    [Fact]
    public void Constructor_NameAndPurpose_TrimsBoth()
    {
        var board = new GovernanceBody(" Joint Operational Board ", " monitors performance ", null);

        Assert.Equal("Joint Operational Board", board.Name);
        Assert.Equal("monitors performance", board.Purpose);
    }

    [Fact]
    public void Constructor_BlankPurpose_StoresNull()
    {
        Assert.Null(new GovernanceBody("Joint member board", "  ", null).Purpose);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankName_Throws(string name)
    {
        var ex = Assert.Throws<DomainException>(() => new GovernanceBody(name, null, null));

        Assert.Equal("A governance body needs a name.", ex.Message);
    }
}
