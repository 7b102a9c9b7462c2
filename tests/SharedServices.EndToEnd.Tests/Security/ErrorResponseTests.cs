using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>The app as in production, with one address that fails, to see what an error response carries.</summary>
public sealed class FailingRequestHost : AppHost
{
    public const string FailingPath = "/test/fails";

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseEnvironment("Production"); // the friendly /Error page, not the developer's exception page
        web.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, FailingPathFilter>();
            // The planted path is no page, so the sign-in-for-everything fallback would send it to sign in first
            // (and this Production host's Secure cookie cannot be signed in with over plain HTTP). Pages keep their own [Authorize].
            services.PostConfigure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(options => options.FallbackPolicy = null);
        });
    }

    // Added after the app's own pipeline, so the failure happens inside it, as a failing page would.
    private sealed class FailingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("A failure planted by the test.")
                : following(context));
        };
    }
}

/// <summary>An unhandled error still answers with the security headers, although the error handler clears the response.</summary>
public sealed class ErrorResponseTests(FailingRequestHost host) : IClassFixture<FailingRequestHost>
{
    [Fact]
    public async Task UnhandledError_ErrorPage_CarriesTheSecurityHeaders()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        using var response = await client.GetAsync(FailingRequestHost.FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType); // the error page, not a bare 500
        Assert.Contains("default-src 'self'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        Assert.True(response.Headers.Contains("Permissions-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }
}
