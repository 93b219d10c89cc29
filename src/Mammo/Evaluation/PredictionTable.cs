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
            var where = $"{file}:{i + 1}";
            if (f.Length != 6 + classNames.Count)
            {
                throw new MammoDataException($"{where}: expected {6 + classNames.Count} fields, found {f.Length}");
            }

            var trueLabel = IndexOf(classNames, f[4]);
            if (trueLabel < 0)
            {
                throw new MammoDataException($"{where}: field 'true_label' is '{f[4]}', expected one of {string.Join(", ", classNames)}");
            }

            if (!(f[2].Length > 1 && f[2][0] == 'P' && int.TryParse(f[2].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var patient)))
            {
                throw new MammoDataException($"{where}: field 'patient' is '{f[2]}', expected P followed by a number");
            }

            var probabilities = new double[classNames.Count];
            for (var c = 0; c < classNames.Count; c++)
            {
                if (!double.TryParse(f[6 + c], NumberStyles.Float, CultureInfo.InvariantCulture, out probabilities[c]) || probabilities[c] is not (>= 0 and <= 1))
                {
                    throw new MammoDataException($"{where}: field 'p_{classNames[c]}' is '{f[6 + c]}', expected a probability from 0 to 1");
                }
            }

            int? fold = null;
            if (f[3].Length > 0)
            {
                fold = int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new MammoDataException($"{where}: field 'fold' is '{f[3]}', expected a fold number");
            }

            result.Add(new Prediction(f[0], f[1], new Patient(patient), fold, trueLabel, probabilities));
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
