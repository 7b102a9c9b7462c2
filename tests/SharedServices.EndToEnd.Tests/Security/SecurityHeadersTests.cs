using System.Net;
using System.Text.RegularExpressions;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>The security headers on every kind of response the real app (Kestrel, in-process) sends.</summary>
public sealed class SecurityHeadersTests(AppHost host) : IClassFixture<AppHost>, IAsyncLifetime
{
    private HttpClient _client = default!;

    public async Task InitializeAsync() => _client = await host.ClientForAsync("IWC");

    public Task DisposeAsync() => Task.CompletedTask; // the host's client, shared by the class

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]                                                  // a page
    [InlineData("/key-dates?asOf=2024-06-01&within=365", HttpStatusCode.OK)]              // a page with a query
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", HttpStatusCode.OK)]              // a static file
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)]                          // the framework's script
    [InlineData("/key-dates/calendar.ics?asOf=2024-06-01&within=365", HttpStatusCode.OK)] // the calendar download
    [InlineData("/key-dates/workbook.xlsx?asOf=2024-06-01&within=365", HttpStatusCode.OK)] // the workbook download
    [InlineData("/key-dates/calendar.ics?asOf=soon", HttpStatusCode.BadRequest)]          // a refused download
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]                               // the not-found page
    [InlineData("/account/sign-in", HttpStatusCode.OK)]                                   // the sign-in page (static)
    [InlineData("/account/access-denied", HttpStatusCode.Forbidden)]                      // the refusal page
    public async Task Response_AnyKind_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
                     "connect-src 'self'", "form-action 'self'" })
            Assert.Contains(directive, policy);
        Assert.Matches(@"script-src 'self' 'nonce-[0-9A-F]{32}'(;|$)", policy); // no 'unsafe-inline' or 'unsafe-eval' for scripts
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"));
        Assert.False(response.Headers.Contains("Server"), "The response names its server: " + string.Join(", ", response.Headers.Server));
    }

    [Fact]
    public async Task Page_ImportMap_CarriesThisResponsesNonce()
    {
        using var first = await _client.GetAsync("/");
        using var second = await _client.GetAsync("/");

        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html);
        // No other inline script: every other script element loads a file from the app.
        Assert.All(Regex.Matches(html, "<script(?<attributes>[^>]*)>").Select(m => m.Groups["attributes"].Value),
            attributes => Assert.True(attributes.Contains("src=") || attributes.Contains($"nonce=\"{nonce}\""), attributes));
    }

    private static string NonceOf(HttpResponseMessage response) =>
        Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-(?<nonce>[^']+)'").Groups["nonce"].Value;

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header.");
}
