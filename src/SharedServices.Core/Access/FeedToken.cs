using System.Security.Cryptography;
using System.Text;

namespace SharedServices.Core.Access;

/// <summary>
/// A person's secret calendar-feed token: 32 random bytes (256 bits, far beyond guessing), written URL-safe. Only its
/// SHA-256 is stored, so the database alone cannot be used to read a feed; a plain hash suffices (no salt or
/// stretching) because the token is random, not a password someone chose.
/// </summary>
public static class FeedToken
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// <summary>Whether the text could be a token at all (43 URL-safe characters), so junk never reaches the database.</summary>
    public static bool LooksLikeOne(string? text) =>
        text is { Length: 43 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
