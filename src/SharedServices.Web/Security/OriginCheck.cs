namespace SharedServices.Web.Security;

/// <summary>
/// Refuses the Blazor connection (negotiate, WebSocket, long polling: everything under /_blazor) to a page from any
/// other site. A browser always sends Origin when a page opens a WebSocket or posts with fetch, and a page on another
/// site cannot change it, so a foreign or "null" Origin gets 403. The Origin must be the configured public address
/// (<see cref="PublicAddress"/>), not merely match the Host header: a DNS-rebinding attacker controls both. A request
/// with no Origin at all is let through: it is not from a browser page (a health probe or a test client), so it
/// carries no visitor's session to abuse.
/// </summary>
public static class OriginCheck
{
    public const string BlazorPath = "/_blazor";

    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(BlazorPath) && context.Request.Headers.Origin is { Count: > 0 } origin)
        {
            var address = context.RequestServices.GetRequiredService<PublicAddress>();
            if (origin.Count > 1 || !address.IsOwnOrigin(origin.ToString()))
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OriginCheck).FullName!)
                    .LogWarning("Refused a Blazor connection from origin {Origin}; only {PublicAddress} may connect (setting {Setting}).",
                        origin.ToString(), address.BaseUri, PublicAddress.SettingName);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync($"This page's origin may not connect. Set {PublicAddress.SettingName} to the address people use.");
                return;
            }
        }
        await next(context);
    });
}
