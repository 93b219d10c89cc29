namespace Mammo.Localisation;

/// <summary>
/// Free-response ROC: lesion sensitivity against false-positive regions per image as the score threshold falls.
/// <see cref="Points"/> start at (0, 0) and run in order of rising false positives.
/// </summary>
public sealed record FrocCurve(IReadOnlyList<FrocPoint> Points, int Images, int Lesions)
{
    /// <summary>The best sensitivity reached without exceeding the given false positives per image.</summary>
    public double SensitivityAt(double falsePositivesPerImage) =>
        Points.Where(p => p.FalsePositivesPerImage <= falsePositivesPerImage).Max(p => p.Sensitivity);
}
