using Microsoft.AspNetCore.Identity;

namespace SharedServices.Core.Access;

/// <summary>
/// The password and lockout rules, one place for the web app and the command line alike. Length rather than
/// composition (OWASP ASVS 5.0 V6.2: at least 12 characters allowed up to 128, no rules about digits or symbols,
/// which only push people to predictable patterns); lockout after repeated failures slows guessing of any one
/// account, and the sign-in rate limit slows guessing across accounts.
/// </summary>
public static class AccountPolicy
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 128;
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutLength = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = FailuresBeforeLockout;
        options.Lockout.DefaultLockoutTimeSpan = LockoutLength;
        // Accounts are made by an administrator, not by sign-up; "confirmed" here means "not disabled" (EnabledAccounts).
        options.SignIn.RequireConfirmedAccount = true;
    }
}
