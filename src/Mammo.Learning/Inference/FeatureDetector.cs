using Mammo.Baselines;
using Mammo.Data;
using Mammo.Learning.Baselines;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.Learning.Inference;

/// <summary>
/// The image-feature baseline as a detector: a logistic regression (C = 1 on standardised inputs, as
/// <see cref="BaselineRunner"/>'s) on the <see cref="WindowFeatures"/> of each training region, cut exactly as the
/// run cut its patches. It scores patches like a network, so a heat map (through <see cref="CropByCropScorer"/>)
/// and <c>mammo localise</c> set it beside the run's own networks on the same folds. Features are computed in
/// parallel; the fit itself is deterministic. A detect run stores each unit's fit (<see cref="FeatureDetectorFile"/>);
/// several fits together score a window by the mean of their probabilities, as a cv run's fold networks do.
/// </summary>
public sealed class FeatureDetector : IPatchScorer
{
    private readonly IReadOnlyList<LogisticModel> _models;
    private readonly int _side;
    private readonly int _threads;

    private FeatureDetector(IReadOnlyList<LogisticModel> models, IReadOnlyList<string> classNames, int positiveClass, int side, int threads)
    {
        (_models, ClassNames, PositiveClass, _side, _threads) = (models, classNames, positiveClass, side, threads);
    }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The class whose probability the logistic regression gives; the other class takes the rest.</summary>
    public int PositiveClass { get; }

    /// <summary>Fits on patches already cut (side × side, 8-bit grey); <paramref name="positive"/>(i) says whether patch i shows the positive class.</summary>
    /// <param name="threads">Patches whose features are computed at once; 0 for one per core.</param>
    /// <exception cref="ArgumentException">No patches, a patch of another size, one class only, or not two classes.</exception>
    public static FeatureDetector Fit(IReadOnlyList<byte[]> patches, IReadOnlyList<bool> positive, IReadOnlyList<string> classNames, int positiveClass, int side, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(patches);
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count != 2 || positiveClass is < 0 or > 1)
        {
            throw new ArgumentException($"a feature detector separates two classes, not {classNames.Count}", nameof(classNames));
        }

        if (patches.Count != positive.Count || !positive.Contains(true) || !positive.Contains(false))
        {
            throw new ArgumentException($"{patches.Count} patches and {positive.Count} labels: need as many of each, and both classes", nameof(positive));
        }

        var features = Features(patches, side, threads);
        return new FeatureDetector([LogisticRegression.Fit(features, positive, BaselineRunner.C)], classNames, positiveClass, side, threads);
    }

    /// <summary>The stored fits of one or more units, scoring together by the mean of their probabilities.</summary>
    /// <exception cref="ArgumentException">No fits, fits of different window sides or positive classes, or not two classes.</exception>
    public static FeatureDetector Of(IReadOnlyList<FeatureDetectorModel> models, IReadOnlyList<string> classNames, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(classNames);
        if (models.Count == 0 || classNames.Count != 2 || models.Any(m => m.Side != models[0].Side || m.PositiveClass != models[0].PositiveClass || m.PositiveClass is < 0 or > 1))
        {
            throw new ArgumentException($"{models.Count} feature detector fits for {classNames.Count} classes: need at least one, all of one window side and positive class, and two classes", nameof(models));
        }

        return new FeatureDetector([.. models.Select(m => m.Model)], classNames, models[0].PositiveClass, models[0].Side, threads);
    }

    /// <summary>This detector's one fit, as a run stores it for <paramref name="fold"/>.</summary>
    /// <exception cref="InvalidOperationException">The detector averages several fits.</exception>
    public FeatureDetectorModel ToModel(int? fold) => _models.Count == 1
        ? new FeatureDetectorModel(fold, _side, PositiveClass, _models[0])
        : throw new InvalidOperationException($"this detector averages {_models.Count} fits; store each on its own");

    /// <summary>
    /// Fits on <paramref name="samples"/> (a unit's training and validation parts, say), each as <see cref="Cut"/> cut it:
    /// one region per sample, no augmented copies, as the features baseline fits.
    /// </summary>
    /// <param name="cut">Each sample's region by sample id; it may hold more samples than these.</param>
    public static FeatureDetector Fit(IReadOnlyDictionary<string, byte[]> cut, RunConfig config, IReadOnlyList<Sample> samples, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(cut);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(samples);
        var task = ClassificationTask.Parse(config.Task);
        return Fit([.. samples.Select(s => cut[s.Id])], [.. samples.Select(s => s.Label == task.PositiveClass)], task.ClassNames, task.PositiveClass, config.PatchSize, threads);
    }

    /// <summary>Each sample's region cut by <paramref name="config"/>'s own extractor, as the run cut it before augmenting, by sample id; each scan read once.</summary>
    /// <exception cref="MammoDataException">A scan is missing or unreadable.</exception>
    public static IReadOnlyDictionary<string, byte[]> Cut(Dataset dataset, RunConfig config, IReadOnlyList<Sample> samples, int threads = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(samples);
        var regions = config.Preprocessing.Extractor(config.Seed, threads).CutEach(dataset.Source, [.. samples.Select(s => s.Origin)], cancellationToken);
        return samples.Select((s, i) => (s.Id, Pixels: regions[i])).ToDictionary(x => x.Id, x => x.Pixels, StringComparer.Ordinal);
    }

    public double[][] Predict(IReadOnlyList<byte[]> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        var features = Features(patches, _side, _threads);
        return [.. features.Select(f =>
        {
            var p = _models.Average(m => m.Probability(f));
            var row = new double[2];
            (row[PositiveClass], row[1 - PositiveClass]) = (p, 1 - p);
            return row;
        })];
    }

    private static double[][] Features(IReadOnlyList<byte[]> patches, int side, int threads)
    {
        var features = new double[patches.Count][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        Parallel.For(0, patches.Count, parallel, i => features[i] = WindowFeatures.Compute(patches[i], side));
        return features;
    }
}
