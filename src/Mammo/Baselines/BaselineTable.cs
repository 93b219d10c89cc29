using System.Globalization;
using System.Text;
using Mammo.Data;

namespace Mammo.Baselines;

/// <summary>
/// A run's <c>baselines.csv</c>: <c>sample_id,fold,label</c> and one column per baseline (its score: a probability,
/// or the radius in pixels), one row per held-out sample. The fold is empty under the patient protocol.
/// </summary>
public static class BaselineTable
{
    public const string FileName = "baselines.csv";

    private const string Prefix = "sample_id,fold,label";

    public static string Write(BaselineScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var text = new StringBuilder(Prefix);
        foreach (var kind in scores.Kinds)
        {
            text.Append(',').Append(kind.Code());
        }

        text.Append('\n');
        foreach (var row in scores.Rows)
        {
            text.Append(row.SampleId).Append(',')
                .Append(row.Fold?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Label.ToString(CultureInfo.InvariantCulture));
            foreach (var score in row.Scores)
            {
                text.Append(',').Append(score.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <exception cref="MammoDataException">A wrong header or a malformed row, with its line and field.</exception>
    public static BaselineScores Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var header = lines[0].TrimEnd('\r').Split(',');
        if (header.Length < 4 || string.Join(',', header.Take(3)) != Prefix)
        {
            throw new MammoDataException($"{file}:1: expected the header '{Prefix},' followed by baseline names, found '{lines[0].TrimEnd('\r')}'");
        }

        var kinds = new List<BaselineKind>();
        foreach (var name in header.Skip(3))
        {
            kinds.Add(BaselineKindExtensions.TryParse(name, out var kind)
                ? kind
                : throw new MammoDataException($"{file}:1: unknown baseline '{name}'; expected prevalence, radius, metadata or features"));
        }

        var rows = new List<BaselineRow>();
        for (var n = 1; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new MammoDataException($"{file}:{n + 1}: expected {header.Length} fields, found {fields.Length}");
            }

            int? fold = fields[1].Length == 0 ? null
                : int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f
                : throw new MammoDataException($"{file}:{n + 1}: field 'fold' is '{fields[1]}', expected a fold number or nothing");
            var label = int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var l)
                ? l
                : throw new MammoDataException($"{file}:{n + 1}: field 'label' is '{fields[2]}', expected a class index");
            var values = new double[kinds.Count];
            for (var k = 0; k < kinds.Count; k++)
            {
                values[k] = double.TryParse(fields[3 + k], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                    ? v
                    : throw new MammoDataException($"{file}:{n + 1}: field '{kinds[k].Code()}' is '{fields[3 + k]}', expected a finite number");
            }

            rows.Add(new BaselineRow(fields[0], fold, label, values));
        }

        return new BaselineScores(kinds, rows);
    }
}
