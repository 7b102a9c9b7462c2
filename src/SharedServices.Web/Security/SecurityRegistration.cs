using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SharedServices.Web.Security;

/// <summary>The security basics that do not wait for sign-in, registered from Program.cs in two lines.</summary>
public static class SecurityRegistration
{
    /// <summary>
    /// Reads <c>PublicBaseUrl</c> (a bad one throws <c>StartupException</c>), stops Kestrel naming itself, limits request
    /// sizes, and sets what differs outside Development (HSTS, HTTPS redirection, no detailed errors).
    /// </summary>
    public static void AddSecurityBasics(this WebApplicationBuilder builder)
    {
        var configured = PublicAddress.FromConfiguration(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddRequestLimits();
        builder.AddOutsideDevelopmentRules();
        builder.Services.AddSingleton(services => new PublicAddress(configured, () =>
            services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? []));
    }

    /// <summary>First in the pipeline, so every response, errors included, gets the headers.</summary>
    public static void UseSecurityBasics(this WebApplication app)
    {
        app.UseSecurityHeaders(app.Environment);
        app.UseOriginCheck();
        app.UseHttpsOutsideDevelopment();
        app.UseRequestLimits();
        if (string.IsNullOrWhiteSpace(app.Configuration[PublicAddress.SettingName]) && !app.Environment.IsDevelopment())
            app.Logger.LogWarning("{Setting} is not set, so links and the allowed Blazor origin use the listening address. " +
                                  "Set it to the address people use, e.g. https://sharedservices.example.gov.uk/.", PublicAddress.SettingName);
    }
}
