using Mammo.Baselines;
using Mammo.Data;
using Mammo.Learning.Baselines;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.Learning.Inference;

/// <summary>
/// A detector of hand-crafted features: a linear model on the <see cref="WindowFeatures"/> of a 48×48 window (C = 1 on
/// standardised inputs, as <see cref="BaselineRunner"/>'s), fitted either as the image-feature baseline is, lesion
/// regions against tissue regions cut exactly as the run cut its patches (<see cref="FeatureDetectorObjective.Regions"/>),
/// or to rank each training scan's heat-map windows so that those holding a lesion come first
/// (<see cref="FeatureDetectorObjective.Ranking"/>, what a detect run stores). It scores patches like a network, so a
/// heat map (through <see cref="CropByCropScorer"/>) and <c>mammo localise</c> set it beside the run's own networks on
/// the same folds. Features are computed in parallel; the fit itself is deterministic. A detect run stores each unit's fit (<see cref="FeatureDetectorFile"/>);
/// several fits together score a window by the mean of their probabilities, as a cv run's fold networks do.
/// </summary>
public sealed class FeatureDetector : IPatchScorer
{
    private readonly IReadOnlyList<LogisticModel> _models;
    private readonly int _side;
    private readonly int _threads;

    private FeatureDetector(IReadOnlyList<LogisticModel> models, IReadOnlyList<string> classNames, int positiveClass, int side, int threads, FeatureDetectorObjective objective = FeatureDetectorObjective.Regions)
    {
        (_models, ClassNames, PositiveClass, _side, _threads, Objective) = (models, classNames, positiveClass, side, threads, objective);
    }

    /// <summary>What the fits were fitted to tell apart.</summary>
    public FeatureDetectorObjective Objective { get; }

    /// <summary>
    /// The most windows <see cref="RankingScans"/> keeps (each takes about 0.7 kB while a fit runs; a MIAS scan has
    /// 5,000–9,000 of them, all of MIAS's located scans about 750,000): past it, the scans the source yields later are
    /// left out whole, so each scan kept still ranks all its windows.
    /// </summary>
    public const int MaxRankingWindows = 2_000_000;

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The class whose probability the logistic regression gives; the other class takes the rest.</summary>
    public int PositiveClass { get; }

    /// <summary>
    /// Fits the region detector (<see cref="FeatureDetectorObjective.Regions"/>) on patches already cut (side × side,
    /// 8-bit grey); <paramref name="positive"/>(i) says whether patch i shows the positive class.
    /// </summary>
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

    /// <summary>
    /// Fits the ranking detector (<see cref="FeatureDetectorObjective.Ranking"/>): a conditional logit over each scan's
    /// windows, C = 1 on standardised inputs, that puts the windows holding a lesion's centre first.
    /// </summary>
    /// <exception cref="ArgumentException">No scan with a window that holds a lesion, or not two classes.</exception>
    public static FeatureDetector FitRanking(IReadOnlyList<RankingScan> scans, IReadOnlyList<string> classNames, int positiveClass, int side, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count != 2 || positiveClass is < 0 or > 1)
        {
            throw new ArgumentException($"a feature detector separates two classes, not {classNames.Count}", nameof(classNames));
        }

        var model = ConditionalLogit.Fit([.. scans.Select(s => (s.Features, s.HoldsLesion))], BaselineRunner.C);
        return new FeatureDetector([model], classNames, positiveClass, side, threads, FeatureDetectorObjective.Ranking);
    }

    /// <summary>
    /// Every <see cref="HeatmapWindows"/> window of each scan (at the heat map's default radii, after <paramref name="config"/>'s
    /// intensity step), its <see cref="WindowFeatures"/>, and whether its circle holds a located lesion's centre; each scan read once.
    /// Scans past <see cref="MaxRankingWindows"/> in the order the source yields them are left out.
    /// </summary>
    /// <exception cref="MammoDataException">A scan is missing or unreadable.</exception>
    public static IReadOnlyList<RankingScan> RankingScans(Dataset dataset, RunConfig config, IReadOnlyList<Scan> scans, int threads = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(scans);
        var byFile = scans.ToDictionary(s => s.FileName, StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount, CancellationToken = cancellationToken };
        var ranked = new Dictionary<string, RankingScan>(StringComparer.Ordinal);
        var total = 0L;
        foreach (var file in dataset.Source.ReadScanFiles(byFile.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken))
        {
            var scan = byFile[file.FileName];
            var windows = HeatmapWindows.Of(dataset.Source.Decode(file), config.Preprocessing, ScanHeatmap.DefaultRadii, config.PatchSize);
            if ((total += windows.Count) > MaxRankingWindows)
            {
                break;
            }

            var lesions = scan.Lesions.Where(l => l.Location is not null).Select(l => l.Location!.Value).ToList();
            var features = new double[windows.Count][];
            Parallel.For(0, windows.Count, parallel, i => features[i] = WindowFeatures.Compute(windows[i].Pixels, config.PatchSize));
            ranked[file.FileName] = new RankingScan(scan.Id, features, [.. windows.Select(w => lesions.Any(w.Region.Contains))]);
        }

        return [.. scans.Where(s => ranked.ContainsKey(s.FileName)).Select(s => ranked[s.FileName])];
    }

    /// <summary>
    /// Each unit's ranking detector, fitted on the scans with a located lesion of the patients <paramref name="fitOn"/>
    /// holds for it (its training and validation parts: never a test patient). Each scan's windows are worked out once.
    /// </summary>
    /// <returns>The detectors in unit order; the scans whose windows they ranked, and those left out past <see cref="MaxRankingWindows"/>.</returns>
    /// <exception cref="MammoDataException">A scan is unreadable, or a unit has no scan with a window holding a lesion (images too small for the windows, say).</exception>
    public static (IReadOnlyList<FeatureDetector> Detectors, int Scans, int LeftOut) FitRanking(Dataset dataset, RunConfig config, IReadOnlyList<IReadOnlyList<Sample>> fitOn, int threads = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(fitOn);
        var task = ClassificationTask.Parse(config.Task);
        var patients = fitOn.Select(samples => samples.Select(s => s.Patient).ToHashSet()).ToList();
        var located = dataset.Scans.Where(s => s.Lesions.Any(l => l.Location is not null) && patients.Any(p => p.Contains(s.Patient))).ToList();
        var scans = RankingScans(dataset, config, located, threads, cancellationToken).ToDictionary(r => r.ScanId, StringComparer.Ordinal);
        var detectors = new List<FeatureDetector>();
        foreach (var (p, unit) in patients.Select((p, i) => (p, i)))
        {
            List<RankingScan> mine = [.. located.Where(s => p.Contains(s.Patient) && scans.ContainsKey(s.Id)).Select(s => scans[s.Id])];
            detectors.Add(mine.Any(s => s.HoldsLesion.Contains(true))
                ? FitRanking(mine, task.ClassNames, task.PositiveClass, config.PatchSize, threads)
                : throw new MammoDataException($"{dataset.Source.Path}: unit {unit} (counted from 0) of the run's split has no training scan with a heat-map window holding a lesion's centre ({mine.Count} scans with a located lesion); the ranking detector cannot be fitted"));
        }

        return (detectors, scans.Count, located.Count - scans.Count);
    }

    /// <summary>The stored fits of one or more units, scoring together by the mean of their probabilities.</summary>
    /// <exception cref="ArgumentException">No fits, fits of different window sides or positive classes, or not two classes.</exception>
    public static FeatureDetector Of(IReadOnlyList<FeatureDetectorModel> models, IReadOnlyList<string> classNames, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(classNames);
        if (models.Count == 0 || classNames.Count != 2 || models.Any(m => m.Side != models[0].Side || m.PositiveClass != models[0].PositiveClass || m.Objective != models[0].Objective || m.PositiveClass is < 0 or > 1))
        {
            throw new ArgumentException($"{models.Count} feature detector fits for {classNames.Count} classes: need at least one, all of one window side, positive class and objective, and two classes", nameof(models));
        }

        return new FeatureDetector([.. models.Select(m => m.Model)], classNames, models[0].PositiveClass, models[0].Side, threads, models[0].Objective);
    }

    /// <summary>This detector's one fit, as a run stores it for <paramref name="fold"/>.</summary>
    /// <exception cref="InvalidOperationException">The detector averages several fits.</exception>
    public FeatureDetectorModel ToModel(int? fold) => _models.Count == 1
        ? new FeatureDetectorModel(fold, _side, PositiveClass, _models[0]) { Objective = Objective }
        : throw new InvalidOperationException($"this detector averages {_models.Count} fits; store each on its own");

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
