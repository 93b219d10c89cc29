using System.Globalization;
using System.Text.RegularExpressions;
using Mammo.Data;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;

namespace Mammo.Learning.Training;

/// <summary>
/// Where a scan of the run's own data sat in its split, found from the file's MIAS name (mdbNNN) and the run's
/// split.csv: a test patient (cross-validation: of which fold), or a patient the run trained on. A prediction on
/// such a scan is honest only when the model that makes it never saw the patient.
/// </summary>
/// <param name="Fold">The cross-validation fold whose test part holds the patient; null under the patient protocol.</param>
public sealed partial record HeldOutAssignment(string ScanId, Patient Patient, bool HeldOut, int? Fold)
{
    /// <summary>The assignment of the scan named by <paramref name="imagePath"/>, or null when the name is not a scan of the split.</summary>
    /// <exception cref="MammoDataException">split.csv is missing or malformed.</exception>
    public static HeldOutAssignment? Find(RunFolder run, string imagePath)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(imagePath);
        var match = ScanName().Match(Path.GetFileName(imagePath));
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var file = run.File(SplitManifest.FileName);
        if (!File.Exists(file))
        {
            return null;
        }

        var patient = Patient.OfScan(number);
        var rows = SplitManifest.Read(InputFile.ReadText(file, InputFile.MaxCsvBytes), file).Where(r => r.Patient == patient).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var test = rows.FirstOrDefault(r => r.Split == DataSplit.Test);
        return new HeldOutAssignment($"mdb{number:000}", patient, test is not null, test?.Fold);
    }

    [GeneratedRegex(@"^mdb([0-9]{1,8})(\.[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ScanName();
}
