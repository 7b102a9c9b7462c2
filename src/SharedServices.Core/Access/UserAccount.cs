using Microsoft.AspNetCore.Identity;

namespace SharedServices.Core.Access;

/// <summary>
/// A person who signs in: an ASP.NET Core Identity account (e-mail as user name, hashed password, lockout, security
/// stamp) that belongs to one organisation and sees only that organisation's partnerships.
/// </summary>
public sealed class UserAccount : IdentityUser
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>The organisation whose partnerships this person sees.</summary>
    public int OrganisationId { get; set; }

    /// <summary>How the person is named on screen and in the audit trail ("Jane Smith").</summary>
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When an administrator disabled the account; a disabled account cannot sign in and its open pages are cut off.</summary>
    public DateTime? DisabledAtUtc { get; set; }

    /// <summary>
    /// SHA-256 of the person's secret calendar-feed address token, never the token itself, so a copy of the database
    /// cannot be used to read anyone's feed. Null when the person has no feed (never made one, or revoked it).
    /// </summary>
    public string? CalendarFeedTokenHash { get; set; }

    /// <summary>"Jane Smith (jane@iow.gov.uk)": who did something, as the audit trail and "entered by" show it.</summary>
    public string Signature => SignatureOf(DisplayName, Email);

    /// <summary>The one way a person is named, whether read from the account or from their sign-in cookie's claims.</summary>
    public static string SignatureOf(string? displayName, string? email) => $"{displayName} ({email})";
}
