using System.Diagnostics;
using System.Globalization;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Bench;

/// <summary>
/// Training and inference throughput of the seed CNN (72,706 parameters, batch 32, 48×48 inputs, Adam) in
/// Mammo's Trainer against seed_cnn_torch.py (the same network in Debian's PyTorch) on random inputs, in the
/// same run. Both report the best epoch of <c>epochs</c> (images per second) and inference in batches of 256.
/// </summary>
public static class TrainingBenchmark
{
    public static int Run(string referenceFolder, int images, int epochs, int threads)
    {
        var reference = RunReference(Path.Combine(referenceFolder, "seed_cnn_torch.py"), images, epochs, threads);
        var mammo = RunMammo(images, epochs, threads);
        Console.WriteLine($"## Seed CNN throughput: {images} random 48×48 images, batch 32, {threads} threads, best of {epochs} epochs");
        Console.WriteLine();
        Console.WriteLine("| implementation | train images/s | inference images/s | train ratio | inference ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {reference.Name} | {reference.Train:0} | {reference.Infer:0} | 1.00 | 1.00 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mammo.Name} | {mammo.Train:0} | {mammo.Infer:0} | {mammo.Train / reference.Train:0.00} | {mammo.Infer / reference.Infer:0.00} |"));
        return 0;
    }

    private static (string Name, double Train, double Infer) RunMammo(int images, int epochs, int threads)
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
        using (var warm = model.call(x.narrow(0, 0, 256)))
        {
        }

        var clock = Stopwatch.StartNew();
        for (var start = 0; start < images; start += 256)
        {
            using var output = model.call(x.narrow(0, start, Math.Min(256, images - start)));
        }

        var infer = images / clock.Elapsed.TotalSeconds;
        return ($"Mammo (TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch 2.10)", best, infer);
    }

    private static PatchTensors PatchTensorsFrom(Tensor x, Tensor y)
    {
        var count = (int)x.shape[0];
        var flat = x.reshape(count, 48 * 48).mul(255).to_type(ScalarType.Byte);
        var pixels = Enumerable.Range(0, count).Select(i => flat[i].data<byte>().ToArray()).ToList();
        var labels = y.data<long>().ToArray().Select(v => (int)v).ToList();
        return PatchTensors.Create(pixels, labels, 48);
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
