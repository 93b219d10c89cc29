using Mammo.Data;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using static TorchSharp.torch;

namespace Mammo.Learning.Inference;

/// <summary>
/// The network(s) of a finished run, ready to predict: one model, or for cross-validation the k fold models,
/// whose probabilities are averaged (an ensemble of models that each saw 1 − 1/k of the patients).
/// </summary>
public sealed class TrainedModel : IPatchScorer, IDisposable
{
    private readonly List<nn.Module<Tensor, Tensor>> _models;

    private TrainedModel(RunConfig config, ClassificationTask task, List<nn.Module<Tensor, Tensor>> models)
    {
        Config = config;
        Task = task;
        _models = models;
    }

    public RunConfig Config { get; }

    public ClassificationTask Task { get; }

    public int Models => _models.Count;

    public IReadOnlyList<string> ClassNames => Task.ClassNames;

    /// <summary>The loaded networks (one, or the folds'), for an exporter; they stay this object's.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Networks => _models;

    /// <exception cref="MammoDataException">Not a complete run, or weights missing or not fitting the network.</exception>
    public static TrainedModel Load(RunFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.EnsureComplete();
        var config = folder.ReadConfig();
        return Load(folder, config, config.Protocol == EvaluationProtocol.Cv ? [.. Enumerable.Range(0, config.Folds).Select(f => (int?)f)] : [null]);
    }

    /// <summary>One fold's model of a cross-validation run, which never saw that fold's test patients.</summary>
    /// <exception cref="MammoDataException">Not a complete cv run, no such fold, or its weights missing or not fitting.</exception>
    public static TrainedModel LoadFold(RunFolder folder, int fold)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.EnsureComplete();
        var config = folder.ReadConfig();
        if (config.Protocol != EvaluationProtocol.Cv || fold < 0 || fold >= config.Folds)
        {
            throw new MammoDataException($"{folder.Path}: has no fold {fold} (protocol {config.Protocol.ToString().ToLowerInvariant()}, {config.Folds} folds)");
        }

        return Load(folder, config, [fold]);
    }

    private static TrainedModel Load(RunFolder folder, RunConfig config, IReadOnlyList<int?> units)
    {
        var task = ClassificationTask.Parse(config.Task);
        var models = new List<nn.Module<Tensor, Tensor>>();
        try
        {
            foreach (var unit in units)
            {
                var path = Path.Combine(folder.UnitFolder(unit), RunFolder.WeightsFile);
                if (!File.Exists(path))
                {
                    throw new MammoDataException($"{path}: missing (the run folder has no trained weights)");
                }

                var model = ModelRegistry.Create(config.Model, task.ClassNames.Count, inputSize: config.PatchSize);
                models.Add(model);
                try
                {
                    model.load(path);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException)
                {
                    throw new MammoDataException($"{path}: the weights do not fit network '{config.Model}' for {task.ClassNames.Count} classes ({e.Message})", e);
                }
            }
        }
        catch
        {
            models.ForEach(m => m.Dispose());
            throw;
        }

        return new TrainedModel(config, task, models);
    }

    /// <summary>Class probabilities per patch, averaged over the run's models.</summary>
    public double[][] Predict(IReadOnlyList<byte[]> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        var sum = patches.Select(_ => new double[Task.ClassNames.Count]).ToArray();
        foreach (var model in _models)
        {
            var probabilities = new PatchClassifier(model, Config.Preprocessing).Predict(patches);
            for (var i = 0; i < patches.Count; i++)
            {
                for (var c = 0; c < sum[i].Length; c++)
                {
                    sum[i][c] += probabilities[i][c] / _models.Count;
                }
            }
        }

        return sum;
    }

    /// <summary>
    /// The run's networks as a whole-image scorer: one fully convolutional pass for the seed network on 48×48
    /// patches, crop by crop in batches for any other network. The caller disposes it.
    /// </summary>
    public IDenseScorer DenseScorer() =>
        _models.All(m => m is SeedCnn) && Config.PatchSize == FullyConvolutionalSeedCnn.Window
            ? new TorchDenseScorer([.. _models.Cast<SeedCnn>().Select(m => new FullyConvolutionalSeedCnn(m))], Config.Preprocessing)
            : new CropByCropScorer(this, Config.PatchSize);

    public void Dispose() => _models.ForEach(m => m.Dispose());
}
