using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Web.Components.Features.KeyDates;
using SharedServices.Web.Security;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>
/// With no PublicBaseUrl set (as on a developer's machine) the app's listening address is its public address: a
/// forged Host header changes no link, and only a page from that address may open the Blazor connection.
/// </summary>
public sealed class OriginAndHostTests(AppHost host) : IClassFixture<AppHost>, IAsyncLifetime
{
    private HttpClient _client = default!;

    public async Task InitializeAsync() => _client = await SignedInClientAsync(host);

    public Task DisposeAsync() => Task.CompletedTask; // the host's client, shared by the class

    // The feed address itself is shown only in the live page, once, when made (AccountJourneyTests checks it there;
    // a browser cannot forge Host); here, what the plain HTTP answer shows, and the address the page builds it from.
    [Fact]
    public async Task Account_ForgedHost_PageNamesNoForgedAddress()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Host = "attacker.example";

        var html = await PageAsync(_client, request);

        Assert.Contains("Your calendar feed", html);
        Assert.DoesNotContain("attacker.example", html);
    }

    [Fact]
    public void FeedAddress_NoPublicBaseUrl_IsOnTheAppsListeningAddress()
    {
        const string token = "AbcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"; // 43 URL-safe characters

        var address = host.Services.GetRequiredService<PublicAddress>().Link(KeyDateDownloads.FeedPath(token));

        Assert.Equal($"{host.BaseUrl}/key-dates/feed/{token}.ics", address);
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

    /// <summary>
    /// A plain HTTP client with the tester's session, signed in once per host: signing in for every test would run
    /// into the sign-in rate limit (each sign-in is two requests to the rate-limited page).
    /// </summary>
    internal static async Task<HttpClient> SignedInClientAsync(AppHost host)
    {
        var jar = new CookieContainer();
        foreach (var cookie in await host.CookiesForAsync("IWC")) jar.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
    }

    internal static async Task<string> PageAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
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

    public async Task InitializeAsync() => _client = await OriginAndHostTests.SignedInClientAsync(host);

    public Task DisposeAsync() => Task.CompletedTask; // the host's client, shared by the class

    [Theory]
    [InlineData(null)]
    [InlineData("attacker.example")]
    [InlineData("sharedservices.example.gov.uk.attacker.example")]
    public async Task Account_AnyHost_PageNamesNoOtherAddress(string? hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        if (hostHeader is not null) request.Headers.Host = hostHeader;

        var html = await OriginAndHostTests.PageAsync(_client, request);

        Assert.Contains("Your calendar feed", html);
        Assert.DoesNotContain("attacker.example", html);
        Assert.DoesNotContain(host.BaseUrl, html);
    }

    // This host's live pages cannot connect from the test's browser (only the public origin may), so the feed address
    // is checked where the account page takes it from; AccountPageTests checks that the page uses it.
    [Fact]
    public void FeedAddress_PublicBaseUrlSet_IsOnThePublicAddress()
    {
        const string token = "AbcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

        var address = host.Services.GetRequiredService<PublicAddress>().Link(KeyDateDownloads.FeedPath(token));

        Assert.Equal($"https://sharedservices.example.gov.uk/key-dates/feed/{token}.ics", address);
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
