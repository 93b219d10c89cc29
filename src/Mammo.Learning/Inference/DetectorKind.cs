namespace Mammo.Learning.Inference;

/// <summary>What scores a heat map's windows in a localisation study.</summary>
public enum DetectorKind
{
    /// <summary>The run's own networks (each held-out scan by the fold model that never saw its patient).</summary>
    Network,

    /// <summary>A <see cref="FeatureDetector"/> fitted on the same fold's training and validation samples.</summary>
    Features,

    /// <summary>Both, each window by the mean of their log-odds (<see cref="LogOddsMeanScorer"/>).</summary>
    Combined,

    /// <summary>
    /// The best one the run can give without the data: <see cref="Combined"/> for a run that stores its feature
    /// detector (<see cref="FeatureDetectorFile.DefaultDetector"/>), otherwise <see cref="Network"/>.
    /// </summary>
    Auto,
}
