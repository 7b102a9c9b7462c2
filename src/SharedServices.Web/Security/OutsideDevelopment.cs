using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.HttpsPolicy;

namespace SharedServices.Web.Security;

/// <summary>
/// What changes once the app is not on a developer's machine: plain HTTP is sent to HTTPS, browsers are told to use
/// HTTPS for a year (HSTS, switched on by Program.cs's <c>UseHsts</c>), and no error shows its exception or stack trace,
/// neither on a page (the friendly /Error page instead) nor in the browser's console over the live connection.
/// </summary>
public static class OutsideDevelopment
{
    /// <summary>ASVS 5.0 (3.4.1) asks for at least a year, and for subdomains too at level 2.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static void AddOutsideDevelopmentRules(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        // PostConfigure, so it wins over the framework's own reading of a "DetailedErrors" setting: detailed circuit
        // errors send the exception's message and stack trace to the browser, which only a developer should see.
        builder.Services.PostConfigure<CircuitOptions>(circuit => circuit.DetailedErrors = development);
        builder.Services.Configure<HstsOptions>(hsts =>
        {
            hsts.MaxAge = HstsMaxAge;
            hsts.IncludeSubDomains = true;
        });
        // Permanent, and keeps the method: once a site is HTTPS-only it stays so, as HSTS also says.
        builder.Services.Configure<HttpsRedirectionOptions>(https => https.RedirectStatusCode = StatusCodes.Status308PermanentRedirect);
    }

    /// <summary>
    /// Sends plain HTTP to HTTPS outside Development, when the app knows where HTTPS is: the <c>https_port</c> setting
    /// (ASPNETCORE_HTTPS_PORT) or an https:// address the app itself listens on. When neither is set the request is
    /// served as it came (the framework logs once that it found no HTTPS port). That is deliberate:
    /// <list type="bullet">
    /// <item>behind a proxy or load balancer that ends TLS, every request reaches the app as plain HTTP, so redirecting
    /// because <c>PublicBaseUrl</c> says https would send the browser round in a loop; there the proxy redirects;</item>
    /// <item>the published app started in Production on http://127.0.0.1 (PublishedAppTests, and a first look on a
    /// server) keeps working.</item>
    /// </list>
    /// </summary>
    public static void UseHttpsOutsideDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHttpsRedirection();
    }
}
