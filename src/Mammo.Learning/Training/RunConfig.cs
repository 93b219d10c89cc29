using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>Every choice a training run makes, saved as the run's <c>config.json</c> (enough to repeat or resume it).</summary>
public sealed record RunConfig
{
    public string Task { get; init; } = "calc";

    public string Model { get; init; } = "seed";

    public Balancing Balancing { get; init; } = Balancing.Class;

    public EvaluationProtocol Protocol { get; init; } = EvaluationProtocol.Patient;

    public int Folds { get; init; } = 5;

    public double TrainFraction { get; init; } = 0.6;

    public double ValidationFraction { get; init; } = 0.2;

    public double TestFraction { get; init; } = 0.2;

    public int PatchSize { get; init; } = 48;

    public string Radius { get; init; } = "lesion";

    public int Seed { get; init; }

    /// <summary>For the detect task: tissue regions drawn per scan as negatives (<see cref="TissueNegativeSampler.PerScan"/>).</summary>
    public int TissuePerScan { get; init; } = 4;

    public TrainingOptions Training { get; init; } = new();

    /// <summary>Also Platt-scale the test probabilities, fitted on each unit's validation part (reported beside the raw ones).</summary>
    public bool Calibrate { get; init; }

    /// <summary>A PyTorch state_dict (full path) that every model starts from instead of random weights; null for random.</summary>
    public string? InitFrom { get; init; }

    /// <summary>Where the data was read from, and its SHA-256 (of the archive, or of Info.txt and every image).</summary>
    public string DataPath { get; init; } = string.Empty;

    public string DataChecksum { get; init; } = string.Empty;

    /// <summary>True for the seed protocol: every output of such a run says its numbers are inflated.</summary>
    public bool Leaky => Protocol == EvaluationProtocol.Seed;
}
