using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using SharedServices.Core.Access;

namespace SharedServices.Web.Security;

/// <summary>Sign-in, the session cookie, the roles' policies and who the database works for: registered from Program.cs in two lines.</summary>
public static class SignInRegistration
{
    public const string SignInPath = "/account/sign-in";
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>
    /// The rate limit on sign-in attempts, per client address, on top of each account's lockout: it slows one machine
    /// guessing across many accounts. 20 a minute, because a council's staff may share one outgoing address and all
    /// sign in at nine o'clock.
    /// </summary>
    public const string SignInRateLimit = "sign-in";
    public const int SignInAttemptsPerMinute = 20;

    public static void AddSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSharedServicesAccounts().AddSignInManager().AddDefaultTokenProviders().AddClaimsPrincipalFactory<AccountClaimsFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // Outside Development the app is served over HTTPS, so the cookie is Secure and takes the __Host- prefix (the
        // browser then refuses it from any other host or path, or over plain HTTP).
        var secure = !builder.Environment.IsDevelopment();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = secure ? "__Host-SharedServices" : "SharedServices.SignIn";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.ExpireTimeSpan = SignedInCaller.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                if (context.Principal is not null && SignedInCaller.IsPastItsLifetime(context.Principal, clock.GetUtcNow()))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            // A disabled account, a changed role or "sign out everywhere" reaches every cookie within a minute.
            options.ValidationInterval = SignedInCaller.RecheckInterval;
            // Re-issuing the claims keeps the time of the original sign-in, so renewal cannot extend the session's lifetime.
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SignedInCaller.SignedInAtClaim) is { } signedInAt)
                    (context.NewPrincipal?.Identity as System.Security.Claims.ClaimsIdentity)?.AddClaim(new(signedInAt.Type, signedInAt.Value));
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(Policies.Add);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CircuitUserCheck>();
        services.AddScoped<CircuitHandler, CallerCircuitHandler>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts (posts) count: showing the form costs nothing to guess with.
            limiter.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("showing the form"));
            limiter.OnRejected = async (context, cancel) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute and try again.", cancel);
            };
        });
    }

    /// <summary>After routing: who is signed in, then the rate limit, then each endpoint's policy, with the database working for that person.</summary>
    public static void UseSignIn(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            using (CallerContext.Use(SignedInCaller.From(context.User)))
                await next(context);
        });
        app.UseRateLimiter();
        app.UseAuthorization();
    }
}
