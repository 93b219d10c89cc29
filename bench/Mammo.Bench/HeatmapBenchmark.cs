using System.Diagnostics;
using System.Globalization;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Bench;

/// <summary>
/// The whole-scan heat map (mdb028, radii 48 and 96) two ways, in the same run: one fully convolutional pass
/// per scale, against the naive loop that cuts every stride-4 window centred in the breast and classifies the
/// crops in batches of 256. Both score the same windows with the same (randomly initialised, seeded) seed CNN;
/// timing does not depend on the weights. The loop's scores are checked against the pass's.
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
        using var network = new FullyConvolutionalSeedCnn(model);

        var pass = new List<double>();
        List<float[,]> maps = [];
        for (var i = 0; i < repeat + 1; i++)
        {
            var clock = Stopwatch.StartNew();
            var mask = BreastMask.Compute(scan);
            maps = [.. s_radii.Select(r => Map(network, Scaled(scan, r)))];
            _ = mask.Area;
            if (i > 0)
            {
                pass.Add(clock.Elapsed.TotalSeconds);
            }
        }

        // The same pass in ONNX Runtime (the graph mammo predict --engine onnx builds), on the same scaled images.
        using var onnx = Mammo.Onnx.OnnxDenseScorer.Create([model], threads);
        var onnxPass = new List<double>();
        var onnxDifference = 0.0;
        for (var i = 0; i < repeat + 1; i++)
        {
            var clock = Stopwatch.StartNew();
            var mask = BreastMask.Compute(scan);
            var scored = s_radii.Select(r => (Image: Scaled(scan, r), Radius: r)).Select(s => onnx.Score(s.Image.Pixels, s.Image.Height, s.Image.Width, 1)).ToList();
            _ = mask.Area;
            if (i > 0)
            {
                onnxPass.Add(clock.Elapsed.TotalSeconds);
            }

            foreach (var (flat, map) in scored.Zip(maps))
            {
                for (var k = 0; k < flat.Length; k++)
                {
                    onnxDifference = Math.Max(onnxDifference, Math.Abs(flat[k] - map[k / map.GetLength(1), k % map.GetLength(1)]));
                }
            }
        }

        onnxPass.Sort();
        var loop = Stopwatch.StartNew();
        var (windows, difference) = CropLoop(model, scan, maps);
        var loopSeconds = loop.Elapsed.TotalSeconds;
        pass.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Heat map of mdb028 (1024×1024), radii 48 and 96, {threads} threads"));
        Console.WriteLine();
        Console.WriteLine("| method | windows scored | seconds | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| crop-by-crop loop (breast windows only, batches of 256) | {windows:N0} | {loopSeconds:0.00} | 1.0 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| fully convolutional, one pass per scale (best of {repeat}; median {pass[pass.Count / 2]:0.00} s) | {maps.Sum(m => m.Length):N0} | {pass[0]:0.00} | {loopSeconds / pass[0]:0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the same pass in ONNX Runtime (best of {repeat}; median {onnxPass[onnxPass.Count / 2]:0.00} s) | {maps.Sum(m => m.Length):N0} | {onnxPass[0]:0.00} | {loopSeconds / onnxPass[0]:0.0} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Largest difference between the loop's and the pass's scores for the same window: {difference:0.0e0}; between ONNX Runtime's and libtorch's pass: {onnxDifference:0.0e0}."));
        return 0;
    }

    private static GrayImage Scaled(GrayImage scan, double radius)
    {
        var scale = FullyConvolutionalSeedCnn.Window / 2.0 / radius;
        return Resampling.Resize(scan, (int)Math.Round(scan.Width * scale), (int)Math.Round(scan.Height * scale));
    }

    private static float[,] Map(FullyConvolutionalSeedCnn network, GrayImage image)
    {
        using var scope = NewDisposeScope();
        var input = tensor(image.Pixels.Select(p => p / 255f).ToArray(), [1, 1, image.Height, image.Width]);
        var scores = network.Probabilities(input)[0, 1].contiguous();
        var (rows, columns) = ((int)scores.shape[0], (int)scores.shape[1]);
        var flat = scores.data<float>().ToArray();
        var map = new float[rows, columns];
        Buffer.BlockCopy(flat, 0, map, 0, flat.Length * sizeof(float));
        return map;
    }

    // What one writes without the fully convolutional form: every window centred in the breast, cut and classified.
    private static (int Windows, double Difference) CropLoop(SeedCnn model, GrayImage scan, List<float[,]> maps)
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
