using System.Globalization;
using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Imaging;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>
/// What every part of one training run shares: the data, the configuration, the run folder, the observer, the
/// task, the cut patches of each sample, and what the protocol gathers for the run's assessment.
/// </summary>
internal sealed class RunContext(Dataset dataset, RunConfig config, RunFolder folder, RunObserver observer)
{
    public Dataset Dataset { get; } = dataset;

    public RunConfig Config { get; } = config;

    public RunFolder Folder { get; } = folder;

    public RunObserver Observer { get; } = observer;

    public ClassificationTask Task { get; } = ClassificationTask.Parse(config.Task);

    public PatchExtractor Extractor { get; } = config.Preprocessing.Extractor(config.Seed);

    /// <summary>Each sample's patches (its variants, in the extractor's order), by sample id.</summary>
    public Dictionary<string, List<Patch>> Variants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The units (one model, or one per fold) and what they trained, validated and tested on.</summary>
    public List<EvaluationUnit> Units { get; } = [];

    /// <summary>The detector's mined negatives, by unit (fold, or null), with the first-round score that chose each.</summary>
    public List<(int? Fold, Sample Sample, double Score)> HardNegatives { get; } = [];

    /// <summary>Every unit's predictions on its validation part (thresholds and calibration are fitted on them).</summary>
    public List<Prediction> Validation { get; } = [];

    public string Describe(IReadOnlyList<Sample> samples) =>
        $"{samples.Count} ({string.Join("/", Task.ClassNames.Select((n, i) => $"{samples.Count(s => s.Label == i)} {n}"))})";

    public static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    public void Say(string message)
    {
        Log(message);
        Observer.OnMessage?.Invoke(message);
    }

    public void Log(string message) => Folder.Log(message);
}
