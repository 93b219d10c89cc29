using System.Globalization;
using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Imaging;
using Mammo.Preprocessing;
using Mammo.Reporting.Figures;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;

namespace Mammo.Reporting.Experiments;

/// <summary>
/// Every figure of an experiment, drawn from what its folder holds (plan, cells' metrics, histories, predictions)
/// and the data (counts, patches, scans): the dataset, balancing, each complete cell's curves, confusion matrix,
/// ROC, misclassified lesions and scan overlays, and the results charts across cells.
/// </summary>
public static class ExperimentFigures
{
    /// <summary>How many misclassified lesions a gallery shows: the most confident errors first.</summary>
    public const int GallerySize = 12;

    private static readonly AbnormalityClass[] s_classes =
        [AbnormalityClass.Calcification, AbnormalityClass.Circumscribed, AbnormalityClass.Spiculated, AbnormalityClass.IllDefined, AbnormalityClass.ArchitecturalDistortion, AbnormalityClass.Asymmetry];

    public static IReadOnlyList<ExperimentFigure> Build(ExperimentFolder folder, Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(dataset);
        var plan = folder.ReadPlan();
        var rows = plan.Cells().Select(c => ExperimentSummary.Row(folder, c, null, string.Empty)).ToList();
        var figures = new List<ExperimentFigure> { SeverityByClass(dataset), BalancingEffect(plan, dataset) };
        var cells = plan.Cells().Zip(rows).Where(c => c.Second.Status == ExperimentCellState.Complete).Select(c => CellData.Read(folder, plan, c.First, c.Second)).ToList();

        // Every scan the galleries and overlays need, read in one pass: an archive is a stream, each separate
        // read would decompress it again from the start.
        var scans = new ScanCache(dataset);
        scans.Load(cells.SelectMany(c => Misclassified(c.Predictions).Concat(c.Overlaid ? OverlayPicks(c.Task, c.Predictions).Select(p => p.Prediction) : []).Select(p => (p.SampleId, c.Config))));
        foreach (var cell in cells)
        {
            cancellationToken.ThrowIfCancellationRequested();
            figures.AddRange(CellFigures(cell, scans));
        }

        var complete = rows.Where(r => r.Status == ExperimentCellState.Complete).ToList();
        if (complete.Count > 0)
        {
            figures.Add(Results(complete));
        }

        if (BaselineComparisons(complete) is { Count: > 0 } comparisons)
        {
            figures.Add(new ExperimentFigure(
                BaselinesFile,
                "The network beside its baselines",
                "Each honest cell's network and, on the same folds, its baselines: prevalence (the training share of malignant, a constant), radius (the annotated radius, nothing fitted), metadata (logistic regression on abnormality class and radius, no pixels) and features (hand-crafted image features with the same regression). Pooled out-of-fold AUC with its 95% bootstrap CI. A network no better than the metadata baseline has not shown that it reads anything from the pixels.",
                null,
                BaselinesFigure.RenderPng("Held-out AUC: the network beside its baselines (same folds)", comparisons)));
        }

        if (Pairs(complete) is { Count: > 0 } pairs)
        {
            figures.Add(new ExperimentFigure(
                "leaky-vs-cv.png",
                "The original's protocol beside the honest one",
                "For each group and balancing trained under both protocols: AUC (with 95% bootstrap CI) and accuracy of the leaky protocol (the original study's: augmented copies of a lesion on both sides of the split, model chosen on the test part) and of patient-level cross-validation (pooled out-of-fold predictions).",
                null,
                ProtocolComparisonFigure.RenderPng("Leaky protocol (the original study's) vs patient-level cross-validation", pairs)));
        }

        return figures;
    }

    /// <summary>The file of the network-beside-baselines figure.</summary>
    public const string BaselinesFile = "baselines.png";

    /// <summary>Each honest cell that recorded baselines: the network's AUC first, then its baselines' in a fixed order.</summary>
    public static IReadOnlyList<BaselineComparison> BaselineComparisons(IEnumerable<ExperimentSummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string[] order = ["prevalence", "radius", "metadata", "features"];
        return [.. rows.Where(r => !r.Leaky && r.Baselines.Count > 0).Select(r => new BaselineComparison(r.Cell,
            [new ModelAuc("network", r.Auc, r.AucLower, r.AucUpper),
             .. order.Where(r.Baselines.ContainsKey).Select(name => new ModelAuc(name, r.Baselines[name].Auc, r.Baselines[name].AucLower, r.Baselines[name].AucUpper))]))];
    }

    /// <summary>The misclassified predictions a cell's gallery shows, most confident error first.</summary>
    public static IReadOnlyList<Prediction> Misclassified(IReadOnlyList<Prediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return [.. predictions.Where(p => p.PredictedLabel != p.TrueLabel)
            .OrderByDescending(p => p.Probabilities[p.PredictedLabel]).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(GallerySize)];
    }

    /// <summary>The caption under a gallery patch: id and patient, true and predicted label, the positive class's probability.</summary>
    public static string Caption(Prediction prediction, IReadOnlyList<string> classes, int positive)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(classes);
        return string.Create(CultureInfo.InvariantCulture,
            $"{prediction.Id} ({prediction.Patient})\ntrue {classes[prediction.TrueLabel]} · pred {classes[prediction.PredictedLabel]}\np({classes[positive]}) {prediction.Probabilities[positive]:0.00}");
    }

    private static ExperimentFigure SeverityByClass(Dataset dataset)
    {
        var lesions = dataset.Lesions.ToList();
        var categories = s_classes.Select(c => c.Code()).ToList();
        BarSeries Series(Severity severity) => new(
            severity == Severity.Benign ? "benign" : "malignant",
            [.. s_classes.Select(c => (double)lesions.Count(l => l.Class == c && l.Severity == severity))],
            (severity == Severity.Benign ? FigureStyle.Benign : FigureStyle.Malignant).ToHex());
        var normal = dataset.Scans.Count(s => s.IsNormal);
        return new ExperimentFigure(
            "severity-by-class.png",
            "Severity by abnormality class",
            $"Lesions per class in Info.txt (counts, not percentages), stacked by severity; {lesions.Count} lesions on {dataset.Scans.Count(s => !s.IsNormal)} abnormal scans, beside {normal} normal scans (not drawn). MISC is Info.txt's code for ill-defined masses.",
            null,
            StackedBarFigure.RenderPng("Severity by abnormality class (mini-MIAS)", "lesions", categories, [Series(Severity.Benign), Series(Severity.Malignant)]));
    }

    private static ExperimentFigure BalancingEffect(ExperimentPlan plan, Dataset dataset)
    {
        var origins = PatchPipeline.Default.Extractor(plan.Seed).Plan(dataset.Scans).Origins;
        var bars = new List<(string Category, IReadOnlyList<string> Classes, IReadOnlyList<Sample> Kept)>();
        foreach (var task in plan.Tasks.Select(ClassificationTask.Parse))
        {
            var samples = task.Samples(origins);
            bars.Add(($"{task.Name}\nall", task.ClassNames, samples));
            foreach (var balancing in plan.Balancings.Where(b => b is Balancing.Class or Balancing.Full))
            {
                bars.Add(($"{task.Name}\n{balancing.ToString().ToLowerInvariant()}", task.ClassNames, Balancer.Apply(samples, balancing, plan.Seed)));
            }
        }

        // One series per class name over every bar (0 where a group has no such class), in order of first appearance.
        var categories = bars.Select(b => b.Category).ToList();
        var series = bars.SelectMany(b => b.Classes).Distinct(StringComparer.Ordinal)
            .Select(name => new BarSeries(name, [.. bars.Select(b => (double)b.Kept.Count(s => b.Classes[s.Label] == name))], ColourOf(name)))
            .ToList();
        return new ExperimentFigure(
            "balancing.png",
            "Samples before and after balancing",
            "Lesions (and normal scans) per class of each group, all of them and as the class and full balancings keep them (drawn over all samples; runs balance only their training part). Weights balancing keeps every sample and weights the loss instead.",
            null,
            StackedBarFigure.RenderPng("Samples per group, before and after balancing", "samples (lesions or normal scans)", categories, series, widthPx: Math.Max(800, 110 * categories.Count)));
    }

    private static string ColourOf(string className) => className switch
    {
        "benign" => FigureStyle.Benign.ToHex(),
        "malignant" or "abnormal" => FigureStyle.Malignant.ToHex(),
        _ => "#9E9E9E",
    };

    private static IEnumerable<ExperimentFigure> CellFigures(CellData data, ScanCache scans)
    {
        var (cell, config, task, predictions, run) = (data.Cell, data.Config, data.Task, data.Predictions, data.Run);
        var leaky = config.Leaky ? " (leaky protocol)" : string.Empty;
        var units = config.Protocol == EvaluationProtocol.Cv ? Enumerable.Range(0, config.Folds).Select(f => (int?)f).ToList() : [null];
        var curves = units.Select(u => (Unit: u, File: Path.Combine(run.UnitFolder(u), RunFolder.HistoryFile)))
            .Where(u => File.Exists(u.File))
            .Select(u =>
            {
                var epochs = HistoryFile.Read(u.File);
                var best = epochs.MinBy(e => e.ValidationLoss)?.Epoch ?? 0;
                return new CurveSet(u.Unit is { } f ? $"fold {f}" : "model", [.. epochs.Select(e => new EpochPoint(e.Epoch, e.Loss, e.Accuracy, e.ValidationLoss, e.ValidationAccuracy))], best);
            })
            .ToList();
        if (curves.Count > 0)
        {
            yield return new ExperimentFigure($"{cell.Name}-curves.png", $"{cell.Name}: training curves",
                config.Leaky ? "Loss and accuracy per epoch; the 'validation' part of the leaky protocol is its test part, which also chose the epoch (marked)." : "Loss and accuracy per epoch, training (solid) and validation (dashed); the marked epoch has the lowest validation loss, whose weights were kept.",
                cell.Name, TrainingCurvesFigure.RenderPng($"{cell.Name}{leaky}: training curves", curves));
        }

        var confusion = Enumerable.Range(0, task.ClassCount).Select(t => Enumerable.Range(0, task.ClassCount).Select(p => predictions.Count(x => x.TrueLabel == t && x.PredictedLabel == p)).ToArray()).ToArray();
        yield return new ExperimentFigure($"{cell.Name}-confusion.png", $"{cell.Name}: confusion matrix",
            $"Test {(config.Leaky ? "patches" : "lesions")} by true (rows) and predicted (columns) class, with row percentages; {predictions.Count} in all.",
            cell.Name, ConfusionFigure.RenderPng($"{cell.Name}{leaky}", task.ClassNames, confusion));

        var positive = task.PositiveClass;
        var pooled = Roc("pooled", predictions, positive);
        if (pooled is not null)
        {
            pooled = pooled with { Name = units.Count > 1 ? "pooled out-of-fold" : "test", AucLower = data.Row.AucLower, AucUpper = data.Row.AucUpper };
            var folds = units.Count > 1
                ? units.Select(u => Roc($"fold {u}", [.. predictions.Where(p => p.Fold == u)], positive)).OfType<RocLine>().ToList()
                : [];
            yield return new ExperimentFigure($"{cell.Name}-roc.png", $"{cell.Name}: ROC",
                $"ROC of p({task.ClassNames[positive]}) against the rest{(folds.Count > 0 ? ", pooled over the out-of-fold predictions, with each fold's curve" : string.Empty)}; AUC with its 95% bootstrap interval (2,000 resamples).",
                cell.Name, RocFigure.RenderPng($"{cell.Name}{leaky}: ROC", pooled, folds));
        }

        if (task.ClassNames.Count == 2 && predictions.Count > 0)
        {
            var calibration = CalibrationSummary.Of(predictions, positive);
            yield return new ExperimentFigure($"{cell.Name}-calibration.png", $"{cell.Name}: calibration",
                $"Reliability diagram of p({task.ClassNames[positive]}) on the {(config.Leaky ? "test patches" : "held-out samples")}: in 10 equal-width bins, the observed share of {task.ClassNames[positive]} against the mean prediction (the count beside each point); on the diagonal the probabilities mean what they say. Brier score (mean squared error of the probability) and expected calibration error (count-weighted mean gap).",
                cell.Name, ReliabilityFigure.RenderPng($"{cell.Name}{leaky}", calibration, task.ClassNames[positive]));
        }

        var errors = Misclassified(predictions);
        var items = errors.Select(p => new GalleryItem(scans.Patch(p.SampleId, config), config.PatchSize, Caption(p, task.ClassNames, positive), p.Probabilities[p.PredictedLabel] >= 0.8)).ToList();
        yield return new ExperimentFigure($"{cell.Name}-errors.png", $"{cell.Name}: misclassified",
            $"The {errors.Count} most confident errors of {predictions.Count(p => p.PredictedLabel != p.TrueLabel)} (framed in red: predicted with probability ≥ 0.8), each as cut from its scan, before augmentation.",
            cell.Name, PatchGalleryFigure.RenderPng($"{cell.Name}{leaky}: misclassified test {(config.Leaky ? "patches" : "lesions")}", items, columns: 6, tilePx: 190));

        if (data.Overlaid)
        {
            foreach (var figure in Overlays(cell, config, task, predictions, scans))
            {
                yield return figure;
            }
        }
    }

    // The scans of two telling test lesions: the malignant one the model found most surely, and the benign one it
    // took most surely for malignant.
    private static IEnumerable<(Prediction Prediction, string What)> OverlayPicks(ClassificationTask task, IReadOnlyList<Prediction> predictions)
    {
        var positive = task.PositiveClass;
        var lesionLevel = predictions.GroupBy(p => p.SampleId).Select(g => g.First()).ToList();
        var found = lesionLevel.Where(p => p.TrueLabel == positive).MaxBy(p => p.Probabilities[positive]);
        var alarm = lesionLevel.Where(p => p.TrueLabel != positive).MaxBy(p => p.Probabilities[positive]);
        return new[] { (found, "most surely found malignant lesion"), (alarm, "most confident false alarm") }
            .Where(p => p.Item1 is not null)
            .Select(p => (p.Item1!, p.Item2));
    }

    private static IEnumerable<ExperimentFigure> Overlays(ExperimentCell cell, RunConfig config, ClassificationTask task, IReadOnlyList<Prediction> predictions, ScanCache scans)
    {
        var positive = task.PositiveClass;
        foreach (var (prediction, what) in OverlayPicks(task, predictions))
        {
            if (scans.Origin(prediction.SampleId, config) is not { Lesion: { } lesion } origin)
            {
                continue;
            }

            var notes = new Dictionary<int, string> { [lesion.Index] = string.Create(CultureInfo.InvariantCulture, $"p({task.ClassNames[positive]}) {prediction.Probabilities[positive]:0.00}") };
            yield return new ExperimentFigure($"{cell.Name}-scan-{origin.Scan.Id}.png", $"{cell.Name}: {origin.Scan.Id}",
                $"{origin.Scan.Id}, the {what} of this cell: every lesion circled and labelled with class and severity; the tested lesion also with its out-of-fold predicted probability.",
                cell.Name, ScanFigure.RenderPng(scans.Image(origin.Scan), origin.Scan, [], notes, widthPx: 640));
        }
    }

    private static RocLine? Roc(string name, IReadOnlyList<Prediction> predictions, int positive)
    {
        var labels = predictions.Select(p => p.TrueLabel == positive ? 1 : 0).ToArray();
        if (labels.All(l => l == 1) || labels.All(l => l == 0))
        {
            return null;
        }

        var curve = RocCurve.Compute(labels, [.. predictions.Select(p => p.Probabilities[positive])]);
        return new RocLine(name, [.. curve.Points.Select(p => p.FalsePositiveRate)], [.. curve.Points.Select(p => p.TruePositiveRate)], curve.Auc, null, null);
    }

    private static ExperimentFigure Results(List<ExperimentSummaryRow> rows) => new(
        "results.png",
        "Results across cells",
        "Per cell: precision, recall and F1 of the malignant class on the test part, and ROC AUC with its 95% bootstrap interval. Leaky cells (the original study's protocol) are marked; their numbers are inflated.",
        null,
        ResultsFigure.RenderPng("Malignant precision, recall, F1 and AUC per cell", [.. rows.Select(r => new CellMetrics(r.Cell, r.Leaky, r.Precision ?? 0, r.Recall ?? 0, r.F1 ?? 0, r.Auc, r.AucLower, r.AucUpper))]));

    private static List<ProtocolPair> Pairs(List<ExperimentSummaryRow> rows) =>
        [.. rows.Where(r => r.Protocol == EvaluationProtocol.Leaky)
            .Select(s => (Seed: s, Cv: rows.FirstOrDefault(c => c.Protocol == EvaluationProtocol.Cv && c.Task == s.Task && c.Balancing == s.Balancing)))
            .Where(p => p.Cv is not null)
            .Select(p => new ProtocolPair($"{p.Seed.Task} · {ExperimentSummary.Text(p.Seed.Balancing)}", p.Seed.Auc, p.Seed.AucLower, p.Seed.AucUpper, p.Seed.Accuracy ?? 0, p.Cv!.Auc, p.Cv.AucLower, p.Cv.AucUpper, p.Cv.Accuracy ?? 0))];

    /// <summary>What the figures of one complete cell are drawn from, read once.</summary>
    private sealed record CellData(ExperimentCell Cell, RunFolder Run, RunConfig Config, ClassificationTask Task, IReadOnlyList<Prediction> Predictions, ExperimentSummaryRow Row, bool Overlaid)
    {
        public static CellData Read(ExperimentFolder folder, ExperimentPlan plan, ExperimentCell cell, ExperimentSummaryRow row)
        {
            var run = folder.Cell(cell);
            var config = run.ReadConfig();
            var task = ClassificationTask.Parse(cell.Task);
            var file = run.File(RunFolder.PredictionsFile);
            var predictions = PredictionTable.Read(InputFile.ReadText(file, InputFile.MaxCsvBytes), task.ClassNames, file);

            // Scan overlays for one cv cell per group: the first balancing's.
            return new CellData(cell, run, config, task, predictions, row, config.Protocol == EvaluationProtocol.Cv && cell.Balancing == plan.Balancings[0]);
        }
    }

    /// <summary>Scans decoded once each, and patches cut as training cut them (variant 0, before augmentation).</summary>
    private sealed class ScanCache(Dataset dataset)
    {
        private readonly Dictionary<string, GrayImage> _images = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (PatchExtractor Extractor, Dictionary<string, PatchOrigin> Origins)> _plans = new(StringComparer.Ordinal);

        /// <summary>Decodes the scans of these samples, reading the source once.</summary>
        public void Load(IEnumerable<(string SampleId, RunConfig Config)> samples)
        {
            var scans = samples.Select(s => Origin(s.SampleId, s.Config)).OfType<PatchOrigin>().Select(o => o.Scan)
                .Where(s => !_images.ContainsKey(s.Id)).DistinctBy(s => s.Id).ToDictionary(s => s.FileName, StringComparer.Ordinal);
            foreach (var file in dataset.Source.ReadScanFiles(scans.Keys.ToHashSet(StringComparer.Ordinal)))
            {
                _images[scans[file.FileName].Id] = dataset.Source.Decode(file);
            }
        }

        /// <summary>Where the run cut a sample (normal scans' centres depend on its seed), or null if the data lacks it.</summary>
        public PatchOrigin? Origin(string sampleId, RunConfig config) => Plan(config).Origins.GetValueOrDefault(sampleId);

        public GrayImage Image(Scan scan)
        {
            if (!_images.TryGetValue(scan.Id, out var image))
            {
                var file = dataset.Source.ReadScanFile(scan.FileName);
                _images[scan.Id] = image = dataset.Source.Decode(file);
            }

            return image;
        }

        public byte[] Patch(string sampleId, RunConfig config)
        {
            var origin = Origin(sampleId, config) ?? throw new MammoDataException($"{sampleId}: in the run's predictions but not in the data");
            return Plan(config).Extractor.Cut(Image(origin.Scan), origin);
        }

        private (PatchExtractor Extractor, Dictionary<string, PatchOrigin> Origins) Plan(RunConfig config)
        {
            var key = $"{config.Preprocessing}/{config.Seed}";
            if (!_plans.TryGetValue(key, out var plan))
            {
                var extractor = config.Preprocessing.Extractor(config.Seed);
                _plans[key] = plan = (extractor, extractor.Plan(dataset.Scans).Origins.ToDictionary(o => o.Id, StringComparer.Ordinal));
            }

            return plan;
        }
    }
}
