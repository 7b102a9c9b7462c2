using Microsoft.Extensions.Configuration;
using SharedServices.Core.Persistence;
using SharedServices.Web.Security;

namespace SharedServices.Web.Tests.Security;

public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("sharedservices.example.gov.uk")]        // no scheme
    [InlineData("ftp://sharedservices.example.gov.uk/")] // not the web
    [InlineData("https://sharedservices.example.gov.uk/?x=1")]
    [InlineData("https://sharedservices.example.gov.uk/#top")]
    public void FromConfiguration_NotAnAppAddress_StopsStartNamingTheSetting(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("PublicBaseUrl", value)]).Build();

        var problem = Assert.Throws<StartupException>(() => PublicAddress.FromConfiguration(configuration));

        Assert.StartsWith("The setting PublicBaseUrl must be the app's address", problem.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void FromConfiguration_NotSet_Null(string? value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("PublicBaseUrl", value)]).Build();

        Assert.Null(PublicAddress.FromConfiguration(configuration));
    }

    [Theory]
    [InlineData("https://sharedservices.example.gov.uk", "/key-dates/calendar.ics", "https://sharedservices.example.gov.uk/key-dates/calendar.ics")]
    [InlineData("https://sharedservices.example.gov.uk/", "key-dates", "https://sharedservices.example.gov.uk/key-dates")]
    [InlineData("https://council.example.gov.uk/shared", "/key-dates/calendar.ics", "https://council.example.gov.uk/shared/key-dates/calendar.ics")]
    public void Link_Configured_BuiltFromTheConfiguredAddress(string configured, string path, string expected) =>
        Assert.Equal(expected, new PublicAddress(new Uri(configured), () => ["http://127.0.0.1:5009"]).Link(path));

    [Theory]
    [InlineData("http://localhost:5009", "http://localhost:5009/")]
    [InlineData("http://0.0.0.0:5009", "http://localhost:5009/")] // a wildcard is reached as localhost
    [InlineData("http://[::]:5009", "http://localhost:5009/")]
    [InlineData("http://+:5009", "http://localhost:5009/")]
    [InlineData("http://10.1.2.3:8080", "http://10.1.2.3:8080/")]
    public void BaseUri_NotConfigured_TheFirstListeningAddress(string listening, string expected) =>
        Assert.Equal(expected, new PublicAddress(null, () => [listening]).BaseUri.ToString());

    [Theory]
    [InlineData("https://sharedservices.example.gov.uk", true)]
    [InlineData("HTTPS://SharedServices.Example.gov.uk", true)]
    [InlineData("https://sharedservices.example.gov.uk:443", true)]
    [InlineData("http://sharedservices.example.gov.uk", false)]        // another scheme is another origin
    [InlineData("https://sharedservices.example.gov.uk:8443", false)]  // so is another port
    [InlineData("https://sharedservices.example.gov.uk.attacker.example", false)]
    [InlineData("http://127.0.0.1:5009", false)]                        // the listening address no longer counts
    [InlineData("null", false)]                                         // a sandboxed or opaque origin
    [InlineData("", false)]
    public void IsOwnOrigin_Configured_OnlyThatOrigin(string origin, bool own) =>
        Assert.Equal(own, new PublicAddress(new Uri("https://sharedservices.example.gov.uk/"), () => ["http://127.0.0.1:5009"]).IsOwnOrigin(origin));

    [Theory]
    [InlineData("http://localhost:5009", true)]
    [InlineData("http://127.0.0.1:5009", true)]  // the same loopback port under its other names
    [InlineData("http://[::1]:5009", true)]
    [InlineData("http://localhost:5010", false)]
    [InlineData("https://localhost:5009", false)]
    [InlineData("http://attacker.example:5009", false)]
    public void IsOwnOrigin_NotConfigured_TheListeningAddressUnderEachLoopbackName(string origin, bool own) =>
        Assert.Equal(own, new PublicAddress(null, () => ["http://localhost:5009"]).IsOwnOrigin(origin));
}
