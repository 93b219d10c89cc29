using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;
using static TorchSharp.torch;

namespace Mammo.Learning.Training;

/// <summary>
/// Trains one unit of a run (the run's model, or one fold's) with checkpoints after every epoch, so that an
/// interrupted unit resumes where it stopped and a finished one is loaded instead of retrained; and scores samples
/// with it, averaging each sample's variants (test-time augmentation).
/// </summary>
internal sealed class UnitTrainer(RunContext run, RunFolder? units = null)
{
    /// <summary>Where a detector's first-round models go, inside the run folder, when it mines hard negatives.</summary>
    public const string FirstRoundFolder = "round-1";

    private readonly RunFolder _units = units ?? run.Folder;

    /// <summary>
    /// Balances the training samples (seeded per unit) and trains on every variant of each sample. With hard
    /// negatives, a first-round unit is trained (or loaded) in <see cref="FirstRoundFolder"/>, mines its training
    /// scans (<see cref="HardNegativeMiner"/>), and the unit trains afresh with the mined regions added.
    /// </summary>
    public TrainedUnit? Train(int? fold, string name, IReadOnlyList<Sample> train, IReadOnlyList<Sample> validation, CancellationToken cancellationToken)
    {
        if (run.Config.HardNegatives > 0 && run.Task.SamplesTissue)
        {
            var first = new UnitTrainer(run, new RunFolder(Path.Combine(run.Folder.Path, FirstRoundFolder)));
            IReadOnlyList<(Sample Sample, double Score)> mined;
            using (var unit = first.Balanced(fold, $"{name}, round 1", train, validation, cancellationToken))
            {
                if (unit is null)
                {
                    return null;
                }

                mined = new HardNegativeMiner(run).Mine(unit, train, cancellationToken);
            }

            run.HardNegatives.AddRange(mined.Select(m => (fold, m.Sample, m.Score)));
            run.Say($"{name}: {mined.Count} hard negatives from {mined.Select(m => m.Sample.Origin.Scan.Id).Distinct().Count()} training scans (the round-1 model's best regions away from every lesion)");

            // The second round continues from the first's weights: trained afresh for the same few epochs, a network
            // facing the hard negatives from the start barely learnt (training loss 0.63–0.66 after 3 epochs, fold AUCs 0.37–0.74).
            return Balanced(fold, name, [.. train, .. mined.Select(m => m.Sample)], validation, cancellationToken, first._units.Weights(fold));
        }

        return Balanced(fold, name, train, validation, cancellationToken);
    }

    private TrainedUnit? Balanced(int? fold, string name, IReadOnlyList<Sample> train, IReadOnlyList<Sample> validation, CancellationToken cancellationToken, string? startFrom = null)
    {
        var config = run.Config;
        var seed = SeedSequence.Derive(config.Seed, fold ?? 0);
        var balanced = Balancer.Apply(train, config.Balancing, seed);
        run.Say($"{name}: balancing '{config.Balancing.ToString().ToLowerInvariant()}' keeps {run.Describe(balanced)} of {run.Describe(train)} training samples");
        var weights = config.Balancing == Balancing.Weights ? Balancer.ClassWeights(balanced, run.Task.ClassNames.Count) : null;
        var trainPatches = balanced.SelectMany(s => run.Variants[s.Id].Select(p => (p, s.Label))).ToList();
        var validationPatches = validation.SelectMany(s => run.Variants[s.Id].Select(p => (p, s.Label))).ToList();
        return Train(fold, name, trainPatches, validationPatches, weights, cancellationToken, startFrom);
    }

    /// <summary>Trains on these patches as they are; from the weights at <paramref name="startFrom"/> (a TorchSharp file) when given.</summary>
    public TrainedUnit? Train(int? fold, string name, List<(Patch Patch, int Label)> train, List<(Patch Patch, int Label)> validation, float[]? weights, CancellationToken cancellationToken, string? startFrom = null)
    {
        var config = run.Config;
        var folder = _units;
        Directory.CreateDirectory(folder.CheckpointFolder(fold));
        var seed = SeedSequence.Derive(config.Seed, fold ?? 0);
        var model = ModelRegistry.Create(config.Model, run.Task.ClassNames.Count, seed, config.PatchSize);
        if (config.InitFrom is { } init)
        {
            Export.PyTorchStateDict.Load(model, init, config.Model);
            run.Say($"{name}: starting from the weights in {init}");
        }

        if (startFrom is not null)
        {
            LoadWeights(model, startFrom);
        }

        var options = config.Training with { Seed = seed, ClassWeights = weights };
        var weightsPath = folder.Weights(fold);
        var historyPath = folder.History(fold);
        if (File.Exists(historyPath) && File.Exists(weightsPath))
        {
            run.Say($"{name}: already trained, loading {weightsPath}");
            LoadWeights(model, weightsPath);
            return new TrainedUnit(model);
        }

        using var trainer = new Trainer(model, options);
        var device = TorchDevice.Of(options.Device);
        using var trainTensors = PatchTensors.Create([.. train.Select(t => t.Patch.Pixels)], [.. train.Select(t => t.Label)], config.Preprocessing, device);
        using var validationTensors = PatchTensors.Create([.. validation.Select(t => t.Patch.Pixels)], [.. validation.Select(t => t.Label)], config.Preprocessing, device);
        var lastWeights = folder.CheckpointFile(fold, RunFolder.LastWeightsFile);
        var lastOptimizer = folder.CheckpointFile(fold, RunFolder.LastOptimizerFile);
        var lastHistory = folder.CheckpointFile(fold, RunFolder.HistoryFile);
        IReadOnlyList<EpochRecord> resumed = [];
        if (File.Exists(lastHistory))
        {
            try
            {
                trainer.LoadCheckpoint(lastWeights, lastOptimizer);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException)
            {
                throw new MammoDataException($"{folder.CheckpointFolder(fold)}: the checkpoint does not fit network '{config.Model}' for {run.Task.ClassNames.Count} classes ({e.Message})", e);
            }

            resumed = HistoryFile.Read(lastHistory);
            run.Say($"{name}: resuming after epoch {resumed.Count}");
        }

        run.Observer.OnUnitStart?.Invoke(name, options.MaxEpochs);
        run.Log($"{name}: training on {train.Count} patches, validating on {validation.Count}");
        var epochs = new List<EpochRecord>(resumed);
        var callbacks = new TrainingCallbacks
        {
            OnBatch = run.Observer.OnBatch,
            OnEpochEnd = (record, isBest) =>
            {
                epochs.Add(record);
                if (isBest)
                {
                    AtomicOutput.WriteFileAt(weightsPath, p => model.save(p));
                }

                AtomicOutput.WriteFileAt(lastWeights, p => model.save(p));
                AtomicOutput.WriteFileAt(lastOptimizer, trainer.SaveCheckpointOptimizer);
                AtomicOutput.WriteAllText(lastHistory, HistoryFile.Write(epochs));
                run.Observer.OnEpoch?.Invoke(record, isBest);
            },
        };
        var history = trainer.Fit(trainTensors, validationTensors, callbacks, resumed, cancellationToken);
        if (history.Stop == TrainingStop.Interrupted)
        {
            run.Log($"{name}: interrupted after epoch {history.Epochs.Count}");
            model.Dispose();
            return null;
        }

        LoadWeights(model, weightsPath);
        AtomicOutput.WriteAllText(historyPath, HistoryFile.Write(history.Epochs));
        run.Log($"{name}: stopped ({history.Stop}) after {history.Epochs.Count} epochs; best epoch {history.BestEpoch}, validation loss {history.Best?.ValidationLoss:0.0000}");
        return new TrainedUnit(model);
    }

    /// <summary>Each sample's probabilities: the mean over its variants, and its first variant alone.</summary>
    public (List<Prediction> Tta, List<Prediction> Single) Predict(TrainedUnit unit, IReadOnlyList<Sample> samples, int? fold)
    {
        var classifier = new PatchClassifier(unit.Model, run.Config.Preprocessing, TorchDevice.Of(run.Config.Training.Device));
        var tta = new List<Prediction>();
        var single = new List<Prediction>();
        foreach (var sample in samples)
        {
            var probabilities = classifier.Predict([.. run.Variants[sample.Id].Select(v => v.Pixels)]);
            tta.Add(new Prediction(sample.Id, sample.Id, sample.Patient, fold, sample.Label, Preprocessing.PatchPipeline.Average(probabilities)));
            single.Add(new Prediction(sample.Id, sample.Id, sample.Patient, fold, sample.Label, probabilities[0]));
        }

        return (tta, single);
    }

    private void LoadWeights(nn.Module<Tensor, Tensor> model, string path)
    {
        try
        {
            model.load(path);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException)
        {
            throw new MammoDataException($"{path}: the weights do not fit network '{run.Config.Model}' for {run.Task.ClassNames.Count} classes ({e.Message})", e);
        }
    }
}
