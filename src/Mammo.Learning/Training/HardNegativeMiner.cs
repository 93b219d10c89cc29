using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>
/// The detector's hard negatives: a first-round model maps every scan of its own training patients, and the
/// <see cref="Runs.RunConfig.HardNegatives"/> best-scoring regions of each scan whose circle stays clear of every
/// lesion circle (<see cref="HardNegativeSelection"/>) become tissue samples for the unit's second round. Random
/// tissue regions teach "lesion or some tissue"; the windows that fooled the model are the ones a heat map's top
/// places are lost to, and taking the same number from every scan asks each breast's worst windows to score low,
/// which is what makes scores comparable across scans. Only training patients are mapped: validation and test
/// scans stay unseen.
/// </summary>
internal sealed class HardNegativeMiner(RunContext run)
{
    /// <summary>The mined samples, their patches added to the run's variants, in scan order.</summary>
    public IReadOnlyList<(Sample Sample, double Score)> Mine(TrainedUnit unit, IReadOnlyList<Sample> train, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(train);
        var (config, dataset) = (run.Config, run.Dataset);
        var patients = train.Select(s => s.Patient).ToHashSet();
        var scans = dataset.Scans.Where(s => patients.Contains(s.Patient) && TissueNegativeSampler.CanSample(s))
            .ToDictionary(s => s.FileName, StringComparer.Ordinal);
        using var scorer = DenseScorer(unit);
        var heatmap = new ScanHeatmap(scorer, run.Task.PositiveClass, config.Preprocessing) { Radii = RunPlan.DetectionRadii };
        var mined = new List<(Sample, double)>();
        foreach (var file in dataset.Source.ReadScanFiles(scans.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scan = scans[file.FileName];
            var image = dataset.Source.DecodeScan(file);
            var lesions = scan.Lesions.Select(l => l.Location!.Value).ToList();

            // Non-maximum suppression keeps regions apart; a few more than needed leave room for those on a lesion.
            var top = heatmap.Compute(image.ToGrayImage(), config.HardNegatives + (2 * lesions.Count) + 2).Top;
            foreach (var (region, k) in HardNegativeSelection.Select(top, lesions, config.HardNegatives).Select((r, k) => (r, k)))
            {
                var origin = new PatchOrigin(scan, null, region.Column, region.Y, region.Radius) { TissueIndex = HardNegativeSelection.FirstIndex + k };
                run.Variants[origin.Id] = [.. run.Extractor.Augment(origin, run.Extractor.Cut(image, origin))];
                mined.AddRange(run.Task.Samples([origin]).Select(s => (s, region.Score)));
            }
        }

        return [.. mined.OrderBy(m => m.Item1.Origin.Scan.Number).ThenBy(m => m.Item1.Origin.TissueIndex)];
    }

    // The unit's network as a heat map sees it: one fully convolutional pass for the keras CNN on 48×48 input, crop by crop otherwise.
    private IDenseScorer DenseScorer(TrainedUnit unit) =>
        unit.Model is SeedCnn seed && run.Config.PatchSize == FullyConvolutionalSeedCnn.Window
            ? new TorchDenseScorer([new FullyConvolutionalSeedCnn(seed)], run.Config.Preprocessing)
            : new CropByCropScorer(new UnitScorer(unit, run), run.Config.PatchSize);

    private sealed class UnitScorer(TrainedUnit unit, RunContext run) : IPatchScorer
    {
        private readonly PatchClassifier _classifier = new(unit.Model, run.Config.Preprocessing, TorchDevice.Of(run.Config.Training.Device));

        public IReadOnlyList<string> ClassNames => run.Task.ClassNames;

        public double[][] Predict(IReadOnlyList<byte[]> patches) => _classifier.Predict(patches);
    }
}
