using System.Diagnostics;
using System.Globalization;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using TorchSharp;

namespace Mammo.Bench;

/// <summary>
/// The whole-scan heat map (mdb028, radii 48 and 96) in the same run: <see cref="ScanHeatmap.Compute"/> (mask, both
/// resizes, the passes, grid and regions: what a user waits for) through libtorch in its default layout and in
/// channels-last, and through ONNX Runtime, each scoring every window or only the masked passes; against the naive
/// loop that cuts every stride-4 window centred in the breast and classifies the crops in batches of 256. All use the
/// same (randomly initialised, seeded) seed CNN; timing does not depend on the weights. Repetitions rotate the
/// methods, so a noisy minute on these shared machines falls on each; medians are reported. The methods' grids and
/// regions are checked against the first's, and the loop's scores against the full map.
/// </summary>
public static class HeatmapBenchmark
{
    private static readonly double[] s_radii = [48, 96];

    public static int Run(string archive, int repeat, int threads)
    {
        torch.set_num_threads(threads);
        var file = DatasetSource.Open(archive).ReadScanFile("mdb028.pgm");
        var scan = ScanImageReader.Read(file.Content, file.FileName);
        torch.manual_seed(0);
        using var model = new SeedCnn(2, 0);
        model.eval();
        using var nchw = new TorchDenseScorer([new FullyConvolutionalSeedCnn(model, channelsLast: false)]);
        using var channelsLast = new TorchDenseScorer([new FullyConvolutionalSeedCnn(model)]);
        using var onnx = Mammo.Onnx.OnnxDenseScorer.Create([model], threads);
        using var onnxOne = Mammo.Onnx.OnnxDenseScorer.Create([model], 1);
        var methods = new List<(string Name, ScanHeatmap Heatmap, int Threads)>
        {
            ("libtorch, NCHW, every window (issue 5's pass)", new ScanHeatmap(nchw, 1) { MaskedPasses = false }, threads),
            ("libtorch, channels-last, every window", new ScanHeatmap(channelsLast, 1) { MaskedPasses = false }, threads),
            ("libtorch, channels-last, masked passes", new ScanHeatmap(channelsLast, 1), threads),
            ("ONNX Runtime, every window", new ScanHeatmap(onnx, 1) { MaskedPasses = false }, threads),
            ("ONNX Runtime, masked passes", new ScanHeatmap(onnx, 1), threads),
        };

        // The same two masked methods in one thread, alternated with the rest, where more than one was asked for.
        if (threads > 1)
        {
            methods.Add(("libtorch, channels-last, masked passes, 1 thread", new ScanHeatmap(channelsLast, 1), 1));
            methods.Add(("ONNX Runtime, masked passes, 1 thread", new ScanHeatmap(onnxOne, 1), 1));
        }

        var seconds = methods.Select(_ => new List<double>()).ToList();
        var results = new HeatmapResult[methods.Count];
        for (var i = 0; i < repeat + 1; i++)
        {
            for (var k = 0; k < methods.Count; k++)
            {
                var m = (k + i) % methods.Count;
                torch.set_num_threads(methods[m].Threads);
                var clock = Stopwatch.StartNew();
                results[m] = methods[m].Heatmap.Compute(scan);
                if (i > 0)
                {
                    seconds[m].Add(clock.Elapsed.TotalSeconds);
                }
            }
        }

        torch.set_num_threads(threads);
        var maps = s_radii.Select(r => ScanHeatmap.ScoreMap(nchw, Scaled(scan, r), 1, long.MaxValue)).ToList();
        var loop = Stopwatch.StartNew();
        var (windows, difference) = CropLoop(model, scan, maps);
        var loopSeconds = loop.Elapsed.TotalSeconds;
        var baseline = Measure.Median(seconds[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Heat map of mdb028 (1024×1024), radii 48 and 96, {threads} threads, median of {repeat} rotating repetitions"));
        Console.WriteLine();
        Console.WriteLine("| method | seconds (median) | range | against the loop | against issue 5's pass | largest grid / region difference |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| crop-by-crop loop ({windows:N0} breast windows, batches of 256, once) | {loopSeconds:0.000} | | 1.0 | | |"));
        for (var m = 0; m < methods.Count; m++)
        {
            var median = Measure.Median(seconds[m]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {methods[m].Name} | {median:0.000} | {seconds[m].Min():0.000}–{seconds[m].Max():0.000} | {loopSeconds / median:0} | {baseline / median:0.00} | {Difference(results[0], results[m]):0.0e0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Largest difference between the loop's scores and the full map's for the same window: {difference:0.0e0}."));
        foreach (var radius in s_radii)
        {
            var image = Scaled(scan, radius);
            var (rows, columns) = (DenseScoring.Windows(image.Height, 48, 4), DenseScoring.Windows(image.Width, 48, 4));
            var plan = ScanHeatmap.PlanPasses(Needed(scan, radius, rows, columns), 48, 4, new ScanHeatmap(nchw, 1).MaxPassPixels);
            var pixels = plan.Sum(p => (long)(((p.LastRow - p.FirstRow) * 4) + 48) * (((p.LastColumn - p.FirstColumn) * 4) + 48));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Radius {radius}: {image.Width}×{image.Height} input, {rows * columns:N0} windows; masked: {plan.Count} passes of {pixels:N0} input pixels in all ({100.0 * pixels / image.Pixels.Length:0}% of the image)."));
        }

        var maskSeconds = Measure.MedianSeconds(repeat, () => BreastMask.Compute(scan));
        var resizeSeconds = Measure.MedianSeconds(repeat, () => _ = s_radii.Select(r => Scaled(scan, r)).ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Outside the passes: the breast mask takes {maskSeconds * 1e3:0} ms and both resizes {resizeSeconds * 1e3:0} ms (medians of {repeat})."));

        return 0;
    }

    // Approximately the windows Compute reads (centred on the mask); the grid's nearest windows add a few at the edge.
    private static bool[,] Needed(GrayImage scan, double radius, int rows, int columns)
    {
        var mask = BreastMask.Compute(scan);
        var scale = FullyConvolutionalSeedCnn.Window / 2.0 / radius;
        var needed = new bool[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                needed[i, j] = mask.Contains((int)(((4 * i) + 24) / scale), (int)(((4 * j) + 24) / scale));
            }
        }

        return needed;
    }

    // The largest difference between two heat maps of the same scan: grid cells (NaN on the same cells) and the top regions' scores.
    private static double Difference(HeatmapResult a, HeatmapResult b)
    {
        var largest = 0.0;
        for (var r = 0; r < a.Grid.GetLength(0); r++)
        {
            for (var c = 0; c < a.Grid.GetLength(1); c++)
            {
                var (x, y) = (a.Grid[r, c], b.Grid[r, c]);
                largest = Math.Max(largest, double.IsNaN(x) != double.IsNaN(y) ? double.PositiveInfinity : double.IsNaN(x) ? 0 : Math.Abs(x - y));
            }
        }

        return a.Top.Count != b.Top.Count ? double.PositiveInfinity : a.Top.Zip(b.Top).Aggregate(largest, (l, p) => Math.Max(l, Math.Abs(p.First.Score - p.Second.Score)));
    }

    private static GrayImage Scaled(GrayImage scan, double radius)
    {
        var scale = FullyConvolutionalSeedCnn.Window / 2.0 / radius;
        return Resampling.Resize(scan, (int)Math.Round(scan.Width * scale), (int)Math.Round(scan.Height * scale));
    }

    // What one writes without the fully convolutional form: every window centred in the breast, cut and classified.
    private static (int Windows, double Difference) CropLoop(SeedCnn model, GrayImage scan, List<double[,]> maps)
    {
        var mask = BreastMask.Compute(scan);
        var classifier = new PatchClassifier(model);
        var (windows, difference) = (0, 0.0);
        foreach (var (radius, map) in s_radii.Zip(maps))
        {
            var image = Scaled(scan, radius);
            var scale = (double)image.Width / scan.Width;
            var crops = new List<byte[]>();
            var cells = new List<(int I, int J)>();
            for (var i = 0; i < map.GetLength(0); i++)
            {
                for (var j = 0; j < map.GetLength(1); j++)
                {
                    var (row, column) = (((4 * i) + 24) / scale, ((4 * j) + 24) / scale);
                    if (!mask.Contains((int)row, (int)column))
                    {
                        continue;
                    }

                    var crop = new byte[48 * 48];
                    for (var r = 0; r < 48; r++)
                    {
                        Array.Copy(image.Pixels, ((4 * i) + r) * image.Width + (4 * j), crop, r * 48, 48);
                    }

                    crops.Add(crop);
                    cells.Add((i, j));
                }
            }

            var scores = classifier.Predict(crops);
            windows += crops.Count;
            for (var k = 0; k < cells.Count; k++)
            {
                difference = Math.Max(difference, Math.Abs(scores[k][1] - map[cells[k].I, cells[k].J]));
            }
        }

        return (windows, difference);
    }
}
