using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharedServices.Cli;

/// <summary>`--json`: one indented document on stdout, camelCase names, enums by name, dates as yyyy-MM-dd.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Written to a terminal or a file, never into HTML: keep apostrophes and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write<T>(TextWriter output, T document) => output.WriteLine(JsonSerializer.Serialize(document, Options));
}
