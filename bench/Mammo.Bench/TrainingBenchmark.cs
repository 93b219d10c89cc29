using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Onnx;
using Mammo.Preprocessing;
using Mammo.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Bench;

/// <summary>
/// Training and inference throughput of the seed CNN (72,706 parameters, batch 32, 48×48 inputs, Adam) in
/// Mammo's Trainer against seed_cnn_torch.py (the same network in Debian's PyTorch) on random inputs, in the
/// same run. Both report the best epoch of <c>epochs</c> (images per second) and inference in batches of 256
/// (Mammo's also under inference mode instead of no_grad, through the fully convolutional form in channels-last, and
/// through ONNX Runtime's <see cref="OnnxPatchClassifier"/>, the engine mammo predict uses by default);
/// <c>rounds</c> rounds alternate them and the table gives the medians.
/// <para>
/// It also measures the hardware: libtorch's fp32 matrix product (2048³, best of 5) on the same threads, and from it
/// the rate at which the network would train if all its arithmetic ran as fast as that product: that rate divided by
/// the floating-point work of one training image. It is a practical ceiling, not a proof: a well-shaped convolution
/// kernel can approach it but pooling, ReLU, dropout and Adam only add time.
/// </para>
/// </summary>
public static class TrainingBenchmark
{
    public static int Run(string referenceFolder, int images, int epochs, int threads, int rounds)
    {
        // Rounds alternate the two sides and the matrix product, so that a noisy minute on these shared machines
        // (±30%) lands on both rather than on whichever side ran in it; the table reports medians over rounds.
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var script = Path.Combine(referenceFolder, "seed_cnn_torch.py");
        var references = new List<(string Name, double Train, double Infer)>();
        var mammos = new List<(string Name, double Train, double Infer)>();
        var engines = new List<(double InferenceMode, double ChannelsLast, double Onnx)>();
        var gemms = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            references.Add(RunReference(script, images, epochs, threads));
            var (mammo, engine) = RunMammo(images, epochs, threads);
            mammos.Add(mammo);
            engines.Add(engine);
            torch.set_num_threads(threads);
            gemms.Add(Measure.MatrixProductGflops(5));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}/{rounds}: reference {references[^1].Train:0}, Mammo {mammos[^1].Train:0} training images/s; inference reference {references[^1].Infer:0}, libtorch {mammos[^1].Infer:0}, inference mode {engines[^1].InferenceMode:0}, channels-last {engines[^1].ChannelsLast:0}, ONNX Runtime {engines[^1].Onnx:0}; matrix product {gemms[^1]:0} GFLOP/s"));
        }

        var refTrain = Measure.Median(references.Select(r => r.Train));
        var mammoTrain = Measure.Median(mammos.Select(r => r.Train));
        var refInfer = Measure.Median(references.Select(r => r.Infer));
        var mammoInfer = Measure.Median(mammos.Select(r => r.Infer));
        var inferenceModeInfer = Measure.Median(engines.Select(e => e.InferenceMode));
        var channelsLastInfer = Measure.Median(engines.Select(e => e.ChannelsLast));
        var onnxInfer = Measure.Median(engines.Select(e => e.Onnx));
        var ratios = references.Zip(mammos, (r, m) => m.Train / r.Train).Order().ToList();
        var onnxRatios = references.Zip(engines, (r, e) => e.Onnx / r.Infer).Order().ToList();
        var gemm = Measure.Median(gemms);
        var flops = SeedCnnArithmetic.TrainingFlopsPerImage;
        var ceiling = gemm * 1e9 / flops;
        Console.WriteLine($"## Seed CNN throughput: {images} random 48×48 images, batch 32, {threads} threads, best of {epochs} epochs, median of {rounds} alternating rounds");
        Console.WriteLine();
        Console.WriteLine("| implementation | train images/s | inference images/s | train ratio | inference ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {references[0].Name} | {refTrain:0} | {refInfer:0} | 1.00 | 1.00 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mammos[0].Name} | {mammoTrain:0} | {mammoInfer:0} | {mammoTrain / refTrain:0.00} | {mammoInfer / refInfer:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Mammo, libtorch, inference mode instead of no_grad | | {inferenceModeInfer:0} | | {inferenceModeInfer / refInfer:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Mammo, libtorch, the fully convolutional network in channels-last (inference only) | | {channelsLastInfer:0} | | {channelsLastInfer / refInfer:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Mammo, OnnxPatchClassifier in ONNX Runtime (mammo predict's default engine; 8-bit patches in) | | {onnxInfer:0} | | {onnxInfer / refInfer:0.00} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Inference ratio ONNX Runtime / reference round by round: {string.Join(", ", onnxRatios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Training ratio round by round: {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hardware: libtorch's fp32 matrix product (2048³) runs at {gemm:0} GFLOP/s; one training image is {flops / 1e6:0.0} MFLOP; at that rate the network would train at {ceiling:0} images/s."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The reference trains at {100 * refTrain / ceiling:0}% of that rate, Mammo at {100 * mammoTrain / ceiling:0}%; twice the reference would need {200 * refTrain / ceiling:0}%."));
        return 0;
    }

    private static ((string Name, double Train, double Infer) Mammo, (double InferenceMode, double ChannelsLast, double Onnx) Engines) RunMammo(int images, int epochs, int threads)
    {
        torch.manual_seed(0);
        using var x = torch.rand(images, 1, 48, 48);
        using var y = torch.randint(0, 2, [images], ScalarType.Int64);
        using var model = new SeedCnn(2, 0);
        var options = new TrainingOptions { MaxEpochs = epochs, Patience = epochs + 1, Threads = threads };
        using var trainer = new Trainer(model, options);
        using var data = PatchTensorsFrom(x, y);
        // A 32-image validation set keeps the epoch time (which includes validation) within ~1% of training alone.
        using var validation = PatchTensorsFrom(x.narrow(0, 0, 32), y.narrow(0, 0, 32));
        var best = 0.0;
        trainer.Fit(data, validation, new TrainingCallbacks
        {
            OnEpochEnd = (e, _) => best = Math.Max(best, images / e.Seconds),
        });

        model.eval();
        using var noGrad = no_grad();
        var infer = BatchRate(x, model.call);
        return (($"Mammo (TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch 2.10)", best, infer), (InferenceModeRate(model, x), ChannelsLastRate(model, x), OnnxRate(model, x, threads)));
    }

    private static double InferenceModeRate(SeedCnn model, Tensor x)
    {
        using var inference = inference_mode();
        return BatchRate(x, model.call);
    }

    // The same batches of 256 through the fully convolutional form (one output cell per 48×48 patch) in channels-last.
    private static double ChannelsLastRate(SeedCnn model, Tensor x)
    {
        using var network = new FullyConvolutionalSeedCnn(model);
        return BatchRate(x, network.Probabilities);
    }

    // Images per second of forward in batches of 256 over x, after one warm-up batch.
    private static double BatchRate(Tensor x, Func<Tensor, Tensor> forward)
    {
        var images = (int)x.shape[0];
        using (var warm = forward(x.narrow(0, 0, 256)))
        {
        }

        var clock = Stopwatch.StartNew();
        for (var start = 0; start < images; start += 256)
        {
            using var output = forward(x.narrow(0, start, Math.Min(256, images - start)));
        }

        return images / clock.Elapsed.TotalSeconds;
    }

    // The same images as 8-bit patches through the classifier mammo predict uses by default, which batches by 256 itself.
    private static double OnnxRate(SeedCnn model, Tensor x, int threads)
    {
        var bytes = OnnxGraphWriter.Write([model], 48, new Dictionary<string, string>
        {
            [OnnxMetadata.Producer] = OnnxMetadata.ProducerValue,
            [OnnxMetadata.Classes] = "benign,malignant",
        }).ToByteArray();
        using var onnx = OnnxPatchClassifier.Load(bytes, "seed network", threads);
        var images = (int)x.shape[0];
        using var flat = x.reshape(images, 48 * 48).mul(255).to_type(ScalarType.Byte);
        var patches = Enumerable.Range(0, images).Select(i => flat[i].data<byte>().ToArray()).ToList();
        _ = onnx.Predict(patches.Take(256).ToList());
        var clock = Stopwatch.StartNew();
        _ = onnx.Predict(patches);
        return images / clock.Elapsed.TotalSeconds;
    }

    private static PatchTensors PatchTensorsFrom(Tensor x, Tensor y)
    {
        var count = (int)x.shape[0];
        var flat = x.reshape(count, 48 * 48).mul(255).to_type(ScalarType.Byte);
        var pixels = Enumerable.Range(0, count).Select(i => flat[i].data<byte>().ToArray()).ToList();
        var labels = y.data<long>().ToArray().Select(v => (int)v).ToList();
        return PatchTensors.Create(pixels, labels, PatchPipeline.Default);
    }

    private static (string Name, double Train, double Infer) RunReference(string script, int images, int epochs, int threads)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", [script, "--images", images.ToString(CultureInfo.InvariantCulture), "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"reference failed ({process.ExitCode}): {string.Join(" / ", lines)}");
        }

        double Value(string key) => double.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ')[1], CultureInfo.InvariantCulture);
        return ($"PyTorch {lines[0].Split(' ')[1]} (seed_cnn_torch.py)", Value("train_images_per_s"), Value("infer_images_per_s"));
    }
}
