using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using SharedServices.Core.Access;

namespace SharedServices.Web.Security;

/// <summary>
/// What each page and action needs, by the roles of <see cref="Roles"/>. Reading needs only a signed-in person (the
/// fallback policy: nothing is open to the anonymous unless it says <c>[AllowAnonymous]</c>); what they read is
/// scoped to their organisation by the database (<c>SharedServicesDbContext.Scope.cs</c>).
/// </summary>
public static class Policies
{
    /// <summary>People of the organisation, bank holidays, VAT rates and the organisations list.</summary>
    public const string Administration = "Administration";

    /// <summary>Charge schedules, activity, recharge runs, invoices, payments and credit notes.</summary>
    public const string Finance = "Finance";

    /// <summary>Partnerships' details, terms, decisions, notices and terminations.</summary>
    public const string Governance = "Governance";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Administration, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        options.AddPolicy(Finance, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.FinanceOfficer));
        options.AddPolicy(Governance, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Director));
    }

    /// <summary>
    /// Whether the signed-in person meets <paramref name="policy"/>, checked once when a component starts. A page that
    /// stays open uses this instead of an AuthorizeView around each control: every AuthorizeView is a component, with
    /// its own render buffers and authorisation services, held for the whole session.
    /// </summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, Task<AuthenticationState>? signedIn, string policy) =>
        signedIn is not null && (await authorization.AuthorizeAsync((await signedIn).User, policy)).Succeeded;
}
