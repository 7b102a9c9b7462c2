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
        // The cookie lives in the browser, so a copy of it would outlive a plain sign-out. A new security stamp makes
        // every copy fail its next check (within a minute), at the cost of ending the account's other sessions too:
        // there is no server-side session store to end just this one. So both buttons end every session; they differ
        // only in what they promise and what the audit trail says.
        app.MapPost(SignOutPath, (SignInManager<UserAccount> signIn, UserAccounts accounts, AuditTrail audit, HttpContext context) =>
            EndSessionsAsync(signIn, accounts, audit, context, "Signed out"))
            .AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapPost(SignOutEverywherePath, (SignInManager<UserAccount> signIn, UserAccounts accounts, AuditTrail audit, HttpContext context) =>
            EndSessionsAsync(signIn, accounts, audit, context, "Signed out everywhere (every session ended)"))
            .RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    private static async Task<IResult> EndSessionsAsync(SignInManager<UserAccount> signIn, UserAccounts accounts, AuditTrail audit,
        HttpContext context, string summary)
    {
        var caller = SignedInCaller.From(context.User);
        if (caller.UserId is { } id)
        {
            await accounts.SignOutEverywhereAsync(id);
            await audit.RecordEventAsync(AuditAction.SignedOut, summary, caller.Name, id, caller.OrganisationId);
        }
        await signIn.SignOutAsync();
        return Results.Redirect(SignInRegistration.SignInPath);
    }
}
