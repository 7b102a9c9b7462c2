using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using SharedServices.Core.Access;

namespace SharedServices.Web.Security;

/// <summary>
/// Everything a circuit does on a person's behalf (a click, a form, the first render) runs as that person, so the
/// database scopes it to their organisation; and a reconnecting browser has its person re-checked first.
/// </summary>
public sealed class CallerCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancel)
    {
        if (authentication is CircuitUserCheck check) await check.RecheckNowAsync(cancel);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            using (CallerContext.Use(SignedInCaller.From(state.User)))
                await next(context);
        };
}
