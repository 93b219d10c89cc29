namespace Mammo.Learning.Inference;

/// <summary>What a <see cref="FeatureDetector"/>'s logistic model was fitted to tell apart.</summary>
public enum FeatureDetectorObjective
{
    /// <summary>Lesion regions from tissue regions, as the run cut them (logistic regression; Mammo's first detectors, and a run's features baseline).</summary>
    Regions,

    /// <summary>
    /// The windows of a scan that hold a lesion's centre from the scan's other windows, every window the heat map may
    /// list (a conditional logit: the question the heat map's top region answers), its intercept set by likelihood.
    /// </summary>
    Ranking,
}
