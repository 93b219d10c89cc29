using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Sampling;
using Mammo.Storage;
using static TorchSharp.torch;

namespace Mammo.Learning.Training;

/// <summary>
/// One training run from data to metrics: cut and label the samples, split them by the chosen protocol,
/// balance the training part only, train (one model, or one per fold), predict the test part once, and write
/// everything into a <see cref="RunFolder"/>. A run interrupted by Ctrl+C keeps its checkpoints and can be
/// resumed; the same seed gives the same numbers on the CPU.
/// </summary>
public sealed class TrainingRun
{
    private readonly MiasDataset _dataset;
    private readonly RunConfig _config;
    private readonly RunFolder _folder;
    private readonly RunObserver _observer;
    private readonly ClassificationTask _task;
    private readonly PatchExtractor _extractor;
    private readonly List<EvaluationUnit> _units = [];
    private readonly List<Prediction> _validation = [];
    private Dictionary<string, List<Patch>> _variants = [];

    public TrainingRun(MiasDataset dataset, RunConfig config, RunFolder folder, RunObserver? observer = null)
    {
        _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _observer = observer ?? new RunObserver();
        _task = ClassificationTask.Parse(config.Task);
        ModelRegistry.Resolve(config.Model);
        _extractor = new PatchExtractor(new PatchOptions
        {
            Size = config.PatchSize,
            Radius = RadiusRule.Parse(config.Radius),
            Seed = config.Seed,
            Variants = config.Protocol == EvaluationProtocol.Seed ? VariantScheme.Seed : VariantScheme.Dihedral,
        });
    }

    /// <summary>Starts a new run in an empty folder, or (<paramref name="resume"/>) continues an interrupted one.</summary>
    public RunResult Execute(bool resume = false, CancellationToken cancellationToken = default)
    {
        if (_config.InitFrom is { } init)
        {
            // Before anything is written or cut: a state_dict that does not fit fails the run at once.
            using var probe = ModelRegistry.Create(_config.Model, _task.ClassNames.Count);
            Export.PyTorchStateDict.Load(probe, init, _config.Model);
        }

        PrepareFolder(resume);
        var plan = RunPlan.Of(_dataset, _config, _task, _extractor, cancellationToken);
        var samples = _task.Samples(plan.Origins);
        if (samples.Count == 0)
        {
            throw new MammoDataException($"task '{_task.Name}' has no samples in {_dataset.Source.Path}");
        }

        Say($"{samples.Count} samples for '{_task.Name}' ({_task.Description}); cutting patches");
        var patches = _extractor.Extract(_dataset.Source, plan with { Origins = [.. samples.Select(s => s.Origin)] }, null, cancellationToken);
        _variants = patches.GroupBy(p => p.Origin.Id).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        return _config.Protocol switch
        {
            EvaluationProtocol.Patient => RunPatient(samples, cancellationToken),
            EvaluationProtocol.Cv => RunCrossValidation(samples, cancellationToken),
            EvaluationProtocol.Seed => RunSeedProtocol(samples, cancellationToken),
            _ => throw new InvalidOperationException($"unknown protocol {_config.Protocol}"),
        };
    }

    private RunResult RunPatient(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        var split = PatientSplit.Split(samples, _config.Seed, _config.TrainFraction, _config.ValidationFraction, _config.TestFraction, _task.ClassNames);
        _folder.WriteText(SplitManifest.FileName, split.ToCsv());
        Say($"patient split: {Describe(split.Train)} train, {Describe(split.Validation)} validation, {Describe(split.Test)} test");
        var unit = TrainUnit(null, "model", split.Train, split.Validation, cancellationToken);
        if (unit is null)
        {
            return Interrupted();
        }

        var (tta, single) = PredictSamples(unit, split.Test, null);
        _units.Add(new EvaluationUnit(null, split.Train, split.Validation, split.Test));
        _validation.AddRange(PredictSamples(unit, split.Validation, null).Tta);
        return Finish(tta, single, null);
    }

    private RunResult RunCrossValidation(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        var folds = GroupedStratifiedKFold.Split(samples, _config.Folds, _config.Seed, _config.ValidationFraction / (_config.TrainFraction + _config.ValidationFraction), _task.ClassNames);
        _folder.WriteText(SplitManifest.FileName, SplitManifest.Write(folds.SelectMany(f => f.Rows())));
        var tta = new List<Prediction>();
        var single = new List<Prediction>();
        foreach (var fold in folds)
        {
            var unit = TrainUnit(fold.Index, $"fold {fold.Index} (of {folds.Count}, counted from 0)", fold.Train, fold.Validation, cancellationToken);
            if (unit is null)
            {
                return Interrupted();
            }

            var (foldTta, foldSingle) = PredictSamples(unit, fold.Test, fold.Index);
            _units.Add(new EvaluationUnit(fold.Index, fold.Train, fold.Validation, fold.Test));
            _validation.AddRange(PredictSamples(unit, fold.Validation, fold.Index).Tta);
            tta.AddRange(foldTta);
            single.AddRange(foldSingle);
            Say($"fold {fold.Index}: AUC {Format(FoldAucSummary.Auc(foldTta, _task.PositiveClass))} on {foldTta.Count} test samples");
            unit.Dispose();
        }

        return Finish(tta, single, FoldAucSummary.Of(tta, _task.PositiveClass));
    }

    private RunResult RunSeedProtocol(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        var balanced = Balancer.Apply(samples, _config.Balancing == Balancing.Weights ? Balancing.None : _config.Balancing, _config.Seed);
        var assignment = SeedProtocolSplit.Split(balanced, _extractor.Variants.Count, _config.Seed);
        var rows = assignment.Train.Select(p => new SplitRow(PatchId(p), p.Sample.Patient, p.Sample.Label, DataSplit.Train))
            .Concat(assignment.Test.Select(p => new SplitRow(PatchId(p), p.Sample.Patient, p.Sample.Label, DataSplit.Test)));
        _folder.WriteText(SplitManifest.FileName, SplitManifest.Write(rows));
        Say($"LEAKY seed protocol: {assignment.Train.Count} train / {assignment.Test.Count} test patches; {assignment.LeakyLesions} lesions have copies on both sides; the test part is also the validation part");
        var train = assignment.Train.Select(p => (Patch(p), p.Sample.Label)).ToList();
        var test = assignment.Test.Select(p => (Patch(p), p.Sample.Label)).ToList();
        var weights = _config.Balancing == Balancing.Weights ? Balancer.ClassWeights(balanced, _task.ClassNames.Count) : null;
        using var unit = TrainModel(null, "model (seed protocol)", train, test, weights, cancellationToken);
        if (unit is null)
        {
            return Interrupted();
        }

        var probabilities = new PatchClassifier(unit.Model, _config.PatchSize).Predict([.. test.Select(t => t.Item1.Pixels)]);
        var predictions = assignment.Test.Select((p, i) => new Prediction(PatchId(p), p.Sample.Id, p.Sample.Patient, null, p.Sample.Label, probabilities[i])).ToList();
        return Finish(predictions, predictions, null);
    }

    private TrainedUnit? TrainUnit(int? fold, string name, IReadOnlyList<Sample> train, IReadOnlyList<Sample> validation, CancellationToken cancellationToken)
    {
        var seed = SeedSequence.Derive(_config.Seed, fold ?? 0);
        var balanced = Balancer.Apply(train, _config.Balancing, seed);
        Say($"{name}: balancing '{_config.Balancing.ToString().ToLowerInvariant()}' keeps {Describe(balanced)} of {Describe(train)} training samples");
        var weights = _config.Balancing == Balancing.Weights ? Balancer.ClassWeights(balanced, _task.ClassNames.Count) : null;
        var trainPatches = balanced.SelectMany(s => _variants[s.Id].Select(p => (p, s.Label))).ToList();
        var validationPatches = validation.SelectMany(s => _variants[s.Id].Select(p => (p, s.Label))).ToList();
        return TrainModel(fold, name, trainPatches, validationPatches, weights, cancellationToken);
    }

    private TrainedUnit? TrainModel(int? fold, string name, List<(Patch Patch, int Label)> train, List<(Patch Patch, int Label)> validation, float[]? weights, CancellationToken cancellationToken)
    {
        var folder = _folder.UnitFolder(fold);
        var checkpoint = Path.Combine(folder, "checkpoint");
        Directory.CreateDirectory(checkpoint);
        var seed = SeedSequence.Derive(_config.Seed, fold ?? 0);
        var model = ModelRegistry.Create(_config.Model, _task.ClassNames.Count, seed);
        if (_config.InitFrom is { } init)
        {
            Export.PyTorchStateDict.Load(model, init, _config.Model);
            Say($"{name}: starting from the weights in {init}");
        }

        var options = _config.Training with { Seed = seed, ClassWeights = weights };
        var weightsPath = Path.Combine(folder, RunFolder.WeightsFile);
        var historyPath = Path.Combine(folder, RunFolder.HistoryFile);
        if (File.Exists(historyPath) && File.Exists(weightsPath))
        {
            Say($"{name}: already trained, loading {weightsPath}");
            LoadWeights(model, weightsPath);
            return new TrainedUnit(model);
        }

        using var trainer = new Trainer(model, options);
        using var trainTensors = PatchTensors.Create([.. train.Select(t => t.Patch.Pixels)], [.. train.Select(t => t.Label)], _config.PatchSize);
        using var validationTensors = PatchTensors.Create([.. validation.Select(t => t.Patch.Pixels)], [.. validation.Select(t => t.Label)], _config.PatchSize);
        IReadOnlyList<EpochRecord> resumed = [];
        var lastHistory = Path.Combine(checkpoint, RunFolder.HistoryFile);
        if (File.Exists(lastHistory))
        {
            try
            {
                trainer.LoadCheckpoint(Path.Combine(checkpoint, "last-weights.bin"), Path.Combine(checkpoint, "last-optimizer.bin"));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException)
            {
                throw new MammoDataException($"{checkpoint}: the checkpoint does not fit network '{_config.Model}' for {_task.ClassNames.Count} classes ({e.Message})", e);
            }

            resumed = Training.HistoryFile.Read(lastHistory);
            Say($"{name}: resuming after epoch {resumed.Count}");
        }

        _observer.OnUnitStart?.Invoke(name, options.MaxEpochs);
        Log($"{name}: training on {train.Count} patches, validating on {validation.Count}");
        var epochs = new List<EpochRecord>(resumed);
        var callbacks = new TrainingCallbacks
        {
            OnBatch = _observer.OnBatch,
            OnEpochEnd = (record, isBest) =>
            {
                epochs.Add(record);
                if (isBest)
                {
                    SaveAtomically(weightsPath, p => model.save(p));
                }

                SaveAtomically(Path.Combine(checkpoint, "last-weights.bin"), p => model.save(p));
                SaveAtomically(Path.Combine(checkpoint, "last-optimizer.bin"), p => trainer.SaveCheckpointOptimizer(p));
                Storage.AtomicOutput.WriteAllText(lastHistory, Training.HistoryFile.Write(epochs));
                _observer.OnEpoch?.Invoke(record, isBest);
            },
        };
        var history = trainer.Fit(trainTensors, validationTensors, callbacks, resumed, cancellationToken);
        if (history.Stop == TrainingStop.Interrupted)
        {
            Log($"{name}: interrupted after epoch {history.Epochs.Count}");
            model.Dispose();
            return null;
        }

        LoadWeights(model, weightsPath);
        Storage.AtomicOutput.WriteAllText(historyPath, Training.HistoryFile.Write(history.Epochs));
        Log($"{name}: stopped ({history.Stop}) after {history.Epochs.Count} epochs; best epoch {history.BestEpoch}, validation loss {history.Best?.ValidationLoss:0.0000}");
        return new TrainedUnit(model);
    }

    private (List<Prediction> Tta, List<Prediction> Single) PredictSamples(TrainedUnit unit, IReadOnlyList<Sample> test, int? fold)
    {
        var classifier = new PatchClassifier(unit.Model, _config.PatchSize);
        var tta = new List<Prediction>();
        var single = new List<Prediction>();
        foreach (var sample in test)
        {
            var variants = _variants[sample.Id];
            var probabilities = classifier.Predict([.. variants.Select(v => v.Pixels)]);
            var mean = Enumerable.Range(0, _task.ClassNames.Count).Select(c => probabilities.Average(p => p[c])).ToArray();
            tta.Add(new Prediction(sample.Id, sample.Id, sample.Patient, fold, sample.Label, mean));
            single.Add(new Prediction(sample.Id, sample.Id, sample.Patient, fold, sample.Label, probabilities[0]));
        }

        return (tta, single);
    }

    private RunResult Finish(List<Prediction> tta, List<Prediction> single, FoldAucSummary? folds)
    {
        var evaluation = ModelEvaluation.Compute(tta, _task.ClassNames, _task.PositiveClass, _config.Seed);
        var withoutTta = ModelEvaluation.Compute(single, _task.ClassNames, _task.PositiveClass, _config.Seed);
        _folder.WriteText(RunFolder.PredictionsFile, PredictionTable.Write(tta, _task.ClassNames));
        _folder.WriteText(RunFolder.PredictionsNoTtaFile, PredictionTable.Write(single, _task.ClassNames));
        var assessment = RunAssessment.Compute(_dataset.Source, _task, _config, _units, _validation, tta);
        if (assessment.Baselines is { } baselines)
        {
            _folder.WriteText(Mammo.Baselines.BaselineTable.FileName, Mammo.Baselines.BaselineTable.Write(baselines.Scores));
        }

        _folder.WriteJson(RunFolder.MetricsFile, RunMetrics.Of(_config, _task, evaluation, withoutTta, folds?.Aucs, folds?.Mean) with
        {
            Baselines = assessment.Baselines?.ByName(),
            Calibration = assessment.Calibration,
            ValidationThreshold = assessment.Threshold,
            Calibrated = assessment.Calibrated,
        });
        _folder.WriteText(RunFolder.ReportFile, (_config.Leaky ? RunMetrics.LeakyWarning + "\n\n" : string.Empty) + evaluation.Report
            + (assessment.Baselines is { } measured ? "\n" + Mammo.Baselines.BaselineReportText.Format(measured.Summaries) : string.Empty));
        _folder.WriteStatus(RunStatus.Complete, $"{tta.Count} test predictions");
        Log($"complete: AUC {Format(evaluation.Auc)}, accuracy {evaluation.Confusion.Accuracy:0.000}");
        return new RunResult(RunStatus.Complete, "complete", evaluation, withoutTta, folds?.Aucs, folds?.Mean) { Assessment = assessment };
    }

    private RunResult Interrupted()
    {
        _folder.WriteStatus(RunStatus.Interrupted, "stopped by the user; checkpoints kept");
        return new RunResult(RunStatus.Interrupted, $"interrupted; continue with 'mammo train --resume {_folder.Path}'");
    }

    private void PrepareFolder(bool resume)
    {
        if (resume)
        {
            var status = _folder.ReadStatus();
            if (status == RunStatus.Complete)
            {
                throw new MammoDataException($"{_folder.Path}: the run is already complete");
            }

            _folder.WriteStatus(RunStatus.Training, "resumed");
            Log("resumed");
            return;
        }

        OutputGuard.CheckReplaceable(_folder.Path, overwrite: false, OutputKind.Run);
        Directory.CreateDirectory(_folder.Path);
        OutputMarker.Write(_folder.Path, OutputKind.Run);
        _folder.WriteJson(RunFolder.ConfigFile, _config);
        _folder.WriteStatus(RunStatus.Training, "started");
        Log($"started: task {_config.Task}, model {_config.Model}, protocol {_config.Protocol}, balancing {_config.Balancing}, seed {_config.Seed}");
        if (_config.Leaky)
        {
            Log(RunMetrics.LeakyWarning);
        }
    }

    private void LoadWeights(nn.Module<Tensor, Tensor> model, string path)
    {
        try
        {
            model.load(path);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException)
        {
            throw new MammoDataException($"{path}: the weights do not fit network '{_config.Model}' for {_task.ClassNames.Count} classes ({e.Message})", e);
        }
    }

    private Patch Patch(VariantSample pair) => _variants[pair.Sample.Id][pair.Variant];

    private string PatchId(VariantSample pair) => Patch(pair).Id;

    private string Describe(IReadOnlyList<Sample> samples) =>
        $"{samples.Count} ({string.Join("/", _task.ClassNames.Select((n, i) => $"{samples.Count(s => s.Label == i)} {n}"))})";

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    private static void SaveAtomically(string path, Action<string> save) => AtomicOutput.WriteFileAt(path, save);

    private void Say(string message)
    {
        Log(message);
        _observer.OnMessage?.Invoke(message);
    }

    private void Log(string message) => _folder.Log(message);

    private sealed class TrainedUnit(nn.Module<Tensor, Tensor> model) : IDisposable
    {
        public nn.Module<Tensor, Tensor> Model { get; } = model;

        public void Dispose() => Model.Dispose();
    }
}
