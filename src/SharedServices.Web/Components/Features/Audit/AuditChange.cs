using System.Text;
using SharedServices.Core.Audit;

namespace SharedServices.Web.Components.Features.Audit;

/// <summary>One field of an entry as the page shows it: its name in words, and its value before and after.</summary>
public sealed record AuditChange(string Field, string? Before, string? After, bool HasBefore, bool HasAfter)
{
    /// <summary>The fields of <paramref name="beforeJson"/> and <paramref name="afterJson"/> in the order written, each once.</summary>
    public static IReadOnlyList<AuditChange> Between(string? beforeJson, string? afterJson)
    {
        var before = AuditJson.Read(beforeJson).ToDictionary(v => v.Key, v => v.Value);
        var after = AuditJson.Read(afterJson).ToDictionary(v => v.Key, v => v.Value);
        return before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k)))
            .Select(k => new AuditChange(FieldName(k), before.GetValueOrDefault(k), after.GetValueOrDefault(k), before.ContainsKey(k), after.ContainsKey(k)))
            .ToList();
    }

    /// <summary>"Term.EndDate" → "Term › end date"; "Lines #12.Net" → "Lines #12 › net".</summary>
    public static string FieldName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var words = key.Split('.').Select(Words).ToList();
        var text = string.Join(" › ", words);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Words(string part)
    {
        var text = new StringBuilder();
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            // A capital after a small letter starts a word ("EndDate"); a run of capitals stays one ("VAT"), and its
            // last capital starts the next word when a small letter follows ("VATRate").
            var nextIsLower = i + 1 < part.Length && char.IsLower(part[i + 1]);
            if (char.IsUpper(c) && i > 0 && (char.IsLower(part[i - 1]) || (char.IsUpper(part[i - 1]) && nextIsLower))) text.Append(' ');
            text.Append(char.IsUpper(c) && (i + 1 >= part.Length || char.IsLower(part[i + 1])) ? char.ToLowerInvariant(c) : c);
        }
        return text.ToString();
    }
}
