using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using static TorchSharp.torch;

namespace Mammo.Tests.Onnx;

/// <summary>Seeded random networks and patches, and run folders assembled from them, for the ONNX tests.</summary>
internal static class OnnxFixtures
{
    public const int Size = 48;

    /// <summary>
    /// A registry network with seeded weights. Batch norm's γ and β are drawn too, and its running statistics are
    /// those of seeded calibration patches (a few forward passes in train mode, as training leaves them): at
    /// initialisation they are 1, 0, 0 and 1, which would leave the BatchNormalization translation untested, and
    /// arbitrary statistics squash every patch to nearly the same output.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Network(string name, int classes, int seed)
    {
        var network = ModelRegistry.Create(name, classes, seed);
        using var generator = new TorchSharp.torch.Generator((ulong)seed + 1000);
        using (no_grad())
        {
            var norms = network.state_dict().Where(p => p.Key.StartsWith("bn", StringComparison.Ordinal)).ToList();
            foreach (var (key, value) in norms)
            {
                if (key.EndsWith(".weight", StringComparison.Ordinal))
                {
                    value.uniform_(0.5, 1.5, generator);
                }
                else if (key.EndsWith(".bias", StringComparison.Ordinal))
                {
                    value.uniform_(-0.5, 0.5, generator);
                }
            }

            if (norms.Count > 0)
            {
                network.train();
                using var scope = NewDisposeScope();
                var calibration = Patches(32, seed + 2000);
                var x = tensor(calibration.SelectMany(p => p.Select(v => v / 255f)).ToArray(), [calibration.Count, 1, Size, Size]);
                for (var i = 0; i < 12; i++)
                {
                    network.call(x);
                }
            }
        }

        network.eval();
        return network;
    }

    /// <summary>
    /// Seeded random 8-bit patches, the first all black and the second all white; the others are noise of a random
    /// brightness and contrast over a random gradient, so that patches differ in more than their noise.
    /// </summary>
    public static List<byte[]> Patches(int count, int seed)
    {
        var random = new Random(seed);
        var patches = new List<byte[]> { new byte[Size * Size], Enumerable.Repeat((byte)255, Size * Size).ToArray() };
        while (patches.Count < count)
        {
            var (low, span, slope) = (random.Next(0, 200), random.Next(1, 256), random.NextDouble() * 4);
            var patch = new byte[Size * Size];
            for (var j = 0; j < patch.Length; j++)
            {
                var value = low + (random.NextDouble() * span) + (slope * (j % Size));
                patch[j] = (byte)Math.Clamp(value, 0, 255);
            }

            patches.Add(patch);
        }

        return patches;
    }

    /// <summary>libtorch's probabilities averaged over <paramref name="networks"/>, as <c>TrainedModel.Predict</c> averages folds.</summary>
    public static double[][] TorchMean(IReadOnlyList<nn.Module<Tensor, Tensor>> networks, IReadOnlyList<byte[]> patches)
    {
        var each = networks.Select(n => new PatchClassifier(n).Predict(patches)).ToList();
        return [.. Enumerable.Range(0, patches.Count).Select(i => Enumerable.Range(0, each[0][i].Length).Select(c => each.Average(p => p[i][c])).ToArray())];
    }

    public static double MaxDifference(double[][] a, double[][] b)
    {
        Assert.Equal(a.Length, b.Length);
        var worst = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i].Length, b[i].Length);
            for (var c = 0; c < a[i].Length; c++)
            {
                worst = Math.Max(worst, Math.Abs(a[i][c] - b[i][c]));
            }
        }

        return worst;
    }

    /// <summary>
    /// A complete run folder as training leaves it, with seeded random weights instead of trained ones (export does
    /// not care how the weights came about): config, status, predictions, metrics computed from those predictions.
    /// </summary>
    public static RunFolder Run(string path, string model = "keras", EvaluationProtocol protocol = EvaluationProtocol.Patient, int folds = 2, RunStatus status = RunStatus.Complete)
    {
        var folder = new RunFolder(path);
        Directory.CreateDirectory(folder.Path);
        var task = ClassificationTask.Parse("calc");
        var config = new RunConfig { Task = task.Name, Model = model, Protocol = protocol, Folds = folds, Seed = 3, DataChecksum = "abc123" };
        folder.WriteJson(RunFolder.ConfigFile, config);
        if (ModelRegistry.Names.Contains(model))
        {
            IReadOnlyList<int?> units = protocol == EvaluationProtocol.Cv ? [.. Enumerable.Range(0, folds).Select(f => (int?)f)] : [null];
            foreach (var unit in units)
            {
                Directory.CreateDirectory(folder.UnitFolder(unit));
                using var network = Network(model, task.ClassNames.Count, 10 + (unit ?? 0));
                network.save(Path.Combine(folder.UnitFolder(unit), RunFolder.WeightsFile));
            }
        }

        var predictions = Enumerable.Range(0, 12)
            .Select(i => new Prediction($"L{i}", $"S{i}", new Patient(i + 1), null, i % 2, [1 - ((i % 5) / 5.0), (i % 5) / 5.0]))
            .ToList();
        folder.WriteText(RunFolder.PredictionsFile, PredictionTable.Write(predictions, task.ClassNames));
        var evaluation = ModelEvaluation.Compute(predictions, task.ClassNames, task.PositiveClass, config.Seed, 200);
        folder.WriteJson(RunFolder.MetricsFile, RunMetrics.Of(config, task, evaluation, evaluation, null, null));
        folder.WriteStatus(status, "fixture");
        return folder;
    }
}
