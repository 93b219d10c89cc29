using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mammo.Storage;

/// <summary>
/// Reads and writes enums that have former names (<see cref="EnumAliasAttribute"/>) as <see cref="EnumNames"/> spells
/// them, so JSON files written before a rename still read. Listed in the options before the general
/// <see cref="JsonStringEnumConverter"/>, which does not know aliases and would otherwise take these enums too.
/// </summary>
public sealed class EnumAliasJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => EnumNames.HasAliases(typeToConvert);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert));

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return EnumNames.TryParse<T>(text, out var value)
                ? value
                : throw new JsonException($"{(text is null ? reader.TokenType.ToString().ToLowerInvariant() : $"'{text}'")} is not a name of {typeof(T).Name}; expected one of {string.Join(", ", EnumNames.All<T>())}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(EnumNames.Of(value));
        }
    }
}
