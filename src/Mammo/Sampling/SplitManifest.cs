using System.Globalization;
using System.Text;

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
}
