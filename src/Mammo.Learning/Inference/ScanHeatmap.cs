using System.Diagnostics;
using Mammo.Imaging;
using Mammo.Localisation;
using static TorchSharp.torch;

namespace Mammo.Learning.Inference;

/// <summary>
/// A whole-scan map of the positive class's probability (malignant, or abnormal). Patches were cut at 2r
/// around a lesion and resized to 48, so a lesion of radius r is seen at scale 24 / r: the scan is resized
/// once per radius in <see cref="Radii"/> and scored in one fully convolutional pass (stride 4 at that
/// scale). Only windows centred on breast tissue (<see cref="BreastMask"/>) count. The grid is the maximum
/// over scales; the top regions are the best windows after non-maximum suppression.
/// </summary>
public sealed class ScanHeatmap
{
    private readonly Func<IDenseScorer> _scorer;
    private readonly bool _ownsScorer;
    private readonly int _positive;
    private readonly Preprocessing.PatchPipeline _pipeline = Preprocessing.PatchPipeline.Default;

    /// <summary>A heat map of the run's networks in libtorch (fully convolutional for the seed network, crop by crop otherwise).</summary>
    public ScanHeatmap(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        (_scorer, _ownsScorer, _positive, _pipeline) = (model.DenseScorer, true, model.Task.PositiveClass, model.Config.Preprocessing);
    }

    /// <summary>
    /// A heat map through <paramref name="scorer"/>, which stays the caller's (ONNX Runtime, say, shared by a batch),
    /// for networks trained with <paramref name="pipeline"/> (the default pipeline when null).
    /// </summary>
    public ScanHeatmap(IDenseScorer scorer, int positiveClass, Preprocessing.PatchPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        (_scorer, _ownsScorer, _positive, _pipeline) = (() => scorer, false, positiveClass, pipeline ?? Preprocessing.PatchPipeline.Default);
    }

    /// <summary>The radii looked for unless told otherwise, as the command line writes them.</summary>
    public const string DefaultRadiiText = "48,96";

    /// <summary>The share of breast tissue a region needs unless told otherwise.</summary>
    public const double DefaultMinimumInside = 0.9;

    public static IReadOnlyList<double> DefaultRadii { get; } = [48, 96];

    /// <summary>Lesion radii (scan pixels) to look for. MIAS radii run 3–197, median 41.</summary>
    public IReadOnlyList<double> Radii { get; init; } = DefaultRadii;

    /// <summary>
    /// The share of a region's square that must be breast tissue for it to be listed. Windows across the skin line
    /// or the film's edge score high on contrast alone (measured: they filled the top regions of held-out scans).
    /// </summary>
    public double MinimumInside { get; init; } = DefaultMinimumInside;

    /// <summary>Side of the returned score grid.</summary>
    public int GridSize { get; init; } = 256;

    /// <summary>
    /// Images larger than this are downsampled first (4 MP; a MIAS scan is 1 MP). Each scale resizes the image to
    /// 24 / r anyway, so the network sees nearly the same windows; the mask and the passes then stay small
    /// whatever the image's size. Regions are reported in the original image's pixels.
    /// </summary>
    public long WorkingPixels { get; init; } = 4L << 20;

    /// <summary>
    /// The most input pixels one fully convolutional pass takes (its activations cost about 1 kB a pixel); a larger
    /// scale is scored in bands of rows. Bands start on multiples of the stride, so the map is the same as in one pass.
    /// </summary>
    public long MaxPassPixels { get; init; } = 512L << 10;

    public HeatmapResult Compute(GrayImage scan, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var clock = Stopwatch.StartNew();
        var shrink = Math.Max(1.0, Math.Sqrt((double)scan.Width * scan.Height / WorkingPixels));
        var working = shrink > 1 ? Resampling.Resize(scan, Math.Max(1, (int)Math.Round(scan.Width / shrink)), Math.Max(1, (int)Math.Round(scan.Height / shrink))) : scan;
        var (toColumn, toRow) = ((double)scan.Width / working.Width, (double)scan.Height / working.Height);
        var result = ComputeOn(working, top, toColumn, toRow, scan.Height);
        return result with { Seconds = clock.Elapsed.TotalSeconds };
    }

    // Scores the (possibly downsampled) image; regions are scaled back by toColumn and toRow into the original's pixels.
    private HeatmapResult ComputeOn(GrayImage scan, int top, double toColumn, double toRow, int originalHeight)
    {
        var mask = BreastMask.Compute(scan);

        // The network sees the scan as its crops did (standardised, say); the mask is the tissue of the scan itself.
        var scored = _pipeline.Prepare(scan);
        var scorer = _scorer();
        var grid = new double[GridSize, GridSize];
        for (var r = 0; r < GridSize; r++)
        {
            for (var c = 0; c < GridSize; c++)
            {
                grid[r, c] = double.NaN;
            }
        }

        var candidates = new List<ScoredRegion>();
        try
        {
            // A fixed-context network saw the same square whatever the lesion: one scale, not one per radius.
            foreach (var requested in _pipeline.Crop.Fixed is { } side ? [side] : Radii)
            {
                var radius = _pipeline.Crop.Apply(requested) / Math.Sqrt(toColumn * toRow);
                var scale = (scorer.Window / 2.0) / radius;
                var (w, h) = ((int)Math.Round(scan.Width * scale), (int)Math.Round(scan.Height * scale));
                if (DenseScoring.Windows(w, scorer.Window, scorer.Stride) < 1 || DenseScoring.Windows(h, scorer.Window, scorer.Stride) < 1)
                {
                    continue;
                }

                var map = ScoreMap(scorer, Resampling.Resize(scored, w, h), _positive, MaxPassPixels);
                var (rows, columns) = (map.GetLength(0), map.GetLength(1));
                for (var i = 0; i < rows; i++)
                {
                    for (var j = 0; j < columns; j++)
                    {
                        var row = ((scorer.Stride * i) + (scorer.Window / 2.0)) / scale;
                        var column = ((scorer.Stride * j) + (scorer.Window / 2.0)) / scale;
                        if (mask.Contains((int)row, (int)column) && mask.InsideFraction(row, column, radius) >= MinimumInside)
                        {
                            candidates.Add(new ScoredRegion(column * toColumn, row * toRow, PatchGeometry.MiasY(row * toRow, originalHeight), requested, map[i, j]));
                        }
                    }
                }

                FillGrid(grid, map, scale, scan, mask, scorer);
            }
        }
        finally
        {
            if (_ownsScorer)
            {
                scorer.Dispose();
            }
        }

        return new HeatmapResult(grid, Suppress(candidates, top), (int)Math.Round(mask.Area * toColumn * toRow), 0) { TissueMedian = Median(candidates) };
    }

    /// <summary>The positive class's probability for every window, scored in bands of rows of at most <paramref name="maxPassPixels"/>.</summary>
    public static double[,] ScoreMap(IDenseScorer scorer, GrayImage image, int positive, long maxPassPixels)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(image);
        var (window, stride) = (scorer.Window, scorer.Stride);
        var (rows, columns) = (DenseScoring.Windows(image.Height, window, stride), DenseScoring.Windows(image.Width, window, stride));
        var map = new double[rows, columns];

        // Bands start on multiples of the stride, so every window of a band is a window of the whole image.
        var band = Math.Max(1, (int)(((maxPassPixels / image.Width) - window) / stride) + 1);
        for (var first = 0; first < rows; first += band)
        {
            var count = Math.Min(band, rows - first);
            var (top, height) = (first * stride, ((count - 1) * stride) + window);
            var flat = scorer.Score(image.Pixels.AsSpan(top * image.Width, height * image.Width), height, image.Width, positive);
            for (var i = 0; i < count; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    map[first + i, j] = flat[(i * columns) + j];
                }
            }
        }

        return map;
    }

    // Each grid cell takes, per scale, the window centred nearest to it; the cell keeps the highest score.
    private void FillGrid(double[,] grid, double[,] map, double scale, GrayImage scan, BreastMask mask, IDenseScorer scorer)
    {
        var (rows, columns) = (map.GetLength(0), map.GetLength(1));
        for (var r = 0; r < GridSize; r++)
        {
            var row = (r + 0.5) * scan.Height / GridSize;
            var i = Math.Clamp((int)Math.Round(((row * scale) - (scorer.Window / 2.0)) / scorer.Stride), 0, rows - 1);
            for (var c = 0; c < GridSize; c++)
            {
                var column = (c + 0.5) * scan.Width / GridSize;
                if (!mask.Contains((int)row, (int)column))
                {
                    continue;
                }

                var j = Math.Clamp((int)Math.Round(((column * scale) - (scorer.Window / 2.0)) / scorer.Stride), 0, columns - 1);
                grid[r, c] = double.IsNaN(grid[r, c]) ? map[i, j] : Math.Max(grid[r, c], map[i, j]);
            }
        }
    }

    private static double Median(List<ScoredRegion> candidates)
    {
        if (candidates.Count == 0)
        {
            return double.NaN;
        }

        var scores = candidates.Select(c => c.Score).Order().ToArray();
        var middle = scores.Length / 2;
        return scores.Length % 2 == 1 ? scores[middle] : (scores[middle - 1] + scores[middle]) / 2;
    }

    // Greedy non-maximum suppression: a window whose centre lies within the larger radius of a kept one is the same finding.
    private static List<ScoredRegion> Suppress(List<ScoredRegion> candidates, int top)
    {
        var kept = new List<ScoredRegion>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Row).ThenBy(c => c.Column))
        {
            if (kept.Count >= top)
            {
                break;
            }

            if (kept.All(k => Math.Pow(k.Column - candidate.Column, 2) + Math.Pow(k.Row - candidate.Row, 2) >= Math.Pow(Math.Max(k.Radius, candidate.Radius), 2)))
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }
}
