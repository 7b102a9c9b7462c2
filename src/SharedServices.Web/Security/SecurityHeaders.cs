using System.Security.Cryptography;

namespace SharedServices.Web.Security;

/// <summary>
/// Security headers on every response: pages, static files, downloads, error and not-found pages alike. They are
/// added as the response starts, so an error page that clears the response on its way still gets them.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "SharedServices.ScriptNonce";

    /// <summary>
    /// What the pages may load. Scripts come only from the app itself, except the one inline script .NET writes (the
    /// import map), which carries this response's nonce. Styles allow inline ones, because MudBlazor writes its theme
    /// as a style element and positions popovers with style attributes. <c>base-uri 'self'</c> rather than 'none',
    /// because Blazor needs the page's <c>&lt;base href="/"&gt;</c> to resolve its addresses; 'self' still stops an
    /// injected base element pointing anywhere else. connect-src 'self' covers the Blazor WebSocket (ws: and wss: to
    /// the same host count as 'self'). <paramref name="reloadSocket"/> lets <c>dotnet watch</c>'s browser refresh connect
    /// in Development.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce, string? reloadSocket = null) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        $"connect-src 'self'{(string.IsNullOrWhiteSpace(reloadSocket) ? "" : " " + reloadSocket.Replace(',', ' '))}; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>Nothing in the app uses the camera, microphone, location, payments or other device features.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>Other sites learn at most that a link came from this app, never which page.</summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>This request's script nonce, for the import map (and any other inline script the page must have).</summary>
    public static string ScriptNonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce) return nonce;
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML encoding to change
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IHostEnvironment environment)
    {
        // dotnet watch names its refresh socket here; it is on another port, so 'self' would refuse it.
        var reloadSocket = environment.IsDevelopment() ? Environment.GetEnvironmentVariable("ASPNETCORE_AUTO_RELOAD_WS_ENDPOINT") : null;
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() => AddHeaders(context, reloadSocket));
            return next(context);
        });
    }

    private static Task AddHeaders(HttpContext context, string? reloadSocket)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(ScriptNonce(context), reloadSocket);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.Server = default; // Kestrel's is switched off (AddServerHeader); this catches any other server.
        return Task.CompletedTask;
    }
}
