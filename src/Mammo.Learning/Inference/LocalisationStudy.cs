using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Imaging;
using Mammo.Learning.Training;
using Mammo.Localisation;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.Learning.Inference;

/// <summary>
/// Does a run's heat map find lesions on scans it never trained on? Each held-out abnormal scan (a test patient
/// of a patient split; in cross-validation, a test patient of a fold, scored by that fold's model alone) is mapped,
/// and its best regions are set against its located lesions, beside regions drawn at random inside the same
/// breast mask. The leaky protocol split patches, not patients, so it has no held-out scans.
/// </summary>
public sealed class LocalisationStudy(RunFolder run, Dataset dataset)
{
    private readonly RunFolder _run = run ?? throw new ArgumentNullException(nameof(run));
    private readonly Dataset _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));

    /// <summary>Heat-map radii, as for <see cref="ScanHeatmap.Radii"/>.</summary>
    public IReadOnlyList<double> Radii { get; init; } = ScanHeatmap.DefaultRadii;

    /// <summary>Regions kept per scan (after non-maximum suppression): the FROC curve's reach.</summary>
    public int RegionsPerScan { get; init; } = 10;

    /// <summary>Random draws per scan for the chance baseline, pooled.</summary>
    public int RandomRepeats { get; init; } = 100;

    public int Seed { get; init; }

    /// <summary>What scores the windows: the run's networks, or a detector of hand-crafted features fitted on the same folds, or both.</summary>
    public DetectorKind Detector { get; init; } = DetectorKind.Network;

    /// <summary>
    /// Also score every region against the patient's other breast (<see cref="ContralateralScores"/>), which is mapped
    /// too (it is held out with the scan: the split is by patient), and report those cases beside the plain ones.
    /// </summary>
    public bool Bilateral { get; init; }

    /// <summary>The weight of the other breast's log-odds in the bilateral comparison.</summary>
    public double BilateralWeight { get; init; } = ContralateralScores.DefaultWeight;

    /// <summary>Threads for the feature detector's features; 0 for one per core.</summary>
    public int Threads { get; init; }

    /// <summary>As <see cref="ScanHeatmap.MinimumInside"/>; the random baseline obeys it too.</summary>
    public double MinimumInside { get; init; } = ScanHeatmap.DefaultMinimumInside;

    /// <summary>The held-out abnormal scans with a located lesion, and the run's unit (fold, or null) that held each out.</summary>
    public IReadOnlyList<(Scan Scan, int? Fold)> HeldOutScans()
    {
        _run.EnsureComplete();
        var config = _run.ReadConfig();
        if (config.Protocol == EvaluationProtocol.Leaky)
        {
            throw new MammoDataException($"{_run.Path}: a leaky-protocol run (the original study's) split augmented patches, not patients, so no scan is held out; localise a patient or cv run");
        }

        var file = _run.File(SplitManifest.FileName);
        if (!File.Exists(file))
        {
            throw new MammoDataException($"{file}: missing from a run marked complete");
        }

        var testPatients = SplitManifest.Read(Storage.InputFile.ReadText(file, Storage.InputFile.MaxCsvBytes), file)
            .Where(r => r.Split == DataSplit.Test)
            .GroupBy(r => r.Patient)
            .ToDictionary(g => g.Key, g => g.First().Fold);
        return [.. _dataset.Scans
            .Where(s => s.Lesions.Any(l => l.Location is not null) && testPatients.ContainsKey(s.Patient))
            .Select(s => (s, testPatients[s.Patient]))];
    }

    public LocalisationResult Run(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var scans = HeldOutScans();
        var detector = Detector == DetectorKind.Auto ? FeatureDetectorFile.DefaultDetector(_run) : Detector;
        var config = _run.ReadConfig();
        var task = ClassificationTask.Parse(config.Task);
        var models = new Dictionary<int, ScanHeatmap>();
        var owned = new List<IDisposable>();
        if (detector != DetectorKind.Network && task.ClassCount != 2)
        {
            throw new MammoDataException($"{_run.Path}: task '{task.Name}' has {task.ClassCount} classes; a feature detector separates two (a lesion task, normal-abnormal or detect)");
        }

        var planned = detector == DetectorKind.Network ? null : ConfirmedSplit(config);
        var units = planned?.Units;

        // A detect run stores each fold's fit (made at training time); an older run's are fitted here as training now
        // fits them, on the windows of the fold's training and validation patients' scans. The test regions are cut
        // once, for the held-out AUC.
        var stored = planned is null ? null : FeatureDetectorFile.Read(_run, config);
        var cut = planned is null ? null : FeatureDetector.Cut(_dataset, config, [.. planned.Units.SelectMany(u => u.Test)], Threads, cancellationToken);
        var refitted = planned is null || stored is not null ? null
            : FeatureDetector.FitRanking(_dataset, config, [.. planned.Units.Select(u => (IReadOnlyList<Sample>)[.. u.Train, .. u.Validation])], Threads, cancellationToken).Detectors;
        // Each unit's fit, and its scores on the unit's test regions in unit order: the held-out AUC is then that of
        // the run's metrics.json (training pools the same scores in the same order), interval included.
        var fits = new Dictionary<int, FeatureDetector>();
        var heldOut = new List<(bool Positive, double Score)>();
        foreach (var (unit, index) in (units ?? []).Select((u, i) => (u, i)))
        {
            var fitted = refitted is not null
                ? refitted[index]
                : FeatureDetectorFile.Choose(stored!, _run, config, unit.Fold, Threads);
            var scores = fitted.Predict([.. unit.Test.Select(s => cut![s.Id])]);
            heldOut.AddRange(unit.Test.Select((s, i) => (s.Label == task.PositiveClass, scores[i][task.PositiveClass])));
            fits[unit.Fold ?? -1] = fitted;
        }

        try
        {
            foreach (var fold in scans.Select(s => s.Fold).Distinct())
            {
                TrainedModel? model = null;
                if (detector != DetectorKind.Features)
                {
                    model = fold is { } f ? TrainedModel.LoadFold(_run, f) : TrainedModel.Load(_run);
                    owned.Add(model);
                }

                if (units is null)
                {
                    models[fold ?? -1] = new ScanHeatmap(model!) { Radii = Radii, MinimumInside = MinimumInside };
                    continue;
                }

                // The features were fitted where the fold's network was (training and validation parts) and never saw its test patients.
                IDenseScorer features = new CropByCropScorer(fits[fold ?? -1], config.PatchSize);
                IDenseScorer scorer = model is null ? features : new LogOddsMeanScorer(model.DenseScorer(), features);
                owned.Add(scorer);
                models[fold ?? -1] = new ScanHeatmap(scorer, task.PositiveClass, config.Preprocessing) { Radii = Radii, MinimumInside = MinimumInside };
            }

            var foldOf = scans.ToDictionary(s => s.Scan.FileName, s => s.Fold ?? -1, StringComparer.Ordinal);
            var byFile = scans.ToDictionary(s => s.Scan.FileName, s => s.Scan, StringComparer.Ordinal);

            // A bilateral study also maps each scan's partner (the patient's other film, held out with it), by the same fold model.
            var partners = Bilateral ? Partners(scans.Select(s => s.Scan)) : new Dictionary<string, Scan>(StringComparer.Ordinal);
            foreach (var (file, partner) in partners)
            {
                foldOf.TryAdd(partner.FileName, foldOf[file]);
            }

            var needed = byFile.Keys.Concat(partners.Values.Select(p => p.FileName)).ToHashSet(StringComparer.Ordinal);
            var maps = new Dictionary<string, (HeatmapResult Map, BreastBounds? Bounds, int Height, int Width)>(StringComparer.Ordinal);
            var cases = new List<LocalisationCase>();
            var relative = new List<LocalisationCase>();
            var random = new List<LocalisationCase>();
            var seconds = 0.0;

            // With a partner to compare against, more regions are kept for the comparison to re-rank.
            var kept = Bilateral ? RegionsPerScan * BilateralCandidates : RegionsPerScan;
            foreach (var file in _dataset.Source.ReadScanFiles(needed, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var image = _dataset.Source.Decode(file);
                var map = models[foldOf[file.FileName]].Compute(image, kept);
                seconds += map.Seconds;
                var mask = BreastMask.Compute(image);
                if (Bilateral)
                {
                    maps[file.FileName] = (map, BreastBounds.Of(mask), image.Height, image.Width);
                }

                if (!byFile.TryGetValue(file.FileName, out var scan))
                {
                    continue;
                }

                var lesions = scan.Lesions.Where(l => l.Location is not null).Select(l => l.Location!.Value).ToList();
                cases.Add(new LocalisationCase(scan.Id, lesions, [.. map.Top.Take(RegionsPerScan)]));
                relative.Add(ScanRelativeScores.Of(cases[^1], map.TissueMedian));

                // Seeded per scan, so the baseline does not depend on the order the archive yields scans in.
                var generator = new Random(SeedSequence.Derive(Seed, scan.Number));
                for (var repeat = 0; repeat < RandomRepeats; repeat++)
                {
                    random.Add(new LocalisationCase(scan.Id, lesions, RandomRegions.Draw(mask, Radii, RegionsPerScan, generator, MinimumInside)));
                }

                progress?.Report(cases.Count);
            }

            var fileOf = scans.ToDictionary(s => s.Scan.Id, s => s.Scan.FileName, StringComparer.Ordinal);
            var bilateral = new List<LocalisationCase>();
            var comparison = new ContralateralScores(BilateralWeight);
            foreach (var c in Bilateral ? cases : [])
            {
                var file = fileOf[c.ScanId];
                var own = maps[file];

                // A scan without a partner (or a blank one) is scored against its own median window, so its scores stay on the same scale.
                var regions = partners.TryGetValue(file, out var partner) && maps.TryGetValue(partner.FileName, out var other) && own.Bounds is { } from && other.Bounds is { } to
                    ? comparison.Rescore(own.Map.Top, RegionsPerScan, other.Map, other.Height, other.Width, new ContralateralMapping(from, to))
                    : [.. own.Map.Top.Take(RegionsPerScan).Select(r => r with { Score = ScanRelativeScores.LogOdds(r.Score) - (BilateralWeight * ScanRelativeScores.LogOdds(own.Map.TissueMedian)) })];
                bilateral.Add(c with { Regions = regions });
            }

            return new LocalisationResult(
                config.Task,
                config.Protocol,
                [.. cases.OrderBy(c => c.ScanId, StringComparer.Ordinal)],
                [.. random.OrderBy(c => c.ScanId, StringComparer.Ordinal)],
                RandomRepeats,
                Radii,
                seconds)
            {
                ScanRelativeCases = [.. relative.OrderBy(c => c.ScanId, StringComparer.Ordinal)],
                Detector = detector,
                FeaturesStored = stored is not null,
                FeatureObjective = fits.Count == 0 ? null : fits.Values.First().Objective,
                BilateralCases = [.. bilateral.OrderBy(c => c.ScanId, StringComparer.Ordinal)],
                FeatureAuc = heldOut.Count == 0 ? null : Bootstrap.Auc([.. heldOut.Select(h => h.Positive ? 1 : 0)], [.. heldOut.Select(h => h.Score)], seed: Seed),
            };
        }
        finally
        {
            owned.ForEach(m => m.Dispose());
        }
    }

    // How many times RegionsPerScan the bilateral comparison re-ranks: a region just outside the top ten may be the lesion the other breast lacks.
    private const int BilateralCandidates = 3;

    // Each scan's partner: the one other film of its patient; a patient with one film or more than two has none.
    private Dictionary<string, Scan> Partners(IEnumerable<Scan> scans)
    {
        var byPatient = _dataset.Scans.ToLookup(s => s.Patient);
        return scans.Select(s => (s.FileName, Others: byPatient[s.Patient].Where(p => p.FileName != s.FileName).ToList()))
            .Where(x => x.Others.Count == 1)
            .ToDictionary(x => x.FileName, x => x.Others[0], StringComparer.Ordinal);
    }

    // The run's units planned again from its config (RunSplit makes the split training made), checked against the
    // split.csv it wrote: a detector fitted on another split would have seen test patients.
    private PlannedSplit ConfirmedSplit(RunConfig config)
    {
        var file = _run.File(SplitManifest.FileName);
        var written = SplitManifest.Read(Storage.InputFile.ReadText(file, Storage.InputFile.MaxCsvBytes), file)
            .Where(r => r.Split == DataSplit.Test)
            .ToLookup(r => r.Fold, r => r.SampleId);
        var planned = RunSplit.Plan(_dataset, config);
        foreach (var unit in planned.Units)
        {
            if (!unit.Test.Select(s => s.Id).ToHashSet(StringComparer.Ordinal).SetEquals(written[unit.Fold]))
            {
                throw new MammoDataException($"{file}: the test samples of {(unit.Fold is { } f ? $"fold {f}" : "the run")} are not those its config plans from {_dataset.Source.Path} (another data set, or a run of an older Mammo); the feature detector cannot be fitted on the same split");
            }
        }

        return planned;
    }
}
