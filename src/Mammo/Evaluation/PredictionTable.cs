using System.Globalization;
using System.Text;
using Mammo.Data;

namespace Mammo.Evaluation;

/// <summary>
/// The CSV of a run's predictions: <c>id,sample_id,patient,fold,true_label,predicted_label,p_&lt;class&gt;…</c>,
/// probabilities written with round-trip precision so metrics recomputed from the file are exact.
/// </summary>
public static class PredictionTable
{
    public static string Write(IEnumerable<Prediction> predictions, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(classNames);
        var text = new StringBuilder("id,sample_id,patient,fold,true_label,predicted_label");
        foreach (var name in classNames)
        {
            text.Append(",p_").Append(name);
        }

        text.Append('\n');
        foreach (var p in predictions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Id},{p.SampleId},{p.Patient},{p.Fold?.ToString(CultureInfo.InvariantCulture)},{classNames[p.TrueLabel]},{classNames[p.PredictedLabel]}");
            foreach (var probability in p.Probabilities)
            {
                text.Append(',').Append(probability.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <exception cref="MammoDataException">A malformed line, named by file and line.</exception>
    public static IReadOnlyList<Prediction> Read(string text, IReadOnlyList<string> classNames, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(classNames);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expectedHeader = Write([], classNames).TrimEnd('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != expectedHeader)
        {
            throw new MammoDataException($"{file}:1: expected header '{expectedHeader}'");
        }

        var result = new List<Prediction>();
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].TrimEnd('\r').Split(',');
            var trueLabel = f.Length == 6 + classNames.Count ? IndexOf(classNames, f[4]) : -1;
            var probabilities = new double[classNames.Count];
            var ok = trueLabel >= 0 && int.TryParse(f[2].TrimStart('P'), out var patient);
            for (var c = 0; ok && c < classNames.Count; c++)
            {
                ok = double.TryParse(f[6 + c], NumberStyles.Float, CultureInfo.InvariantCulture, out probabilities[c]);
            }

            int? fold = null;
            if (ok && f[3].Length > 0)
            {
                ok = int.TryParse(f[3], out var value);
                fold = value;
            }

            if (!ok)
            {
                throw new MammoDataException($"{file}:{i + 1}: malformed prediction row");
            }

            result.Add(new Prediction(f[0], f[1], new Patient(int.Parse(f[2].TrimStart('P'), CultureInfo.InvariantCulture)), fold, trueLabel, probabilities));
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
