using Mammo.Imaging;
using Mammo.Localisation;
using Mammo.Preprocessing;

namespace Mammo.Learning.Inference;

/// <summary>
/// Every window a <see cref="ScanHeatmap"/> of the same settings may list as a region of a scan (centred on breast
/// tissue, at least <see cref="ScanHeatmap.MinimumInside"/> of its circle's square on tissue), with the pixels it
/// scores. A detector fitted to rank a scan's windows is fitted on exactly these; a test holds them to the heat map's
/// own candidates.
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

        // As ScanHeatmap.Compute: a large image is shrunk first, and regions are reported in the original's pixels.
        var shrink = Math.Max(1.0, Math.Sqrt((double)scan.Width * scan.Height / workingPixels));
        var working = shrink > 1 ? Resampling.Resize(scan, Math.Max(1, (int)Math.Round(scan.Width / shrink)), Math.Max(1, (int)Math.Round(scan.Height / shrink))) : scan;
        var (toColumn, toRow) = ((double)scan.Width / working.Width, (double)scan.Height / working.Height);
        var mask = BreastMask.Compute(working);
        var prepared = pipeline.Prepare(working);
        var windows = new List<HeatmapWindow>();
        foreach (var requested in pipeline.Crop.Fixed is { } side ? [side] : radii)
        {
            var radius = pipeline.Crop.Apply(requested) / Math.Sqrt(toColumn * toRow);
            var scale = (window / 2.0) / radius;
            var (w, h) = ((int)Math.Round(working.Width * scale), (int)Math.Round(working.Height * scale));
            var (rows, columns) = (DenseScoring.Windows(h, window, stride), DenseScoring.Windows(w, window, stride));
            if (rows < 1 || columns < 1)
            {
                continue;
            }

            var resized = Resampling.Resize(prepared, w, h);
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    var (row, column) = (((stride * i) + (window / 2.0)) / scale, ((stride * j) + (window / 2.0)) / scale);
                    if (!mask.Contains((int)row, (int)column) || mask.InsideFraction(row, column, radius) < minimumInside)
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
}
