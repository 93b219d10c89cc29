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
        var config = _run.ReadConfig();
        var task = ClassificationTask.Parse(config.Task);
        var models = new Dictionary<int, ScanHeatmap>();
        var owned = new List<IDisposable>();
        var units = Detector == DetectorKind.Network ? null : PlannedUnits(config);
        var heldOut = new List<(bool Positive, double Score)>();
        try
        {
            foreach (var fold in scans.Select(s => s.Fold).Distinct())
            {
                TrainedModel? model = null;
                if (Detector != DetectorKind.Features)
                {
                    model = fold is { } f ? TrainedModel.LoadFold(_run, f) : TrainedModel.Load(_run);
                    owned.Add(model);
                }

                if (units is null)
                {
                    models[fold ?? -1] = new ScanHeatmap(model!) { Radii = Radii, MinimumInside = MinimumInside };
                    continue;
                }

                // The features are fitted where the fold's network was (training and validation parts) and never see its test patients.
                var unit = units.Single(u => u.Fold == fold);
                var detector = FeatureDetector.Fit(_dataset, config, [.. unit.Train, .. unit.Validation], Threads, cancellationToken);
                var test = FeatureDetector.Cut(_dataset, config, unit.Test, Threads, cancellationToken);
                var scores = detector.Predict([.. unit.Test.Select(s => test[s.Id])]);
                heldOut.AddRange(unit.Test.Select((s, i) => (s.Label == task.PositiveClass, scores[i][task.PositiveClass])));
                IDenseScorer features = new CropByCropScorer(detector, config.PatchSize);
                IDenseScorer scorer = model is null ? features : new LogOddsMeanScorer(model.DenseScorer(), features);
                owned.Add(scorer);
                models[fold ?? -1] = new ScanHeatmap(scorer, task.PositiveClass, config.Preprocessing) { Radii = Radii, MinimumInside = MinimumInside };
            }

            var foldOf = scans.ToDictionary(s => s.Scan.FileName, s => s.Fold ?? -1, StringComparer.Ordinal);
            var byFile = scans.ToDictionary(s => s.Scan.FileName, s => s.Scan, StringComparer.Ordinal);
            var cases = new List<LocalisationCase>();
            var relative = new List<LocalisationCase>();
            var random = new List<LocalisationCase>();
            var seconds = 0.0;
            foreach (var file in _dataset.Source.ReadScanFiles(byFile.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scan = byFile[file.FileName];
                var image = _dataset.Source.Decode(file);
                var lesions = scan.Lesions.Where(l => l.Location is not null).Select(l => l.Location!.Value).ToList();
                var map = models[foldOf[file.FileName]].Compute(image, RegionsPerScan);
                seconds += map.Seconds;
                cases.Add(new LocalisationCase(scan.Id, lesions, map.Top));
                relative.Add(ScanRelativeScores.Of(cases[^1], map.TissueMedian));

                // Seeded per scan, so the baseline does not depend on the order the archive yields scans in.
                var generator = new Random(SeedSequence.Derive(Seed, scan.Number));
                var mask = BreastMask.Compute(image);
                for (var repeat = 0; repeat < RandomRepeats; repeat++)
                {
                    random.Add(new LocalisationCase(scan.Id, lesions, RandomRegions.Draw(mask, Radii, RegionsPerScan, generator, MinimumInside)));
                }

                progress?.Report(cases.Count);
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
                Detector = Detector,
                FeatureAuc = heldOut.Count == 0 ? null : Bootstrap.Auc([.. heldOut.Select(h => h.Positive ? 1 : 0)], [.. heldOut.Select(h => h.Score)], seed: Seed),
            };
        }
        finally
        {
            owned.ForEach(m => m.Dispose());
        }
    }

    // The run's units planned again from its config (RunSplit makes the split training made), checked against the
    // split.csv it wrote: a detector fitted on another split would have seen test patients.
    private IReadOnlyList<EvaluationUnit> PlannedUnits(RunConfig config)
    {
        var file = _run.File(SplitManifest.FileName);
        var written = SplitManifest.Read(Storage.InputFile.ReadText(file, Storage.InputFile.MaxCsvBytes), file)
            .Where(r => r.Split == DataSplit.Test)
            .ToLookup(r => r.Fold, r => r.SampleId);
        var units = RunSplit.Plan(_dataset, config).Units;
        foreach (var unit in units)
        {
            if (!unit.Test.Select(s => s.Id).ToHashSet(StringComparer.Ordinal).SetEquals(written[unit.Fold]))
            {
                throw new MammoDataException($"{file}: the test samples of {(unit.Fold is { } f ? $"fold {f}" : "the run")} are not those its config plans from {_dataset.Source.Path} (another data set, or a run of an older Mammo); the feature detector cannot be fitted on the same split");
            }
        }

        return units;
    }
}
