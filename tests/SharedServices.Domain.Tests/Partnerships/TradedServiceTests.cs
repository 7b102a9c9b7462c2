using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Partnerships;

public class TradedServiceTests
{
    [Fact]
    public void Constructor_ValidService_TrimsText()
    {
        var service = new TradedService("  School improvement ", 1, 2, "  advisers for maintained schools ",
            D("2013-07-01"), D("2018-06-30"));

        Assert.Equal("School improvement", service.Name);
        Assert.Equal(1, service.ProviderId);
        Assert.Equal(2, service.RecipientId);
        Assert.Equal("advisers for maintained schools", service.Description);
        Assert.Equal(D("2013-07-01"), service.StartDate);
        Assert.Equal(D("2018-06-30"), service.EndDate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankDescription_StoresNull(string? description)
    {
        Assert.Null(new TradedService("School improvement", 1, 2, description).Description);
    }

    [Fact]
    public void Constructor_ProviderIsRecipient_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => new TradedService("School improvement", 1, 1));

        Assert.Equal("A service's provider and recipient must be different organisations.", ex.Message);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 0)]
    [InlineData(-1, 2)]
    public void Constructor_MissingProviderOrRecipient_Throws(int provider, int recipient)
    {
        var ex = Assert.Throws<DomainException>(() => new TradedService("School improvement", provider, recipient));

        Assert.Equal("A service needs a provider and a recipient.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankName_Throws(string name)
    {
        var ex = Assert.Throws<DomainException>(() => new TradedService(name, 1, 2));

        Assert.Equal("A service needs a name.", ex.Message);
    }

    [Fact]
    public void Constructor_EndBeforeStart_ThrowsWithBothDates()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new TradedService("School improvement", 1, 2, null, D("2013-07-01"), D("2013-06-30")));

        Assert.Equal("The service ends (30 June 2013) before it starts (1 July 2013).", ex.Message);
    }

    [Theory]
    [InlineData("2013-07-01", "2013-07-01")]   // a one-day service
    [InlineData(null, "2013-06-30")]           // only one end known
    [InlineData("2013-07-01", null)]
    public void Constructor_DatesInOrderOrPartlyUnknown_AreKept(string? start, string? end)
    {
        var service = new TradedService("School improvement", 1, 2, null, OptionalD(start), OptionalD(end));

        Assert.Equal(OptionalD(start), service.StartDate);
        Assert.Equal(OptionalD(end), service.EndDate);
    }

    [Fact]
    public void Update_ProviderIsRecipient_ThrowsAndKeepsOldValues()
    {
        var service = new TradedService("School improvement", 1, 2);

        Assert.Throws<DomainException>(() => service.Update("Renamed", 2, 2, null, null, null, null));

        Assert.Equal("School improvement", service.Name);
        Assert.Equal(1, service.ProviderId);
    }
}
