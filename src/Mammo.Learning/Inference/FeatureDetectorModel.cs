using Mammo.Learning.Baselines;

namespace Mammo.Learning.Inference;

/// <summary>One unit's fitted <see cref="FeatureDetector"/>, as a detect run stores it in <c>feature-detector.json</c>.</summary>
/// <param name="Fold">The unit's fold; null for the patient protocol's single model.</param>
/// <param name="Side">The window side its features were computed on: the run's patch size.</param>
/// <param name="PositiveClass">The class whose probability <paramref name="Model"/> gives.</param>
/// <param name="Model">The logistic regression on the standardised <see cref="Mammo.Baselines.WindowFeatures"/>.</param>
public sealed record FeatureDetectorModel(int? Fold, int Side, int PositiveClass, LogisticModel Model)
{
    /// <summary>What <see cref="Model"/> was fitted to tell apart; a file written before it was recorded holds region fits.</summary>
    public FeatureDetectorObjective Objective { get; init; } = FeatureDetectorObjective.Regions;
}
