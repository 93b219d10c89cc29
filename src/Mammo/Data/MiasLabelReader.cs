using System.Globalization;
using System.Text.RegularExpressions;

namespace Mammo.Data;

/// <summary>
/// Reads the label table of MIAS's Info.txt. Only lines that start with <c>mdb</c> are rows: the file
/// also carries a long text header and a <c>=====</c> footer. Row forms in the real file:
/// <list type="bullet">
/// <item><c>mdb003 D NORM</c> — a normal scan;</item>
/// <item><c>mdb001 G CIRC B 535 425 197</c> — class, severity, x, y, radius;</item>
/// <item><c>mdb059 F CIRC B</c> — class and severity without a location;</item>
/// <item><c>mdb216 D CALC M *NOTE 3*</c> — calcifications spread over the breast, no location.</item>
/// </list>
/// A row that fits none of these becomes a <see cref="DataIssue"/> naming the line and the field.
/// </summary>
public static partial class MiasLabelReader
{
    public const string FileName = "Info.txt";

    /// <summary>Scan numbers above this are typing errors (MIAS has 322; patients are numbered from scans).</summary>
    public const int MaxScanNumber = 99_999_999;

    public static LabelTable Parse(string text, string file = FileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<LabelRow>();
        var issues = new List<DataIssue>();
        var rowCount = 0;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (!line.StartsWith("mdb", StringComparison.Ordinal))
            {
                continue;
            }

            rowCount++;
            var result = ParseRow(line, lineNumber);
            if (result.Row is { } row)
            {
                rows.Add(row);
            }
            else
            {
                issues.Add(new DataIssue(file, lineNumber, result.ScanId, result.Error!));
            }
        }

        return new LabelTable(file, rowCount, rows, issues);
    }

    private static (LabelRow? Row, string? ScanId, string? Error) ParseRow(string line, int lineNumber)
    {
        var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var id = fields[0];
        var idMatch = ScanIdPattern().Match(id);
        if (!idMatch.Success)
        {
            return (null, null, $"reference '{id}' is not of the form mdbNNN");
        }

        if (!int.TryParse(idMatch.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > MaxScanNumber)
        {
            return (null, null, $"reference '{id}' has a number above {MaxScanNumber}");
        }

        if (number < 1)
        {
            return (null, id, $"reference '{id}' has number 0");
        }

        if (fields.Length < 3)
        {
            return (null, id, $"row has {fields.Length} fields; expected at least reference, tissue and class");
        }

        if (!MiasCodes.TryParseTissue(fields[1], out var tissue))
        {
            return (null, id, $"tissue (field 2) '{fields[1]}' is not F, G or D");
        }

        if (!MiasCodes.TryParseClass(fields[2], out var cls))
        {
            return (null, id, $"class (field 3) '{fields[2]}' is not one of CALC, CIRC, SPIC, MISC, ARCH, ASYM, NORM");
        }

        if (cls == AbnormalityClass.Normal)
        {
            return fields.Length == 3
                ? (new LabelRow(lineNumber, id, number, tissue, cls, null, null, null), id, null)
                : (null, id, $"NORM row has {fields.Length} fields; expected 3");
        }

        if (fields.Length < 4)
        {
            return (null, id, $"{fields[2]} row has no severity (field 4)");
        }

        if (!MiasCodes.TryParseSeverity(fields[3], out var severity))
        {
            return (null, id, $"severity (field 4) '{fields[3]}' is not B or M");
        }

        if (fields.Length == 4)
        {
            return (new LabelRow(lineNumber, id, number, tissue, cls, severity, null, null), id, null);
        }

        if (fields[4].StartsWith("*NOTE", StringComparison.Ordinal))
        {
            var note = string.Join(' ', fields.Skip(4));
            return (new LabelRow(lineNumber, id, number, tissue, cls, severity, null, note), id, null);
        }

        if (fields.Length != 7)
        {
            return (null, id, $"{fields[2]} row has {fields.Length} fields; expected 4 (no location) or 7 (x, y, radius)");
        }

        string[] names = ["x (field 5)", "y (field 6)", "radius (field 7)"];
        var values = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(fields[4 + i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])
                || !double.IsFinite(values[i]))
            {
                return (null, id, $"{names[i]} '{fields[4 + i]}' is not a number");
            }
        }

        if (values[0] < 0 || values[1] < 0)
        {
            return (null, id, $"centre ({fields[4]}, {fields[5]}) is negative");
        }

        if (values[2] <= 0)
        {
            return (null, id, $"radius (field 7) '{fields[6]}' must be positive");
        }

        var location = new LesionLocation(values[0], values[1], values[2]);
        return (new LabelRow(lineNumber, id, number, tissue, cls, severity, location, null), id, null);
    }

    [GeneratedRegex("^mdb([0-9]{3,})$", RegexOptions.CultureInvariant)]
    private static partial Regex ScanIdPattern();
}
