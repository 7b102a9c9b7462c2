using Microsoft.AspNetCore.Identity;

namespace SharedServices.Core.Access;

/// <summary>
/// Refuses the passwords guessed first: the commonest ones and their usual dressings ("Password123!", "qwerty2026"),
/// and a password containing the person's own e-mail name or council. A short list written out here, not a corpus of
/// breached passwords (this machine has no network to fetch one), so it stops the obvious, not the merely weak.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<UserAccount>
{
    /// <summary>Refused wherever they appear in a password.</summary>
    private static readonly string[] Words =
    [
        "password", "passw0rd", "p@ssword", "qwerty", "asdfgh", "zxcvbn", "letmein", "welcome", "iloveyou", "admin",
        "123456", "654321", "abcdef", "abc123", "111111", "000000", "changeme", "trustno1", "football", "monkey",
        "dragon", "sunshine", "princess", "baseball", "superman", "starwars", "whatever", "secret", "council",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        var lower = (password ?? "").ToLowerInvariant();
        if (Words.FirstOrDefault(lower.Contains) is { } word)
            return Refuse($"\"{word}\" is among the first things guessed; choose a password without it, such as three unrelated words.");
        var email = (user.Email ?? "").ToLowerInvariant();
        var at = email.IndexOf('@');
        var name = at > 0 ? email[..at] : email;
        var council = at > 0 ? email[(at + 1)..].Split('.')[0] : "";
        if (name.Length >= 3 && lower.Contains(name, StringComparison.Ordinal) || council.Length >= 3 && lower.Contains(council, StringComparison.Ordinal))
            return Refuse("It must not contain your e-mail address or your council's name.");
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Refuse(string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordCommon", Description = description }));
}
