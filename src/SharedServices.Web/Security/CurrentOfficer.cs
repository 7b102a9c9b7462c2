using Microsoft.AspNetCore.Components.Authorization;

namespace SharedServices.Web.Security;

/// <summary>
/// Who is using the app, for the "entered by", "imported by" and "undone by" of what they save. There is no
/// sign-in yet: until there is, a signed-in name is used when the host provides one, and otherwise every change is
/// recorded as made by <see cref="NoSignIn"/>, so the history never claims a name it does not know.
/// </summary>
public sealed class CurrentOfficer(IServiceProvider services)
{
    public const string NoSignIn = "Web user (no sign-in yet)";

    public async Task<string> NameAsync()
    {
        // Looked up rather than injected: a host without authentication registers no provider.
        if (services.GetService(typeof(AuthenticationStateProvider)) is not AuthenticationStateProvider provider) return NoSignIn;
        try
        {
            var state = await provider.GetAuthenticationStateAsync();
            return state.User.Identity is { IsAuthenticated: true } ? SignedInCaller.From(state.User).Name : NoSignIn;
        }
        catch (InvalidOperationException)
        {
            // Blazor's provider outside a circuit (no authentication state set yet) refuses rather than answering "nobody".
            return NoSignIn;
        }
    }
}
