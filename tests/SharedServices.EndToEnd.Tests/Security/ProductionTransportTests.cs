using System.Net;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>HTTPS, HSTS and what an error shows, on real responses of the app in Production.</summary>
public sealed class ProductionTransportTests(ProductionHost host) : IClassFixture<ProductionHost>
{
    [Fact]
    public async Task HttpsRequest_Page_CarriesStrictTransportSecurityForAYearWithSubdomains()
    {
        using var client = host.Client("https");

        using var response = await client.GetAsync("/account/sign-in"); // a page open before signing in

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A year is 365 × 86,400 = 31,536,000 seconds.
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Theory]
    [InlineData("/partnerships")]
    [InlineData("/key-dates/calendar.ics?asOf=2024-06-01&within=365")]
    public async Task HttpRequest_HttpsPortSet_RedirectedPermanentlyToTheSameAddressOverHttps(string pathAndQuery)
    {
        using var client = host.Client("http");

        using var response = await client.GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        // Port 443 is https's own, so the address carries no port.
        Assert.Equal($"https://{ProductionHost.Host}{pathAndQuery}", response.Headers.Location?.ToString());
        // Over plain http the header means nothing and browsers ignore it, so it is not sent.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/key-dates?asOf=2024-06-01&within=365")]         // a page whose data cannot be read
    [InlineData("/key-dates/calendar.ics?asOf=2024-06-01&within=365")] // a download whose data cannot be read
    public async Task Fault_PageOrEndpoint_FriendlyErrorPageWithNoExceptionOrStackTrace(string pathAndQuery)
    {
        using var client = host.Client("https");
        // Production has no demo accounts: one of the test's own, signed in over https (the cookie is Secure).
        var email = $"fault-{Guid.NewGuid():N}@iwc.test";
        using (Testers.AsSystem())
            await host.Services.GetRequiredService<SharedServices.Core.Access.UserAccounts>().AddAsync(
                new SharedServices.Core.Access.NewAccount(email, "Fault Tester", "IWC", [SharedServices.Core.Access.Roles.BoardMember], Testers.Password));
        await Testers.SignInAsync(client, email, Testers.Password);

        using var response = await client.GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        Assert.Contains("id=\"error-request\"", html); // the reference to quote to support, and nothing more
        foreach (var leak in new[] { ProductionHost.FaultMessage, "Planted", "InvalidOperationException", "Exception", "SharedServices.Core", " at ", ".cs:line" })
            Assert.DoesNotContain(leak, html, StringComparison.Ordinal);
    }

    [Fact]
    public void CircuitOptions_DetailedErrorsSettingOn_StillOffInProduction() =>
        Assert.False(host.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DetailedErrors);
}

/// <summary>The app in Development, where a developer does want the details.</summary>
public sealed class DevelopmentErrorTests(HttpHost host) : IClassFixture<HttpHost>
{
    [Fact]
    public void CircuitOptions_InDevelopment_DetailedErrorsOn() =>
        Assert.True(host.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DetailedErrors);

    [Fact]
    public async Task HttpRequest_InDevelopment_ServedWithoutRedirectOrHsts()
    {
        using var response = await host.Client.GetAsync("/partnerships");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>Plain http in Production with no HTTPS port known, and the limit on what a request may carry.</summary>
public sealed class PlainHttpProductionTests(PlainHttpProductionHost host) : IClassFixture<PlainHttpProductionHost>
{
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };

    [Fact]
    public async Task HttpRequest_NoHttpsPortKnown_ServedAsItCame()
    {
        using var response = await _client.GetAsync("/account/sign-in"); // a page open before signing in

        // No redirect: behind a proxy that ends TLS every request arrives as http, and a redirect would loop.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task FormPost_OneByteOverOneMegabyte_RefusedWith413BeforeAnythingReadsIt()
    {
        // "note=" is 5 bytes, so 1,048,576 − 5 + 1 = 1,048,572 characters make the body one byte over 1 MB (1,048,576 bytes).
        using var content = Form("note=" + new string('a', 1_048_572));

        using var response = await _client.PostAsync("/partnerships", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The request is larger than the 1 MB a request may carry, so it was not read. Nothing was saved.",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FormPost_UnderOneMegabyte_ReachesThePageWhichRefusesItForWantOfAnAntiForgeryToken()
    {
        // 1,000 bytes: well under the limit, so the sign-in page's own anti-forgery check is what answers.
        using var content = Form("note=" + new string('a', 995));

        using var response = await _client.PostAsync("/account/sign-in", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Limits_KestrelAndForms_SetOnPurpose()
    {
        var kestrel = host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        var form = host.Services.GetRequiredService<IOptions<FormOptions>>().Value;

        // 1 MB = 1,048,576 bytes a request (Kestrel's default is 30,000,000); a form value 64 KB = 65,536 (default 4 MB);
        // 200 fields (default 1,024); a multipart form no more than the request (default 128 MB).
        Assert.Equal(1_048_576, kestrel.Limits.MaxRequestBodySize);
        Assert.Equal((1_048_576L, 65_536, 200), (form.MultipartBodyLengthLimit, form.ValueLengthLimit, form.ValueCountLimit));
    }

    private static StringContent Form(string body) => new(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
}
