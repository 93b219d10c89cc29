using Mammo.Imaging;
using Mammo.Localisation;
using Mammo.Preprocessing;

namespace Mammo.Learning.Inference;

/// <summary>
/// Every window a <see cref="ScanHeatmap"/> of the same settings may list as a region of a scan (centred on breast
/// tissue, at least <see cref="ScanHeatmap.MinimumInside"/> of its circle's square on tissue), with the pixels it
/// scores. A detector fitted to rank a scan's windows is fitted on exactly these. The heat map works out the same
/// geometry through the helpers below (shrink, scales, centres, the listing rule); a test holds the windows to its own
/// candidates.
/// </summary>
public static class HeatmapWindows
{
    /// <param name="window">The scorer's window side (the run's patch size).</param>
    /// <param name="stride">Pixels between windows at the window's scale, as the scorer's.</param>
    public static IReadOnlyList<HeatmapWindow> Of(
        GrayImage scan,
        PatchPipeline pipeline,
        IReadOnlyList<double> radii,
        int window,
        int stride = FullyConvolutionalSeedCnn.Stride,
        double minimumInside = ScanHeatmap.DefaultMinimumInside,
        long workingPixels = 4L << 20)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(radii);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);

        var (working, toColumn, toRow) = Shrink(scan, workingPixels);
        var mask = BreastMask.Compute(working);
        var prepared = pipeline.Prepare(working);
        var windows = new List<HeatmapWindow>();
        foreach (var (requested, radius, scale, w, h) in Scales(pipeline, radii, working, toColumn, toRow, window, stride))
        {
            var resized = Resampling.Resize(prepared, w, h);
            var (rows, columns) = (DenseScoring.Windows(h, window, stride), DenseScoring.Windows(w, window, stride));
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    var (row, column) = Centre(window, stride, scale, i, j);
                    if (!Listed(mask, row, column, radius, minimumInside))
                    {
                        continue;
                    }

                    var pixels = new byte[window * window];
                    for (var r = 0; r < window; r++)
                    {
                        resized.Pixels.AsSpan(((i * stride) + r) * w + (j * stride), window).CopyTo(pixels.AsSpan(r * window));
                    }

                    windows.Add(new HeatmapWindow(new ScoredRegion(column * toColumn, row * toRow, PatchGeometry.MiasY(row * toRow, scan.Height), requested, 0), pixels));
                }
            }
        }

        return windows;
    }

    // The geometry below is ScanHeatmap's too: the windows listed here are the ones it scores and lists.

    /// <summary>A large image shrunk to about <paramref name="workingPixels"/> first, and the factors that take its pixels back to the original's.</summary>
    internal static (GrayImage Working, double ToColumn, double ToRow) Shrink(GrayImage scan, long workingPixels)
    {
        var shrink = Math.Max(1.0, Math.Sqrt((double)scan.Width * scan.Height / workingPixels));
        var working = shrink > 1 ? Resampling.Resize(scan, Math.Max(1, (int)Math.Round(scan.Width / shrink)), Math.Max(1, (int)Math.Round(scan.Height / shrink))) : scan;
        return (working, (double)scan.Width / working.Width, (double)scan.Height / working.Height);
    }

    /// <summary>
    /// Each scale a heat map scores: the radius asked for, that radius in working pixels, the scale that shows it at the
    /// window's, and the working image's size at that scale; scales too small for one window are left out.
    /// </summary>
    internal static IEnumerable<(double Requested, double Radius, double Scale, int Width, int Height)> Scales(
        PatchPipeline pipeline, IReadOnlyList<double> radii, GrayImage working, double toColumn, double toRow, int window, int stride)
    {
        // A fixed-context network saw the same square whatever the lesion: one scale, not one per radius.
        foreach (var requested in pipeline.Crop.Fixed is { } side ? [side] : radii)
        {
            var radius = pipeline.Crop.Apply(requested) / Math.Sqrt(toColumn * toRow);
            var scale = (window / 2.0) / radius;
            var (w, h) = ((int)Math.Round(working.Width * scale), (int)Math.Round(working.Height * scale));
            if (DenseScoring.Windows(w, window, stride) >= 1 && DenseScoring.Windows(h, window, stride) >= 1)
            {
                yield return (requested, radius, scale, w, h);
            }
        }
    }

    /// <summary>The centre, in working pixels, of window (<paramref name="i"/>, <paramref name="j"/>) at <paramref name="scale"/>.</summary>
    internal static (double Row, double Column) Centre(int window, int stride, double scale, int i, int j) =>
        (((stride * i) + (window / 2.0)) / scale, ((stride * j) + (window / 2.0)) / scale);

    /// <summary>Whether a window centred there may be listed as a region: centred on tissue, and enough of its square on tissue.</summary>
    internal static bool Listed(BreastMask mask, double row, double column, double radius, double minimumInside) =>
        mask.Contains((int)row, (int)column) && mask.InsideFraction(row, column, radius) >= minimumInside;
}
