namespace Mammo.Data;

/// <summary>
/// The counts a user checks first (what <c>mammo info</c> prints). Lesion counts are label rows with a
/// class other than NORM; a scan with two lesions counts once among scans and twice among lesions.
/// </summary>
public sealed record DatasetSummary(
    string Source,
    int Scans,
    int Patients,
    int LabelRows,
    int NormalScans,
    int AbnormalScans,
    int Lesions,
    int LesionsWithLocation,
    int BenignWithLocation,
    int MalignantWithLocation,
    IReadOnlyList<string> LesionsWithoutLocation,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ClassBySeverity,
    IReadOnlyDictionary<string, int> ScansByTissue,
    IReadOnlyList<DataIssue> Excluded,
    DatasetFormat Format)
{
    public static DatasetSummary Of(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var lesions = dataset.Lesions.ToList();
        var located = lesions.Where(l => l.Location is not null).ToList();
        // OTHER (free-text classes) and unknown tissue appear only where a dataset has them: MIAS's counts stay as they were.
        var classes = MiasCodes.AbnormalClasses.Concat(lesions.Any(l => l.Class == AbnormalityClass.Other) ? [AbnormalityClass.Other] : []);
        var classBySeverity = classes.ToDictionary(
            c => c.Code(),
            c => (IReadOnlyDictionary<string, int>)new Dictionary<string, int>
            {
                ["B"] = lesions.Count(l => l.Class == c && l.Severity == Severity.Benign),
                ["M"] = lesions.Count(l => l.Class == c && l.Severity == Severity.Malignant),
            });
        var byTissue = Enum.GetValues<Tissue>().Where(t => t != Tissue.Unknown || dataset.Scans.Any(s => s.Tissue == t)).ToDictionary(t => t.Code(), t => dataset.Scans.Count(s => s.Tissue == t));
        return new DatasetSummary(
            dataset.Source.Path,
            dataset.Scans.Count,
            dataset.Scans.Select(s => s.PatientId).Distinct(StringComparer.Ordinal).Count(),
            dataset.LabelRowCount,
            dataset.Scans.Count(s => s.IsNormal),
            dataset.Scans.Count(s => !s.IsNormal),
            lesions.Count,
            located.Count,
            located.Count(l => l.Severity == Severity.Benign),
            located.Count(l => l.Severity == Severity.Malignant),
            lesions.Where(l => l.Location is null).Select(l => l.ScanId).Distinct().ToList(),
            classBySeverity,
            byTissue,
            dataset.Excluded,
            dataset.Format);
    }
}
