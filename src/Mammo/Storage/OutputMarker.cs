using System.Text.Json;

namespace Mammo.Storage;

/// <summary>
/// The file Mammo leaves in every folder it writes (patches, runs, experiments, localisation studies), naming the
/// kind. Replacing a folder is allowed only where this marker says Mammo wrote it, so an overwrite can never
/// delete a folder of someone else's.
/// </summary>
public static class OutputMarker
{
    public const string FileName = ".mammo-output";

    public static void Write(string folder, OutputKind kind) =>
        File.WriteAllText(System.IO.Path.Combine(folder, FileName), Json.Serialize(new { Kind = kind, WrittenBy = "mammo" }) + "\n");

    /// <summary>The kind recorded in <paramref name="folder"/>, or null when it has no readable marker.</summary>
    public static OutputKind? Read(string folder)
    {
        var file = System.IO.Path.Combine(folder, FileName);
        var info = new FileInfo(file);
        if (!info.Exists || info.Length > 4096)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.TryGetProperty("kind", out var value) && value.ValueKind == JsonValueKind.String
                && Enum.TryParse<OutputKind>(value.GetString(), ignoreCase: true, out var kind) ? kind : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
