using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using SharedServices.Core.Access;
using SharedServices.Core.Audit;
using SharedServices.Web.Security;

namespace SharedServices.Web.Components.Features.Account;

/// <summary>
/// Signing out is a form post (with the anti-forgery token), never a link: a link could be fired by another site or
/// an image to sign someone out.
/// </summary>
public static class AccountEndpoints
{
    public const string SignOutPath = "/account/sign-out";
    public const string SignOutEverywherePath = "/account/sign-out-everywhere";

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost(SignOutPath, async (SignInManager<UserAccount> signIn, UserAccounts accounts, AuditTrail audit, HttpContext context) =>
        {
            var caller = SignedInCaller.From(context.User);
            if (caller.UserId is { } id)
            {
                // The cookie lives in the browser, so a copy of it would outlive a plain sign-out. A new security
                // stamp makes every copy fail its next check (within a minute), at the cost of ending the account's
                // other sessions too: there is no server-side session store to end just this one.
                await accounts.SignOutEverywhereAsync(id);
                await audit.RecordEventAsync(AuditAction.SignedOut, "Signed out", caller.Name, id, caller.OrganisationId);
            }
            await signIn.SignOutAsync();
            return Results.Redirect(SignInRegistration.SignInPath);
        }).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());

        // Every session of the account ends: a new security stamp fails every other cookie at its next check (within a minute).
        app.MapPost(SignOutEverywherePath, async (SignInManager<UserAccount> signIn, UserAccounts accounts, AuditTrail audit, HttpContext context) =>
        {
            var caller = SignedInCaller.From(context.User);
            if (caller.UserId is { } id)
            {
                await accounts.SignOutEverywhereAsync(id);
                await audit.RecordEventAsync(AuditAction.SignedOut, "Signed out everywhere (every session ended)", caller.Name, id, caller.OrganisationId);
            }
            await signIn.SignOutAsync();
            return Results.Redirect(SignInRegistration.SignInPath);
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
    }
}
