using Mammo.Learning.Training;
using Mammo.Localisation;
using Mammo.Runs;

namespace Mammo.Learning.Inference;

/// <summary>
/// A localisation study's cases: the heat map's regions per held-out scan, and <see cref="RandomRepeats"/> random
/// draws per scan (pooled: metrics over them are the chance baseline's expectation). <see cref="Seconds"/> is the
/// heat maps' total time.
/// </summary>
public sealed record LocalisationResult(
    string Task,
    EvaluationProtocol Protocol,
    IReadOnlyList<LocalisationCase> Cases,
    IReadOnlyList<LocalisationCase> RandomCases,
    int RandomRepeats,
    IReadOnlyList<double> Radii,
    double Seconds)
{
    public HitRate HitRate(int top) => LocalisationMetrics.HitRate(Cases, top);

    public HitRate RandomHitRate(int top) => LocalisationMetrics.HitRate(RandomCases, top);

    public FrocCurve Froc() => LocalisationMetrics.Froc(Cases);

    public FrocCurve RandomFroc() => LocalisationMetrics.Froc(RandomCases);

    /// <summary>The same regions as <see cref="Cases"/>, scored relative to their own scan (<see cref="ScanRelativeScores"/>).</summary>
    public IReadOnlyList<LocalisationCase> ScanRelativeCases { get; init; } = [];

    /// <summary>The same scans' regions scored against the patient's other breast (<see cref="ContralateralScores"/>); empty unless asked for.</summary>
    public IReadOnlyList<LocalisationCase> BilateralCases { get; init; } = [];

    public HitRate BilateralHitRate(int top) => LocalisationMetrics.HitRate(BilateralCases, top);

    public FrocCurve BilateralFroc() => LocalisationMetrics.Froc(BilateralCases);

    /// <summary>What scored the windows.</summary>
    public DetectorKind Detector { get; init; } = DetectorKind.Network;

    /// <summary>
    /// The feature detector's held-out AUC on the run's own test samples (each by its fold's detector), with its
    /// bootstrap interval; null when no feature detector was fitted.
    /// </summary>
    public Evaluation.BootstrapInterval? FeatureAuc { get; init; }

    /// <summary>The feature detector's fits were the run's own (<see cref="FeatureDetectorFile"/>), not fitted again by the study.</summary>
    public bool FeaturesStored { get; init; }

    /// <summary>What the feature detector's fits were fitted to tell apart (an older run stores region fits); null when none was used.</summary>
    public FeatureDetectorObjective? FeatureObjective { get; init; }

    /// <summary>The FROC with scores made comparable across scans by <see cref="ScanRelativeScores"/>.</summary>
    public FrocCurve ScanRelativeFroc() => LocalisationMetrics.Froc(ScanRelativeCases);
}
