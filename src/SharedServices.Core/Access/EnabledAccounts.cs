using Microsoft.AspNetCore.Identity;

namespace SharedServices.Core.Access;

/// <summary>
/// Identity asks this before any sign-in (with <c>RequireConfirmedAccount</c> on): a disabled account is refused,
/// however right its password.
/// </summary>
public sealed class EnabledAccounts : IUserConfirmation<UserAccount>
{
    public Task<bool> IsConfirmedAsync(UserManager<UserAccount> manager, UserAccount user) => Task.FromResult(user.DisabledAtUtc is null);
}
