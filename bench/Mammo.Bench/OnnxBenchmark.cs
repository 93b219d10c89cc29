using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Onnx;
using TorchSharp;

namespace Mammo.Bench;

/// <summary>
/// Inference of the seed CNN on 48×48 patches, ONNX Runtime (the exported graph) against libtorch (TorchSharp), at
/// batch 1 and batch 256, in the same run on the same threads. Both engines get the same 8-bit patches through their
/// classifier (<see cref="OnnxPatchClassifier"/>, <see cref="PatchClassifier"/>), so both times include turning bytes
/// into floats. Rounds alternate the engines, so that other tenants' load falls on both; the median round is reported.
/// Weights are random (seeded): timing does not depend on them. Probabilities are checked to agree.
/// </summary>
public static class OnnxBenchmark
{
    private const double RoundSeconds = 2.0;

    private static readonly int[] s_batches = [1, 256];

    public static int Run(int threads, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        torch.set_num_threads(threads);
        using var network = new SeedCnn(2, 0);
        network.eval();
        var torchClassifier = new PatchClassifier(network);
        var bytes = OnnxGraphWriter.Write([network], 48, new Dictionary<string, string>
        {
            [OnnxMetadata.Producer] = OnnxMetadata.ProducerValue,
            [OnnxMetadata.Classes] = "benign,malignant",
        }).ToByteArray();
        using var onnx = OnnxPatchClassifier.Load(bytes, "seed network", threads);

        var random = new Random(0);
        var patches = Enumerable.Range(0, 256).Select(_ =>
        {
            var patch = new byte[48 * 48];
            random.NextBytes(patch);
            return patch;
        }).ToList();
        var difference = torchClassifier.Predict(patches).Zip(onnx.Predict(patches)).Max(p => Math.Abs(p.First[1] - p.Second[1]));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Seed CNN inference, ONNX Runtime against libtorch, {threads} threads, median of {rounds} rounds (images/s)"));
        Console.WriteLine();
        Console.WriteLine("| batch | libtorch (TorchSharp 0.107, libtorch 2.10) | ONNX Runtime 1.31.1 | ratio ONNX Runtime / libtorch |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var batch in s_batches)
        {
            var input = patches.Take(batch).ToList();
            var torchRates = new List<double>();
            var onnxRates = new List<double>();
            _ = torchClassifier.Predict(input);
            _ = onnx.Predict(input);
            for (var round = 0; round < rounds; round++)
            {
                torchRates.Add(Rate(batch, () => torchClassifier.Predict(input)));
                onnxRates.Add(Rate(batch, () => onnx.Predict(input)));
            }

            var (t, o) = (Measure.Median(torchRates), Measure.Median(onnxRates));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {batch} | {t:N0} | {o:N0} | {o / t:0.00} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Largest difference between the engines' probabilities on the 256 patches: {difference:0.0e0}."));
        return 0;
    }

    // A round lasts at least RoundSeconds, whatever the engine's speed: long enough for a stable clock, short enough to alternate.
    private static double Rate(int batch, Action predict)
    {
        var clock = Stopwatch.StartNew();
        var calls = 0;
        while (clock.Elapsed.TotalSeconds < RoundSeconds)
        {
            predict();
            calls++;
        }

        return calls * batch / clock.Elapsed.TotalSeconds;
    }
}
