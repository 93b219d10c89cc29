using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Preprocessing;
using Mammo.Runs;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

[Collection(TorchGlobalState.Name)]
public class TrainerTests
{
    // 64 patches: a bright disc (class 1) or none (class 0) on seeded noise, so the seed CNN can learn it.
    private static PatchTensors Patches(int seed, int count = 64)
    {
        var random = new Random(seed);
        var pixels = new List<byte[]>();
        var labels = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var label = i % 2;
            var image = label == 1 ? Pgm.WithDisc(48, 48, 24, 24, 10, value: 200, background: 60) : Pgm.WithDisc(48, 48, 0, 0, 0, background: 60);
            pixels.Add([.. image.Pixels.Select(p => (byte)Math.Clamp(p + random.Next(-20, 21), 0, 255))]);
            labels.Add(label);
        }

        return PatchTensors.Create(pixels, labels, PatchPipeline.Default);
    }

    private static (TrainingHistory History, string Weights) Fit(TrainingOptions options, Action<EpochRecord, bool>? onEpoch = null, CancellationToken token = default)
    {
        using var train = Patches(1);
        using var validation = Patches(2, 32);
        using var model = new SeedCnn(2, options.Seed);
        using var trainer = new Trainer(model, options);
        var history = trainer.Fit(train, validation, new TrainingCallbacks { OnEpochEnd = onEpoch }, cancellationToken: token);
        var weights = string.Join(",", model.parameters().Select(p => p.sum().item<float>().ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        return (history, weights);
    }

    [Fact]
    public void The_same_seed_gives_the_same_history_and_weights_and_the_network_learns()
    {
        var options = new TrainingOptions { MaxEpochs = 4, Patience = 10, Seed = 5, Threads = 1 };

        var a = Fit(options);
        var b = Fit(options);
        var c = Fit(options with { Seed = 6 });

        Assert.Equal(a.History.Epochs.Select(e => e with { Seconds = 0 }), b.History.Epochs.Select(e => e with { Seconds = 0 }));
        Assert.Equal(a.Weights, b.Weights);
        Assert.NotEqual(a.Weights, c.Weights);
        Assert.True(a.History.Epochs[^1].ValidationAccuracy >= 0.9, $"validation accuracy {a.History.Epochs[^1].ValidationAccuracy}");
        Assert.True(a.History.Epochs[^1].Loss < a.History.Epochs[0].Loss);
    }

    [Fact]
    public void Cancellation_stops_after_a_batch_and_discards_the_unfinished_epoch()
    {
        using var cancel = new CancellationTokenSource();

        var (history, _) = Fit(new TrainingOptions { MaxEpochs = 5, Seed = 1, Threads = 1 }, (e, _) =>
        {
            if (e.Epoch == 2)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        Assert.Equal(TrainingStop.Interrupted, history.Stop);
        Assert.Equal([1, 2], history.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void A_run_interrupted_after_a_checkpoint_and_resumed_ends_exactly_as_an_uninterrupted_one()
    {
        var options = new TrainingOptions { MaxEpochs = 4, Patience = 10, Seed = 3, Threads = 1 };
        var whole = Fit(options);
        using var folder = new TempFolder();
        using var train = Patches(1);
        using var validation = Patches(2, 32);

        // As a run folder does: after every epoch, save the last weights and Adam's state; Ctrl+C during epoch 3.
        List<EpochRecord> done = [];
        using (var cancel = new CancellationTokenSource())
        using (var model = new SeedCnn(2, options.Seed))
        using (var trainer = new Trainer(model, options))
        {
            var history = trainer.Fit(train, validation, new TrainingCallbacks
            {
                OnEpochEnd = (e, _) =>
                {
                    done.Add(e);
                    model.save(folder.File("last.bin"));
                    trainer.SaveCheckpointOptimizer(folder.File("adam.bin"));
                    if (e.Epoch == 2)
                    {
                        cancel.Cancel();
                    }
                },
            }, cancellationToken: cancel.Token);
            Assert.Equal(TrainingStop.Interrupted, history.Stop);
        }

        using var resumedModel = new SeedCnn(2, seed: 999);
        using var resumed = new Trainer(resumedModel, options);
        resumed.LoadCheckpoint(folder.File("last.bin"), folder.File("adam.bin"));
        var rest = resumed.Fit(train, validation, resumed: done);

        Assert.Equal(whole.History.Epochs.Select(e => (e.Epoch, e.Loss, e.ValidationLoss)), rest.Epochs.Select(e => (e.Epoch, e.Loss, e.ValidationLoss)));
        Assert.Equal(whole.History.BestEpoch, rest.BestEpoch);
    }

    [Fact]
    public void Early_stopping_tracks_the_best_epoch_and_patience()
    {
        var stopping = new EarlyStopping(2);

        Assert.True(stopping.Observe(1, 0.9));
        Assert.True(stopping.Observe(2, 0.5));
        Assert.False(stopping.Observe(3, 0.6));
        Assert.False(stopping.ShouldStop(3));
        Assert.False(stopping.Observe(4, 0.5));
        Assert.True(stopping.ShouldStop(4));
        Assert.Equal((2, 0.5), (stopping.BestEpoch, stopping.BestLoss));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(0));
    }

    [Fact]
    public void Early_stopping_keeps_no_epoch_before_the_minimum_and_counts_patience_from_there()
    {
        // A hand-made history: the untrained first epoch has the lowest loss a noisy validation part can give.
        double[] losses = [0.40, 0.90, 0.80, 0.70, 0.60, 0.65, 0.66, 0.64];
        var plain = new EarlyStopping(patience: 3);
        var floored = new EarlyStopping(patience: 3, minimumEpoch: 3);
        var stops = new List<int>();
        for (var epoch = 1; epoch <= losses.Length; epoch++)
        {
            plain.Observe(epoch, losses[epoch - 1]);
            floored.Observe(epoch, losses[epoch - 1]);
            if (floored.ShouldStop(epoch))
            {
                stops.Add(epoch);
            }
        }

        Assert.Equal(1, plain.BestEpoch);
        Assert.True(plain.ShouldStop(4));
        Assert.Equal((5, 0.60), (floored.BestEpoch, floored.BestLoss));
        Assert.Equal([8], stops);
        Assert.False(new EarlyStopping(1, minimumEpoch: 5).Observe(4, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(2, minimumEpoch: 0));
    }

    [Fact]
    public void The_trainer_keeps_the_best_epoch_at_or_after_the_minimum()
    {
        var (history, _) = Fit(new TrainingOptions { MaxEpochs = 4, Patience = 10, MinimumEpoch = 3, Seed = 5, Threads = 1 });

        Assert.InRange(history.BestEpoch, 3, 4);
        Assert.Equal(history.Epochs.Where(e => e.Epoch >= 3).MinBy(e => e.ValidationLoss)!.Epoch, history.BestEpoch);
        Assert.Throws<ArgumentOutOfRangeException>(() => Fit(new TrainingOptions { MaxEpochs = 2, MinimumEpoch = 3 }));
    }

    [Fact]
    public void Weight_decay_trains_with_adamw_and_shrinks_the_weights()
    {
        static double Norm(TrainingOptions options)
        {
            using var train = Patches(1);
            using var validation = Patches(2, 32);
            using var model = new SeedCnn(2, options.Seed);
            using var trainer = new Trainer(model, options);
            trainer.Fit(train, validation);
            return model.parameters().Sum(p => p.pow(2).sum().item<float>());
        }

        var adamW = Norm(new TrainingOptions { MaxEpochs = 2, Seed = 3, Threads = 1, WeightDecay = 0.5, LearningRate = 1e-2 });
        var adamSameRate = Norm(new TrainingOptions { MaxEpochs = 2, Seed = 3, Threads = 1, LearningRate = 1e-2 });

        Assert.True(adamW < adamSameRate, $"AdamW ‖w‖² {adamW} should be below Adam's {adamSameRate} at the same rate");
    }

    [Fact]
    public void Gain_jitter_multiplies_each_patch_by_its_own_gain_and_leaves_the_geometry_stream_alone()
    {
        using var batch = TorchSharp.torch.ones(6, 1, 8, 8);
        var still = new RandomAffine(seed: 9, maxDegrees: 0, maxShift: 0) { GainJitter = 0.25 };
        using var gained = still.Apply(batch);
        var gains = Enumerable.Range(0, 6).Select(i => gained[i].mean().item<float>()).ToList();

        Assert.All(gains, g => Assert.InRange(g, 0.75f, 1.25f));
        Assert.True(gains.Distinct().Count() == 6, string.Join(", ", gains));
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(gained[i].max().item<float>(), gained[i].min().item<float>(), 5));

        using var rotated = new RandomAffine(seed: 9).Apply(batch);
        using var rotatedWithGain = new RandomAffine(seed: 9) { GainJitter = 0.25 }.Apply(batch);
        using var ratio = rotatedWithGain.div(rotated.clamp_min(1e-6));
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(ratio[i].max().item<float>(), ratio[i].min().item<float>(), 4));
    }

    [Fact]
    public void Weighted_loss_is_normalised_by_the_target_weights()
    {
        using var data = Patches(1, 8);
        using var model = new SeedCnn(2, 0);
        using var plain = new Trainer(model, new TrainingOptions());
        using var weighted = new Trainer(model, new TrainingOptions { ClassWeights = [2f, 2f] });

        // Equal weights change nothing once normalised, as in PyTorch's weighted 'mean'.
        Assert.Equal(plain.Evaluate(data).Loss, weighted.Evaluate(data).Loss, 5);
    }
}
