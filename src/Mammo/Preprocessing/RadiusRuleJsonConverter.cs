using System.Text.Json;
using System.Text.Json.Serialization;
using Mammo.Imaging;

namespace Mammo.Preprocessing;

/// <summary>Writes a <see cref="RadiusRule"/> as the text a user types (<c>lesion</c>, <c>fixed:64</c>), so config.json reads as the command did.</summary>
public sealed class RadiusRuleJsonConverter : JsonConverter<RadiusRule>
{
    public override RadiusRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected a crop rule such as \"lesion\" or \"fixed:64\"");
        }

        try
        {
            return RadiusRule.Parse(reader.GetString()!);
        }
        catch (InvalidSettingException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, RadiusRule value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
