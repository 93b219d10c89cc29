using Mammo.Runs;
using Mammo.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Learning.Training;

/// <summary>
/// Fits a network with Adam (AdamW with weight decay) and cross-entropy, batch by batch over whole-tensor index selections, with early
/// stopping on validation loss and the best weights restored at the end (Keras' restore_best_weights).
/// </summary>
/// <remarks>
/// Reproducible on the CPU: each epoch reseeds torch (dropout) and its own shuffle from (seed, epoch), so the
/// same seed gives the same history, and a run resumed from an epoch's checkpoint (weights + Adam state)
/// continues exactly as if it had never stopped.
/// </remarks>
public sealed class Trainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly TrainingOptions _options;
    private readonly TorchSharp.Modules.OptimizerHelper _optimizer;
    private readonly Tensor? _classWeights;
    private readonly Device _device;

    public Trainer(nn.Module<Tensor, Tensor> model, TrainingOptions options)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _device = TorchDevice.Of(options.Device);
        if (options.Threads > 0)
        {
            torch.set_num_threads(options.Threads);
        }

        if (options.MinimumEpoch > options.MaxEpochs)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the minimum epoch {options.MinimumEpoch} is after the last epoch {options.MaxEpochs}");
        }

        _model.to(_device);
        _optimizer = options.WeightDecay > 0
            ? optim.AdamW(_model.parameters(), options.LearningRate, weight_decay: options.WeightDecay)
            : optim.Adam(_model.parameters(), options.LearningRate);
        _classWeights = options.ClassWeights is { } w ? tensor(w.ToArray()).to(_device) : null;
    }

    /// <summary>
    /// Trains until <see cref="TrainingOptions.MaxEpochs"/>, early stopping, or cancellation; continues after
    /// <paramref name="resumed"/> epochs when given (weights and optimizer already loaded with <see cref="LoadCheckpoint"/>).
    /// The model ends with the weights of the best epoch trained in this call; when the best epoch came before a
    /// resume, the caller loads the weights it saved for it.
    /// </summary>
    public TrainingHistory Fit(PatchTensors train, PatchTensors validation, TrainingCallbacks? callbacks = null, IReadOnlyList<EpochRecord>? resumed = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        if (train.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException("training and validation need at least one patch each");
        }

        var history = new List<EpochRecord>(resumed ?? []);
        var stopping = new EarlyStopping(_options.Patience, _options.MinimumEpoch);
        stopping.Replay(history);
        Dictionary<string, Tensor>? best = null;
        var stop = TrainingStop.MaxEpochs;
        for (var epoch = history.Count + 1; epoch <= _options.MaxEpochs; epoch++)
        {
            if (stopping.ShouldStop(epoch - 1))
            {
                stop = TrainingStop.EarlyStopping;
                break;
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (loss, accuracy, completed) = TrainEpoch(train, epoch, callbacks?.OnBatch, cancellationToken);
            if (!completed)
            {
                stop = TrainingStop.Interrupted;
                break;
            }

            var (validationLoss, validationAccuracy) = Evaluate(validation);
            var record = new EpochRecord(epoch, loss, accuracy, validationLoss, validationAccuracy, clock.Elapsed.TotalSeconds);
            history.Add(record);
            var isBest = stopping.Observe(epoch, validationLoss);
            if (isBest)
            {
                DisposeAll(best);
                best = _model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            }

            callbacks?.OnEpochEnd?.Invoke(record, isBest);
            if (stopping.ShouldStop(epoch))
            {
                stop = epoch < _options.MaxEpochs ? TrainingStop.EarlyStopping : TrainingStop.MaxEpochs;
                break;
            }
        }

        if (best is not null)
        {
            _model.load_state_dict(best);
            DisposeAll(best);
        }

        return new TrainingHistory(history, stopping.BestEpoch, stop);
    }

    /// <summary>Mean cross-entropy and accuracy over a set, in eval mode (no dropout), without gradients.</summary>
    public (double Loss, double Accuracy) Evaluate(PatchTensors data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _model.eval();
        using var noGrad = no_grad();
        double lossSum = 0;
        long correct = 0;
        for (var start = 0; start < data.Count; start += 256)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(256, data.Count - start);
            var x = data.Images.narrow(0, start, length);
            var y = data.Labels.narrow(0, start, length);
            var logits = _model.call(x);
            lossSum += nn.functional.cross_entropy(logits, y, _classWeights, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(y).sum().item<long>();
        }

        // A weighted sum is normalised by the weights of the targets, as PyTorch's 'mean' reduction does.
        var denominator = _classWeights is null ? data.Count : WeightTotal(data.Labels);
        return (lossSum / denominator, (double)correct / data.Count);
    }

    public void SaveCheckpointOptimizer(string optimizerPath) => _optimizer.save_state_dict(optimizerPath);

    public void LoadCheckpoint(string weightsPath, string optimizerPath)
    {
        _model.load(weightsPath);
        _optimizer.load_state_dict(optimizerPath);
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _classWeights?.Dispose();
    }

    private (double Loss, double Accuracy, bool Completed) TrainEpoch(PatchTensors train, int epoch, Action<BatchProgress>? onBatch, CancellationToken cancellationToken)
    {
        _model.train();
        torch.manual_seed(SeedSequence.Derive(_options.Seed, epoch));
        var order = Enumerable.Range(0, train.Count).ToArray();
        SeedSequence.Random(_options.Seed, 1_000_000 + epoch).Shuffle(order);
        var augmentation = _options.OnTheFlyAugmentation ? new RandomAffine(SeedSequence.Derive(_options.Seed, 2_000_000 + epoch)) { GainJitter = _options.GainJitter } : null;
        var batches = (train.Count + _options.BatchSize - 1) / _options.BatchSize;
        double lossSum = 0;
        long correct = 0;
        for (var b = 0; b < batches; b++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return (double.NaN, double.NaN, false);
            }

            using var scope = NewDisposeScope();
            var start = b * _options.BatchSize;
            var length = Math.Min(_options.BatchSize, train.Count - start);
            var index = tensor(order.AsSpan(start, length).ToArray().Select(i => (long)i).ToArray()).to(_device);
            var x = train.Images.index_select(0, index);
            var y = train.Labels.index_select(0, index);
            if (augmentation is not null)
            {
                x = augmentation.Apply(x);
            }

            _optimizer.zero_grad();
            var logits = _model.call(x);
            var loss = nn.functional.cross_entropy(logits, y, _classWeights);
            loss.backward();
            _optimizer.step();
            lossSum += loss.item<float>() * length;
            correct += logits.argmax(1).eq(y).sum().item<long>();
            onBatch?.Invoke(new BatchProgress(epoch, b + 1, batches, lossSum / (start + length)));
        }

        return (lossSum / train.Count, (double)correct / train.Count, true);
    }

    private double WeightTotal(Tensor labels)
    {
        using var scope = NewDisposeScope();
        return _classWeights!.index_select(0, labels).sum().item<float>();
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        foreach (var t in tensors?.Values ?? Enumerable.Empty<Tensor>())
        {
            t.Dispose();
        }
    }
}
