using System.Text.Encodings.Web;
using System.Text.Json;

namespace SharedServices.Core.Audit;

/// <summary>An entry's before and after values: a JSON object of field name to the value as shown ("Term.EndDate": "31 March 2027").</summary>
public static class AuditJson
{
    // Kept readable in the database (£ and quotes as they are); the pages encode whatever they show.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Write(IReadOnlyDictionary<string, string?>? values) =>
        values is null || values.Count == 0 ? null : JsonSerializer.Serialize(values, Options);

    /// <summary>The fields and values in the order written; empty for null or for text that is not such an object.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return [];
            return document.RootElement.EnumerateObject()
                .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString()))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
