using System.Diagnostics;
using Mammo.Imaging;
using Mammo.Localisation;
using static TorchSharp.torch;

namespace Mammo.Learning.Inference;

/// <summary>
/// A whole-scan map of the positive class's probability (malignant, or abnormal). Patches were cut at 2r
/// around a lesion and resized to 48, so a lesion of radius r is seen at scale 24 / r: the scan is resized
/// once per radius in <see cref="Radii"/> and scored in fully convolutional passes (stride 4 at that
/// scale). Only windows centred on breast tissue (<see cref="BreastMask"/>) count, and only those are scored (<see cref="MaskedPasses"/>). The grid is the maximum
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

    /// <summary>
    /// What one more pass costs beyond its pixels, in pixels of input: an estimate of a pass's fixed cost (operator set-up,
    /// oneDNN primitives for a new shape), not tuned. On mdb028 the plan is one pass per scale, cropped to the breast.
    /// </summary>
    public const long PassOverheadPixels = 128 * 128;

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

    /// <summary>
    /// Score only the windows the map and the regions read (those centred on breast tissue, and the window nearest each
    /// grid cell inside it), in passes cropped to them (<see cref="PlanPasses"/>). The scores are those of the whole
    /// image to float rounding; what it saves is the background beside and above the breast. False scores every
    /// window, as the benchmark does to compare.
    /// </summary>
    public bool MaskedPasses { get; init; } = true;

    public HeatmapResult Compute(GrayImage scan, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var clock = Stopwatch.StartNew();
        var (working, toColumn, toRow) = HeatmapWindows.Shrink(scan, WorkingPixels);
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
            foreach (var (requested, radius, scale, w, h) in HeatmapWindows.Scales(_pipeline, Radii, scan, toColumn, toRow, scorer.Window, scorer.Stride))
            {
                var needed = MaskedPasses ? Needed(scorer, scale, w, h, scan, mask) : null;
                var map = ScoreMap(scorer, Resampling.Resize(scored, w, h), _positive, MaxPassPixels, needed);
                var (rows, columns) = (map.GetLength(0), map.GetLength(1));
                for (var i = 0; i < rows; i++)
                {
                    for (var j = 0; j < columns; j++)
                    {
                        var (row, column) = Centre(scorer, scale, i, j);
                        if (HeatmapWindows.Listed(mask, row, column, radius, MinimumInside))
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

    /// <summary>
    /// The positive class's probability for every window, scored in bands of rows of at most <paramref name="maxPassPixels"/>;
    /// with <paramref name="needed"/> (rows × columns of windows), only the windows it marks, in the passes
    /// <see cref="PlanPasses"/> chooses; windows outside every pass are NaN.
    /// </summary>
    public static double[,] ScoreMap(IDenseScorer scorer, GrayImage image, int positive, long maxPassPixels, bool[,]? needed = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(image);
        var (window, stride) = (scorer.Window, scorer.Stride);
        var (rows, columns) = (DenseScoring.Windows(image.Height, window, stride), DenseScoring.Windows(image.Width, window, stride));
        if (needed is not null)
        {
            return (needed.GetLength(0), needed.GetLength(1)) == (rows, columns)
                ? ScoreNeeded(scorer, image, positive, maxPassPixels, needed)
                : throw new ArgumentException($"needed is {needed.GetLength(0)}×{needed.GetLength(1)} windows, the image has {rows}×{columns}", nameof(needed));
        }

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

    /// <summary>
    /// Passes (inclusive ranges of window rows and columns) that together cover every window <paramref name="needed"/>
    /// marks, each within <paramref name="maxPassPixels"/> of input (a single row of windows is always allowed), at the
    /// least total cost: the input pixels of each pass plus <see cref="PassOverheadPixels"/>. A pass's input is its
    /// windows' span plus the window's overlap, so many thin passes pay that overlap again and again; the optimum over
    /// contiguous bands of rows (each cropped to the columns its rows need) is found exactly by dynamic programming.
    /// </summary>
    public static IReadOnlyList<(int FirstRow, int LastRow, int FirstColumn, int LastColumn)> PlanPasses(bool[,] needed, int window, int stride, long maxPassPixels)
    {
        ArgumentNullException.ThrowIfNull(needed);
        var (rows, columns) = (needed.GetLength(0), needed.GetLength(1));
        var (low, high) = (new int[rows], new int[rows]);
        for (var i = 0; i < rows; i++)
        {
            (low[i], high[i]) = (columns, -1);
            for (var j = 0; j < columns; j++)
            {
                if (needed[i, j])
                {
                    (low[i], high[i]) = (Math.Min(low[i], j), j);
                }
            }
        }

        // best[k]: least cost covering rows < k; from[k]: where the last band starts (-1: row k-1 needs nothing and is skipped).
        var best = new double[rows + 1];
        var from = new int[rows + 1];
        for (var k = 1; k <= rows; k++)
        {
            (best[k], from[k]) = high[k - 1] < 0 ? (best[k - 1], -1) : (double.PositiveInfinity, 0);
            if (high[k - 1] < 0)
            {
                continue;
            }

            var (first, last) = (columns, -1);
            for (var a = k - 1; a >= 0; a--)
            {
                (first, last) = high[a] < 0 ? (first, last) : (Math.Min(first, low[a]), Math.Max(last, high[a]));
                var pixels = (((long)(k - 1 - a) * stride) + window) * (((long)(last - first) * stride) + window);
                if (pixels > maxPassPixels && a < k - 1)
                {
                    break;
                }

                var cost = best[a] + pixels + PassOverheadPixels;
                if (cost < best[k])
                {
                    (best[k], from[k]) = (cost, a);
                }
            }
        }

        var passes = new List<(int, int, int, int)>();
        for (var k = rows; k > 0;)
        {
            if (from[k] < 0)
            {
                k--;
                continue;
            }

            var a = from[k];
            var (first, last) = (columns, -1);
            for (var i = a; i < k; i++)
            {
                (first, last) = high[i] < 0 ? (first, last) : (Math.Min(first, low[i]), Math.Max(last, high[i]));
            }

            passes.Add((a, k - 1, first, last));
            k = a;
        }

        passes.Reverse();
        return passes;
    }

    // Crops start on multiples of the stride in both directions, so every window of a crop is a window of the image.
    private static double[,] ScoreNeeded(IDenseScorer scorer, GrayImage image, int positive, long maxPassPixels, bool[,] needed)
    {
        var (window, stride) = (scorer.Window, scorer.Stride);
        var map = new double[needed.GetLength(0), needed.GetLength(1)];
        for (var i = 0; i < map.GetLength(0); i++)
        {
            for (var j = 0; j < map.GetLength(1); j++)
            {
                map[i, j] = double.NaN;
            }
        }

        foreach (var (firstRow, lastRow, firstColumn, lastColumn) in PlanPasses(needed, window, stride, maxPassPixels))
        {
            var (top, left) = (firstRow * stride, firstColumn * stride);
            var (height, width) = (((lastRow - firstRow) * stride) + window, ((lastColumn - firstColumn) * stride) + window);
            var crop = new byte[height * width];
            for (var r = 0; r < height; r++)
            {
                image.Pixels.AsSpan(((top + r) * image.Width) + left, width).CopyTo(crop.AsSpan(r * width));
            }

            // The pass's own windows that are needed: a scorer that pays per window scores only those.
            var columns = lastColumn - firstColumn + 1;
            var wanted = new bool[(lastRow - firstRow + 1) * columns];
            for (var i = firstRow; i <= lastRow; i++)
            {
                for (var j = firstColumn; j <= lastColumn; j++)
                {
                    wanted[((i - firstRow) * columns) + j - firstColumn] = needed[i, j];
                }
            }

            var flat = scorer.Score(crop, height, width, positive, wanted);
            for (var i = firstRow; i <= lastRow; i++)
            {
                for (var j = firstColumn; j <= lastColumn; j++)
                {
                    map[i, j] = flat[((i - firstRow) * columns) + j - firstColumn];
                }
            }
        }

        return map;
    }

    // The windows Compute reads at one scale: those centred on breast tissue (the regions) and the one nearest each grid cell inside it (the grid).
    private bool[,] Needed(IDenseScorer scorer, double scale, int width, int height, GrayImage scan, BreastMask mask)
    {
        var (rows, columns) = (DenseScoring.Windows(height, scorer.Window, scorer.Stride), DenseScoring.Windows(width, scorer.Window, scorer.Stride));
        var needed = new bool[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var (row, column) = Centre(scorer, scale, i, j);
                needed[i, j] = mask.Contains((int)row, (int)column);
            }
        }

        foreach (var (_, _, i, j) in GridWindows(scale, scan, mask, scorer, rows, columns))
        {
            needed[i, j] = true;
        }

        return needed;
    }

    private static (double Row, double Column) Centre(IDenseScorer scorer, double scale, int i, int j) =>
        HeatmapWindows.Centre(scorer.Window, scorer.Stride, scale, i, j);

    // Each grid cell takes, per scale, the window centred nearest to it; the cell keeps the highest score.
    private void FillGrid(double[,] grid, double[,] map, double scale, GrayImage scan, BreastMask mask, IDenseScorer scorer)
    {
        foreach (var (r, c, i, j) in GridWindows(scale, scan, mask, scorer, map.GetLength(0), map.GetLength(1)))
        {
            grid[r, c] = double.IsNaN(grid[r, c]) ? map[i, j] : Math.Max(grid[r, c], map[i, j]);
        }
    }

    // The grid cells inside the mask, each with the window (i, j) centred nearest to it at this scale.
    private IEnumerable<(int R, int C, int I, int J)> GridWindows(double scale, GrayImage scan, BreastMask mask, IDenseScorer scorer, int rows, int columns)
    {
        for (var r = 0; r < GridSize; r++)
        {
            var row = (r + 0.5) * scan.Height / GridSize;
            var i = Math.Clamp((int)Math.Round(((row * scale) - (scorer.Window / 2.0)) / scorer.Stride), 0, rows - 1);
            for (var c = 0; c < GridSize; c++)
            {
                var column = (c + 0.5) * scan.Width / GridSize;
                if (mask.Contains((int)row, (int)column))
                {
                    var j = Math.Clamp((int)Math.Round(((column * scale) - (scorer.Window / 2.0)) / scorer.Stride), 0, columns - 1);
                    yield return (r, c, i, j);
                }
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
