using Mammo.Data;
using Mammo.Imaging;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>
/// Which regions a run's task cuts: from labels alone (<see cref="PatchExtractor.Plan"/>), or for the detector,
/// lesions at the heat map's window radii and tissue regions drawn on every scan (<see cref="DetectionPlan"/>, which
/// reads the scans). <see cref="TrainingRun"/> and <see cref="RunSplit"/> both plan here, so baselines and training
/// see the same samples.
/// </summary>
public static class RunPlan
{
    /// <summary>The heat map's default window radii, which the detector's training windows match.</summary>
    public static IReadOnlyList<double> DetectionRadii { get; } = [48, 96];

    public static PatchPlan Of(Dataset dataset, RunConfig config, ClassificationTask task, PatchExtractor extractor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(extractor);
        if (!task.SamplesTissue)
        {
            return extractor.Plan(dataset.Scans);
        }

        var sampler = new TissueNegativeSampler { PerScan = config.TissuePerScan, Radii = DetectionRadii, Seed = config.Seed };
        return DetectionPlan.Plan(dataset.Source, dataset.Scans, sampler, config.Training.Threads, cancellationToken);
    }
}
