using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Imaging;
using Mammo.Learning.Networks;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;

namespace Mammo.Learning.Training;

/// <summary>
/// One training run from data to metrics: cut and label the samples, hand them to the configured protocol
/// (<see cref="PatientProtocolRun"/>, <see cref="CrossValidationRun"/> or <see cref="SeedProtocolRun"/>), which
/// splits them, balances the training part only and trains through <see cref="UnitTrainer"/>; then write the
/// predictions, metrics and assessment into the <see cref="RunFolder"/>. A run interrupted by Ctrl+C keeps its
/// checkpoints and can be resumed; the same seed gives the same numbers on the CPU.
/// </summary>
public sealed class TrainingRun
{
    /// <summary>The stored feature detector's name in report.txt's baseline lines.</summary>
    public const string FeatureDetectorName = "detector";

    private readonly RunContext _run;
    private readonly PatchCache? _patches;

    /// <param name="patches">Regions already cut by earlier runs with the same preprocessing (an experiment's cells); null cuts everything.</param>
    public TrainingRun(Dataset dataset, RunConfig config, RunFolder folder, RunObserver? observer = null, PatchCache? patches = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(folder);
        ModelRegistry.Resolve(config.Model);
        _run = new RunContext(dataset, config, folder, observer ?? new RunObserver());
        _patches = patches;
    }

    /// <summary>Starts a new run in an empty folder, or (<paramref name="resume"/>) continues an interrupted one.</summary>
    public RunResult Execute(bool resume = false, CancellationToken cancellationToken = default)
    {
        var (config, task) = (_run.Config, _run.Task);
        if (config.InitFrom is { } init)
        {
            // Before anything is written or cut: a state_dict that does not fit fails the run at once.
            using var probe = ModelRegistry.Create(config.Model, task.ClassNames.Count, inputSize: config.PatchSize);
            Export.PyTorchStateDict.Load(probe, init, config.Model);
        }

        // The plan comes from labels alone, so a fusion the task cannot have is refused before the folder is made.
        var plan = RunPlan.Of(_run.Dataset, config, task, _run.Extractor, cancellationToken);
        var samples = task.Samples(plan.Origins);
        if (config.Fusion == FusionKind.Metadata && samples.Count > 0 && (task.ClassNames.Count != 2 || !Fusion.MetadataFusion.Applies(samples)))
        {
            throw new InvalidSettingException("fusion", $"fusion with the metadata needs a two-class task of located lesions only; task '{task.Name}' has {(task.ClassNames.Count != 2 ? $"{task.ClassNames.Count} classes" : "regions without a lesion's class and radius")}");
        }

        if (config.HardNegatives < 0 || (config.HardNegatives > 0 && (!task.SamplesTissue || config.Leaky)))
        {
            throw new InvalidSettingException("hard-negatives", config.HardNegatives < 0
                ? "hard negatives per scan must not be negative"
                : $"hard negatives are mined for the detect task on held-out patients; not for task '{task.Name}' under protocol {config.Protocol.ToString().ToLowerInvariant()}");
        }

        PrepareFolder(resume);
        if (samples.Count == 0)
        {
            throw new MammoDataException($"task '{task.Name}' has no samples in {_run.Dataset.Source.Path}");
        }

        _run.Say($"{samples.Count} samples for '{task.Name}' ({task.Description}); cutting patches");
        var cut = plan with { Origins = [.. samples.Select(s => s.Origin)] };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = _patches?.RegionsCut ?? 0;
        var patches = _patches is null
            ? _run.Extractor.Extract(_run.Dataset.Source, cut, null, cancellationToken)
            : _patches.Extract(_run.Extractor, _run.Dataset.Source, cut, null, cancellationToken);
        var served = _patches is null ? 0 : cut.Origins.Count - (_patches.RegionsCut - before);
        _run.Log($"{patches.Count} patches of {cut.Origins.Count} regions in {clock.Elapsed.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)} s{(served > 0 ? $" ({served} regions cut by an earlier cell of the experiment)" : string.Empty)}");
        _run.Variants = patches.GroupBy(p => p.Origin.Id).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        IEvaluationProtocolRun protocol = config.Protocol switch
        {
            EvaluationProtocol.Patient or EvaluationProtocol.Official => new PatientProtocolRun(_run),
            EvaluationProtocol.Cv => new CrossValidationRun(_run),
            EvaluationProtocol.Leaky => new SeedProtocolRun(_run),
            _ => throw new InvalidOperationException($"unknown protocol {config.Protocol}"),
        };
        return protocol.Run(samples, cancellationToken) is { } outcome ? Finish(outcome) : Interrupted();
    }

    // Once every unit is trained the run is finished whole (baselines, feature detector, metrics, status), as it was
    // before the feature detector's fit took minutes: a stop asked for then is not taken halfway.
    private RunResult Finish(ProtocolOutcome outcome)
    {
        var cancellationToken = CancellationToken.None;
        var (config, task, folder) = (_run.Config, _run.Task, _run.Folder);
        var (tta, single, folds) = (outcome.Tta, outcome.Single, outcome.Folds);
        var evaluation = ModelEvaluation.Compute(tta, task.ClassNames, task.PositiveClass, config.Seed);
        var withoutTta = ModelEvaluation.Compute(single, task.ClassNames, task.PositiveClass, config.Seed);
        folder.WriteText(RunFolder.PredictionsFile, PredictionTable.Write(tta, task.ClassNames));
        folder.WriteText(RunFolder.PredictionsNoTtaFile, PredictionTable.Write(single, task.ClassNames));
        var assessment = RunAssessment.Compute(_run.Dataset.Source, task, config, _run.Units, _run.Validation, tta, cancellationToken);
        if (assessment.Baselines is { } baselines)
        {
            folder.WriteText(Mammo.Baselines.BaselineTable.FileName, Mammo.Baselines.BaselineTable.Write(baselines.Scores));
        }

        if (_run.HardNegatives.Count > 0)
        {
            folder.WriteText(RunFolder.HardNegativesFile, HardNegativeTable());
        }

        var fusion = config.Fusion == FusionKind.Metadata ? Fuse(tta) : null;
        var detector = Inference.FeatureDetectorFile.Applies(config, task) ? FitFeatureDetector(cancellationToken) : null;
        folder.WriteJson(RunFolder.MetricsFile, RunMetrics.Of(config, task, evaluation, withoutTta, folds?.Aucs, folds?.Mean) with
        {
            Baselines = assessment.Baselines?.ByName(),
            Fusion = fusion,
            FeatureDetector = detector,
            Calibration = assessment.Calibration,
            ValidationThreshold = assessment.Threshold,
            Calibrated = assessment.Calibrated,
        });
        folder.WriteText(RunFolder.ReportFile, (config.Leaky ? RunMetrics.LeakyWarning + "\n\n" : string.Empty) + evaluation.Report
            + (assessment.Baselines is { } measured ? "\n" + Mammo.Baselines.BaselineReportText.Format([.. measured.Summaries, .. new[] { fusion, detector }.OfType<Mammo.Baselines.BaselineSummary>()]) : string.Empty));
        folder.WriteStatus(RunStatus.Complete, $"{tta.Count} test predictions");
        _run.Log($"complete: AUC {RunContext.Format(evaluation.Auc)}, accuracy {evaluation.Confusion.Accuracy:0.000}");
        return new RunResult(RunStatus.Complete, "complete", evaluation, withoutTta, folds) { Assessment = assessment, Fusion = fusion };
    }

    // Fitted on the units' training and validation parts only, then read on the same test samples as the network.
    private Mammo.Baselines.BaselineSummary Fuse(IReadOnlyList<Prediction> tta)
    {
        var (config, task, folder) = (_run.Config, _run.Task, _run.Folder);
        var (models, fused) = Fusion.MetadataFusion.Run(_run.Units, _run.Validation, tta, task.PositiveClass);
        folder.WriteJson(RunFolder.FusionFile, models);
        folder.WriteText(RunFolder.PredictionsFusionFile, PredictionTable.Write(fused, task.ClassNames));
        var summary = Mammo.Baselines.BaselineSummary.Of(Fusion.MetadataFusion.Name, [.. fused.Select(p => (p.Fold, p.TrueLabel))], [.. fused.Select(p => p.Probabilities[task.PositiveClass])], task.PositiveClass, config.Seed);
        _run.Say($"fusion (network + metadata): AUC {RunContext.Format(summary.Auc)} ({RunContext.Format(summary.AucLower)}–{RunContext.Format(summary.AucUpper)}){(summary.FoldAucMean is { } m ? $", fold mean {RunContext.Format(m)}" : string.Empty)}");
        return summary;
    }

    // Each unit's ranking fit on the windows of its training and validation patients' scans, read on its test regions
    // as cut (the held-out AUC beside the network's); stored so a heat map can score with the features without the data
    // (feature-detector.json).
    private Mammo.Baselines.BaselineSummary? FitFeatureDetector(CancellationToken cancellationToken)
    {
        var (config, task, folder) = (_run.Config, _run.Task, _run.Folder);
        byte[] Region(Sample s) => _run.Variants[s.Id].First(p => p.Variant.Transform == DihedralTransform.Identity).Pixels;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<Inference.FeatureDetector> detectors;
        int scans, leftOut;
        try
        {
            (detectors, scans, leftOut) = Inference.FeatureDetector.FitRanking(_run.Dataset, config, [.. _run.Units.Select(u => (IReadOnlyList<Sample>)[.. u.Train, .. u.Validation])], config.Training.Threads, cancellationToken);
        }
        catch (MammoDataException e)
        {
            // The networks are trained and evaluated; without a feature detector the heat map uses them alone.
            _run.Say($"no feature detector stored: {e.Message}");
            return null;
        }

        var models = new List<Inference.FeatureDetectorModel>();
        var held = new List<(int? Fold, int Label, double Score)>();
        foreach (var (unit, detector) in _run.Units.Zip(detectors))
        {
            models.Add(detector.ToModel(unit.Fold));
            var scores = detector.Predict([.. unit.Test.Select(Region)]);
            held.AddRange(unit.Test.Select((s, i) => (unit.Fold, s.Label, scores[i][task.PositiveClass])));
        }

        folder.WriteJson(RunFolder.FeatureDetectorFile, models);
        var summary = Mammo.Baselines.BaselineSummary.Of(FeatureDetectorName, [.. held.Select(h => (h.Fold, h.Label))], [.. held.Select(h => h.Score)], task.PositiveClass, config.Seed);
        _run.Say($"feature detector (hand-crafted features ranking each window of the training patients' scans, {scans} scans in all{(leftOut > 0 ? $", {leftOut} left out past {Inference.FeatureDetector.MaxRankingWindows:N0} windows" : string.Empty)}; stored with the run, {clock.Elapsed.TotalSeconds:0} s): AUC {RunContext.Format(summary.Auc)} ({RunContext.Format(summary.AucLower)}–{RunContext.Format(summary.AucUpper)}) on the same test regions");
        return summary;
    }

    private string HardNegativeTable()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var lines = _run.HardNegatives.Select(h => string.Join(',',
            h.Fold?.ToString(c) ?? string.Empty,
            h.Sample.Id,
            h.Sample.Patient.ToString(),
            h.Sample.Origin.X.ToString("0.##", c),
            h.Sample.Origin.Y.ToString("0.##", c),
            h.Sample.Origin.Radius.ToString("0.##", c),
            h.Score.ToString("0.######", c)));
        return "fold,sample_id,patient,x,y,radius,first_round_score\n" + string.Concat(lines.Select(l => l + "\n"));
    }

    private RunResult Interrupted()
    {
        _run.Folder.WriteStatus(RunStatus.Interrupted, "stopped by the user; checkpoints kept");
        return new RunResult(RunStatus.Interrupted, "interrupted; the checkpoints are kept and the run can be resumed");
    }

    private void PrepareFolder(bool resume)
    {
        var (config, folder) = (_run.Config, _run.Folder);
        if (resume)
        {
            if (folder.ReadStatus() == RunStatus.Complete)
            {
                throw new MammoDataException($"{folder.Path}: the run is already complete");
            }

            folder.WriteStatus(RunStatus.Training, "resumed");
            _run.Log("resumed");
            return;
        }

        OutputGuard.CheckReplaceable(folder.Path, overwrite: false, OutputKind.Run);
        Directory.CreateDirectory(folder.Path);
        OutputMarker.Write(folder.Path, OutputKind.Run);
        folder.WriteJson(RunFolder.ConfigFile, config);
        using (var network = ModelRegistry.Create(config.Model, _run.Task.ClassNames.Count, config.Seed, config.PatchSize))
        {
            folder.WriteJson(RunFolder.NetworkFile, NetworkSummary.Of(network, [1, 1, config.PatchSize, config.PatchSize]));
        }

        folder.WriteStatus(RunStatus.Training, "started");
        _run.Log($"started: task {config.Task}, model {config.Model}, protocol {config.Protocol}, balancing {config.Balancing}, seed {config.Seed}, preprocessing {config.Preprocessing}{(config.HardNegatives > 0 ? $", {config.HardNegatives} hard negatives per training scan" : string.Empty)}");
        if (config.Leaky)
        {
            _run.Log(RunMetrics.LeakyWarning);
        }
    }
}
