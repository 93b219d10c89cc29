using System.Diagnostics;
using System.Globalization;
using Mammo.Baselines;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Baselines;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;

namespace Mammo.Bench;

/// <summary>
/// The feature detector's heat map of mdb028 (radii 48 and 96) in the same run, three ways: every window of each
/// masked pass through <see cref="LesionFeatures"/> on the window as a small image (how the features were first
/// computed), every window of each pass through <see cref="WindowFeatures"/> (the window's geometry worked out once per
/// side), and only the windows the heat map reads (<see cref="CropByCropScorer"/> told which). Then the combination
/// with the keras network through ONNX Runtime, as <c>mammo predict --detector combined</c> maps. The logistic
/// regression's weights are fixed, not fitted: timing does not depend on them. The grids are checked against the first.
/// </summary>
public static class DetectorBenchmark
{
    public static int Run(string archive, int repeat, int threads)
    {
        var file = DatasetSource.Open(archive).ReadScanFile("mdb028.pgm");
        var scan = ScanImageReader.Read(file.Content, file.FileName);
        var count = WindowFeatures.Names.Count;
        var model = new FeatureDetectorModel(null, 48, 1, new LogisticModel(new Standardiser(new double[count], [.. Enumerable.Repeat(50.0, count)]), [.. Enumerable.Range(0, count).Select(i => ((i % 5) - 2) / 10.0)], 0));
        var detector = FeatureDetector.Of([model], ["tissue", "lesion"], threads);
        var generic = new Counting(new GenericFeatures(model, threads));
        var (passes, needed) = (new Counting(detector), new Counting(detector));
        using var torchModel = new SeedCnn(2, 0);
        using var onnx = Mammo.Onnx.OnnxDenseScorer.Create([torchModel], threads);
        var methods = new List<(string Name, ScanHeatmap Heatmap)>
        {
            ("LesionFeatures on each window of the passes", new ScanHeatmap(new PassesOnly(new CropByCropScorer(generic, 48)), 1)),
            ("WindowFeatures on each window of the passes", new ScanHeatmap(new PassesOnly(new CropByCropScorer(passes, 48)), 1)),
            ("WindowFeatures on the windows the map reads (predict --detector features)", new ScanHeatmap(new CropByCropScorer(needed, 48), 1)),
            ("the same beside the network in ONNX Runtime (predict --detector combined)", new ScanHeatmap(new LogOddsMeanScorer(new PassesOnly(onnx), new CropByCropScorer(detector, 48)), 1)),
            ("the network alone in ONNX Runtime (predict --detector network)", new ScanHeatmap(onnx, 1)),
        };

        var seconds = methods.Select(_ => new List<double>()).ToList();
        var results = new HeatmapResult[methods.Count];
        for (var i = 0; i < repeat + 1; i++)
        {
            for (var k = 0; k < methods.Count; k++)
            {
                var m = (k + i) % methods.Count;
                var clock = Stopwatch.StartNew();
                results[m] = methods[m].Heatmap.Compute(scan);
                if (i > 0)
                {
                    seconds[m].Add(clock.Elapsed.TotalSeconds);
                }
            }
        }

        var baseline = Measure.Median(seconds[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Feature-detector heat map of mdb028 (1024×1024), radii 48 and 96, {threads} threads, median of {repeat} rotating repetitions"));
        Console.WriteLine();
        Console.WriteLine("| method | seconds (median) | range | against the first | windows scored | same grid and regions as the first |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
        for (var m = 0; m < methods.Count; m++)
        {
            var median = Measure.Median(seconds[m]);
            var same = m >= 3 ? "(another score)" : SameMap(results[0], results[m]) ? "yes, to the last bit" : "NO";
            var windows = m switch { 0 => generic.Patches, 1 => passes.Patches, 2 or 3 => needed.Patches, _ => 0 } / (repeat + 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {methods[m].Name} | {median:0.000} | {seconds[m].Min():0.000}–{seconds[m].Max():0.000} | {baseline / median:0.00} | {(windows > 0 ? windows.ToString("N0", CultureInfo.InvariantCulture) : "all, one pass")} | {same} |"));
        }

        var random = new Random(0);
        var patches = Enumerable.Range(0, 2000).Select(_ => { var p = new byte[48 * 48]; random.NextBytes(p); return p; }).ToList();
        var centre = 47 / 2.0;
        var slow = Measure.MedianSeconds(repeat, () => patches.ForEach(p => LesionFeatures.Compute(new GrayImage(48, 48, p), centre, centre, 12, "window")));
        var fast = Measure.MedianSeconds(repeat, () => patches.ForEach(p => WindowFeatures.Compute(p, 48)));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One thread, 2,000 random 48×48 windows: LesionFeatures {slow / patches.Count * 1e6:0} µs a window, WindowFeatures {fast / patches.Count * 1e6:0} µs ({slow / fast:0.0}×)."));
        return 0;
    }

    private static bool SameMap(HeatmapResult a, HeatmapResult b)
    {
        for (var r = 0; r < a.Grid.GetLength(0); r++)
        {
            for (var c = 0; c < a.Grid.GetLength(1); c++)
            {
                if (!a.Grid[r, c].Equals(b.Grid[r, c]))
                {
                    return false;
                }
            }
        }

        return a.Top.SequenceEqual(b.Top);
    }

    // Hides the needed-windows overload, so every window of a masked pass is scored (as before the scorer was told which).
    private sealed class PassesOnly(IDenseScorer inner) : IDenseScorer
    {
        public int Window => inner.Window;

        public int Stride => inner.Stride;

        public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass) => inner.Score(pixels, height, width, positiveClass);

        public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass, bool[] needed) => inner.Score(pixels, height, width, positiveClass);

        public void Dispose() => inner.Dispose();
    }

    // Counts the patches its scorer is shown.
    private sealed class Counting(IPatchScorer inner) : IPatchScorer
    {
        private long _patches;

        public long Patches => Interlocked.Read(ref _patches);

        public IReadOnlyList<string> ClassNames => inner.ClassNames;

        public double[][] Predict(IReadOnlyList<byte[]> patches)
        {
            Interlocked.Add(ref _patches, patches.Count);
            return inner.Predict(patches);
        }
    }

    // The detector's regression on LesionFeatures of each window as its own image: the features before WindowFeatures had a fast path.
    private sealed class GenericFeatures(FeatureDetectorModel model, int threads) : IPatchScorer
    {
        public IReadOnlyList<string> ClassNames { get; } = ["tissue", "lesion"];

        public double[][] Predict(IReadOnlyList<byte[]> patches)
        {
            var centre = (model.Side - 1) / 2.0;
            var rows = new double[patches.Count][];
            Parallel.For(0, patches.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var p = model.Model.Probability(LesionFeatures.Compute(new GrayImage(model.Side, model.Side, patches[i]), centre, centre, model.Side / 4.0, "window"));
                rows[i] = [1 - p, p];
            });
            return rows;
        }
    }
}
