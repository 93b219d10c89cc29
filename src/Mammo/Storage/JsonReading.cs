using System.Text.Json;
using Mammo.Data;

namespace Mammo.Storage;

/// <summary>Reads required fields of a JSON document so that a missing or mistyped one names the file and the field.</summary>
public static class JsonReading
{
    public static JsonElement Property(this JsonElement element, string name, string file) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new MammoDataException($"{file}: field '{name}' is missing");

    public static double Number(this JsonElement element, string name, string file)
    {
        var value = element.Property(name, file);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new MammoDataException($"{file}: field '{name}' is {value.ValueKind.ToString().ToLowerInvariant()}, expected a number");
    }

    public static int WholeNumber(this JsonElement element, string name, string file)
    {
        var value = element.Property(name, file);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new MammoDataException($"{file}: field '{name}' is not a whole number");
    }

    public static string Text(this JsonElement element, string name, string file)
    {
        var value = element.Property(name, file);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new MammoDataException($"{file}: field '{name}' is {value.ValueKind.ToString().ToLowerInvariant()}, expected text");
    }

    /// <summary>A number, or null when the field is absent or null.</summary>
    public static double? OptionalNumber(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            ? number
            : null;
}
