using System.Globalization;
using System.Text;
using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>
/// The CSV that records which sample went where, so a run's split can be checked and reproduced:
/// <c>sample_id,patient,label,split</c>, plus a <c>fold</c> column for cross-validation (every sample then
/// appears once per fold).
/// </summary>
public static class SplitManifest
{
    public const string FileName = "split.csv";

    public const string Header = "sample_id,patient,label,split";

    public const string FoldHeader = Header + ",fold";

    /// <summary>The split's name in files: train, validation, test.</summary>
    public static string Code(this DataSplit split) => split switch
    {
        DataSplit.Train => "train",
        DataSplit.Validation => "validation",
        DataSplit.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };

    /// <summary>The CSV text; the fold column is written when the rows have folds (all of them, or none).</summary>
    public static string Write(IEnumerable<SplitRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var withFold = list.Count > 0 && list[0].Fold is not null;
        if (list.Any(r => r.Fold is not null != withFold))
        {
            throw new ArgumentException("either every row has a fold or none has", nameof(rows));
        }

        var text = new StringBuilder(withFold ? FoldHeader : Header).Append('\n');
        foreach (var row in list)
        {
            text.Append(row.SampleId).Append(',')
                .Append(row.Patient.ToString()).Append(',')
                .Append(row.Label.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Split.Code());
            if (withFold)
            {
                text.Append(',').Append(row.Fold!.Value.ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The cross-validation manifest: every fold's rows, fold by fold.</summary>
    public static string Write(IReadOnlyList<Fold> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        return Write(folds.SelectMany(f => f.Rows()));
    }

    /// <summary>Reads a manifest back (with or without the fold column).</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="file">The file it came from, for messages.</param>
    /// <exception cref="MammoDataException">A wrong header or a malformed row, with its line.</exception>
    public static IReadOnlyList<SplitRow> Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var header = lines[0].TrimEnd('\r');
        var withFold = header == FoldHeader;
        if (!withFold && header != Header)
        {
            throw new MammoDataException($"{file}:1: expected the header '{Header}' (or with ',fold'), found '{header}'");
        }

        var rows = new List<SplitRow>();
        for (var n = 1; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != (withFold ? 5 : 4))
            {
                throw new MammoDataException($"{file}:{n + 1}: expected {(withFold ? 5 : 4)} fields, found {fields.Length}");
            }

            var patient = fields[1].Length > 1 && fields[1][0] == 'P' && int.TryParse(fields[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? new Patient(number)
                : throw new MammoDataException($"{file}:{n + 1}: field 'patient' is '{fields[1]}', expected P followed by a number");
            var label = int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var l)
                ? l
                : throw new MammoDataException($"{file}:{n + 1}: field 'label' is '{fields[2]}', expected a class index");
            var split = fields[3] switch
            {
                "train" => DataSplit.Train,
                "validation" => DataSplit.Validation,
                "test" => DataSplit.Test,
                _ => throw new MammoDataException($"{file}:{n + 1}: field 'split' is '{fields[3]}', expected train, validation or test"),
            };
            int? fold = null;
            if (withFold)
            {
                fold = int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var f)
                    ? f
                    : throw new MammoDataException($"{file}:{n + 1}: field 'fold' is '{fields[4]}', expected a fold number");
            }

            rows.Add(new SplitRow(fields[0], patient, label, split, fold));
        }

        return rows;
    }
}
