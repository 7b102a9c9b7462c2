using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>
/// With no PublicBaseUrl set (as on a developer's machine) the app's listening address is its public address: a
/// forged Host header changes no link, and only a page from that address may open the Blazor connection.
/// </summary>
public sealed class OriginAndHostTests(AppHost host) : IClassFixture<AppHost>, IAsyncLifetime
{
    private HttpClient _client = default!;

    public async Task InitializeAsync() => _client = await host.ClientForAsync("IWC");

    public Task DisposeAsync() => Task.CompletedTask; // the host's client, shared by the class

    [Fact]
    public async Task KeyDates_ForgedHost_SubscriptionLinkStaysOnTheAppsAddress()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/key-dates");
        request.Headers.Host = "attacker.example";

        var address = await CalendarAddressAsync(_client, request);

        Assert.Equal(host.BaseUrl + "/key-dates/calendar.ics", address);
    }

    [Fact]
    public async Task Negotiate_ForeignOrigin_Refused() =>
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(_client, "https://attacker.example"));

    [Fact]
    public async Task Negotiate_NullOrigin_Refused() =>
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(_client, "null"));

    [Fact]
    public async Task Negotiate_OwnOrigin_Accepted() =>
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(_client, host.BaseUrl));

    [Fact]
    public async Task Negotiate_OwnPortUnderAnotherLoopbackName_Accepted() =>
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(_client, host.BaseUrl.Replace("127.0.0.1", "localhost")));

    [Fact]
    public async Task Negotiate_NoOrigin_Accepted() =>
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(_client, origin: null));

    [Fact]
    public async Task WebSocket_ForeignOrigin_Refused()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", "https://attacker.example");

        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri(host.BaseUrl.Replace("http://", "ws://") + "/_blazor?id=anything"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    /// <summary>Starts a Blazor connection as a browser page from <paramref name="origin"/> would.</summary>
    internal static async Task<HttpStatusCode> NegotiateAsync(HttpClient client, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    internal static async Task<string> CalendarAddressAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(Regex.Match(html, "<code id=\"calendar-address\">(?<address>[^<]*)</code>").Groups["address"].Value);
    }
}

/// <summary>The app with PublicBaseUrl set, as behind a council's proxy.</summary>
public sealed class PublicAddressHost : AppHost
{
    public const string PublicBaseUrl = "https://sharedservices.example.gov.uk";

    protected override void Configure(IWebHostBuilder web) => web.UseSetting("PublicBaseUrl", PublicBaseUrl);
}

/// <summary>With PublicBaseUrl set, links use it and only pages from it may connect, whatever the request says.</summary>
public sealed class ConfiguredPublicAddressTests(PublicAddressHost host) : IClassFixture<PublicAddressHost>, IAsyncLifetime
{
    private HttpClient _client = default!;

    public async Task InitializeAsync() => _client = await host.ClientForAsync("IWC");

    public Task DisposeAsync() => Task.CompletedTask; // the host's client, shared by the class

    [Theory]
    [InlineData(null)]
    [InlineData("attacker.example")]
    [InlineData("sharedservices.example.gov.uk.attacker.example")]
    public async Task KeyDates_AnyHost_SubscriptionLinkUsesPublicBaseUrl(string? hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/key-dates");
        if (hostHeader is not null) request.Headers.Host = hostHeader;

        var address = await OriginAndHostTests.CalendarAddressAsync(_client, request);

        Assert.Equal("https://sharedservices.example.gov.uk/key-dates/calendar.ics", address);
    }

    [Fact]
    public async Task Negotiate_PublicOrigin_Accepted() =>
        Assert.Equal(HttpStatusCode.OK, await OriginAndHostTests.NegotiateAsync(_client, PublicAddressHost.PublicBaseUrl));

    [Fact]
    public async Task Negotiate_ListeningAddressOrigin_RefusedOnceAPublicAddressIsSet() =>
        Assert.Equal(HttpStatusCode.Forbidden, await OriginAndHostTests.NegotiateAsync(_client, host.BaseUrl));

    [Fact]
    public async Task Negotiate_PublicHostOnAnotherScheme_Refused() =>
        Assert.Equal(HttpStatusCode.Forbidden, await OriginAndHostTests.NegotiateAsync(_client, "http://sharedservices.example.gov.uk"));
}
