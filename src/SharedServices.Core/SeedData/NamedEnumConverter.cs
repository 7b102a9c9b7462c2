using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharedServices.Core.SeedData;

/// <summary>
/// Reads enums from seed files by exact name only, and says which names are allowed when a value is wrong
/// ("'Friendship' is not one of: TradedServices, StrategicPartnership, …"). Numbers are refused: they hide meaning.
/// </summary>
internal sealed class NamedEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null && Enum.GetNames<T>().Contains(text, StringComparer.Ordinal)) return Enum.Parse<T>(text);
            throw new JsonException($"{(text is null ? "a " + reader.TokenType.ToString().ToLowerInvariant() : $"'{text}'")} is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
