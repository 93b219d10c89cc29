using System.Text.Json.Serialization;
using Mammo.Preprocessing;
using Mammo.Sampling;

namespace Mammo.Runs;

/// <summary>Every choice a training run makes, saved as the run's <c>config.json</c> (enough to repeat or resume it).</summary>
public sealed record RunConfig
{
    private readonly PatchPipeline? _preprocessing;
    private readonly string _model = ModelNames.Keras;

    public string Task { get; init; } = "calc";

    /// <summary>The network's name; a former one (<see cref="ModelNames.Aliases"/>, in an older config.json) reads as today's.</summary>
    public string Model
    {
        get => _model;
        init => _model = ModelNames.Canonical(value);
    }

    public Balancing Balancing { get; init; } = Balancing.Class;

    public EvaluationProtocol Protocol { get; init; } = EvaluationProtocol.Patient;

    public int Folds { get; init; } = 5;

    public double TrainFraction { get; init; } = 0.6;

    public double ValidationFraction { get; init; } = 0.2;

    public double TestFraction { get; init; } = 0.2;

    /// <summary>
    /// How a region becomes network input: crop, size, intensity, variants. Unset, it follows the protocol (the
    /// original's recipe for the leaky protocol), which also reads config.json files written before it was recorded.
    /// </summary>
    public PatchPipeline Preprocessing
    {
        get => _preprocessing ?? (Protocol == EvaluationProtocol.Leaky ? PatchPipeline.Original : PatchPipeline.Default);
        init => _preprocessing = value;
    }

    /// <summary>The side of the network's input (<see cref="PatchPipeline.Size"/>).</summary>
    [JsonIgnore]
    public int PatchSize => Preprocessing.Size;

    public int Seed { get; init; }

    /// <summary>For the detect task: tissue regions drawn per scan as negatives (<see cref="TissueNegativeSampler.PerScan"/>).</summary>
    public int TissuePerScan { get; init; } = 4;

    /// <summary>
    /// For the detect task: when above 0, each unit trains twice; the first round's model maps its training scans and
    /// this many of each scan's best-scoring regions away from every lesion join the second round as negatives.
    /// </summary>
    public int HardNegatives { get; init; }

    public TrainingOptions Training { get; init; } = new();

    /// <summary>What is fused with the network's score (fitted on each unit's training and validation parts), reported beside it.</summary>
    public FusionKind Fusion { get; init; }

    /// <summary>Also Platt-scale the test probabilities, fitted on each unit's validation part (reported beside the raw ones).</summary>
    public bool Calibrate { get; init; }

    /// <summary>A PyTorch state_dict (full path) that every model starts from instead of random weights; null for random.</summary>
    public string? InitFrom { get; init; }

    /// <summary>Where the data was read from, and its SHA-256 (of the archive, or of Info.txt and every image).</summary>
    public string DataPath { get; init; } = string.Empty;

    public string DataChecksum { get; init; } = string.Empty;

    /// <summary>True for the leaky protocol: every output of such a run says its numbers are inflated.</summary>
    public bool Leaky => Protocol == EvaluationProtocol.Leaky;
}
