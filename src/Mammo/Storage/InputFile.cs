using System.Text;
using System.Text.Json;
using Mammo.Data;

namespace Mammo.Storage;

/// <summary>
/// Reads the small files Mammo wrote earlier (JSON, CSV) as untrusted input: a file larger than it could
/// honestly be is refused before it is read, and a malformed one fails with the file and the position, never with
/// the parser's own exception.
/// </summary>
public static class InputFile
{
    /// <summary>Bounds for JSON files (configs, statuses, metrics): the largest Mammo writes is a few kB.</summary>
    public const long MaxJsonBytes = 16L << 20;

    /// <summary>Bounds for CSV files (predictions, splits, histories).</summary>
    public const long MaxCsvBytes = 256L << 20;

    /// <summary>The text of <paramref name="path"/>, refused when larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="MammoDataException">Missing, unreadable or too large.</exception>
    public static string ReadText(string path, long maxBytes, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > maxBytes)
            {
                throw new MammoDataException($"{path}: {stream.Length:N0} bytes, more than the {maxBytes:N0} such a file can hold; it is not read");
            }

            using var reader = new StreamReader(stream, encoding ?? Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MammoDataException($"{path}: missing", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MammoDataException($"{path}: cannot be read ({e.Message})", e);
        }
    }

    /// <summary>Deserialises a JSON file written with <see cref="Json.Options"/>.</summary>
    /// <exception cref="MammoDataException">Missing, too large, not JSON, or not of the expected shape (with line and column).</exception>
    public static T ReadJson<T>(string path)
    {
        var text = ReadText(path, MaxJsonBytes);
        try
        {
            return JsonSerializer.Deserialize<T>(text, Json.Options) ?? throw new MammoDataException($"{path}: empty (null)");
        }
        catch (JsonException e)
        {
            throw new MammoDataException($"{path}:{Position(e)}: not valid: {FirstSentence(e.Message)}", e);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new MammoDataException($"{path}: not valid: {FirstSentence(e.Message)}", e);
        }
    }

    /// <summary>Parses a JSON file into a document the caller reads with <see cref="JsonReading"/>.</summary>
    /// <exception cref="MammoDataException">Missing, too large, or not JSON (with line and column).</exception>
    public static JsonDocument ReadJsonDocument(string path)
    {
        var text = ReadText(path, MaxJsonBytes);
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new MammoDataException($"{path}:{Position(e)}: not valid JSON: {FirstSentence(e.Message)}", e);
        }
    }

    private static readonly string[] s_positionMarkers = [" Path: ", " LineNumber: "];

    private static string Position(JsonException e) => $"{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}";

    // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 4." — the position is given already.
    private static string FirstSentence(string message)
    {
        var cut = s_positionMarkers.Select(m => message.IndexOf(m, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(message.Length).Min();
        return message[..cut].TrimEnd();
    }
}
