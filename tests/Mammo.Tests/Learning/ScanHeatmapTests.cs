using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

[Collection(TorchGlobalState.Name)]
public class ScanHeatmapTests
{
    [Fact]
    public void Masked_passes_give_the_heat_map_of_scoring_every_window_from_fewer_windows()
    {
        // A textured breast against a dark film on the left of a wide scan, as MIAS scans lie: most windows are background.
        var scan = Pgm.WithDisc(360, 240, 60, 120, 110, value: 120, background: 0);
        var random = new Random(3);
        for (var i = 0; i < scan.Pixels.Length; i++)
        {
            scan.Pixels[i] = scan.Pixels[i] == 0 ? (byte)random.Next(0, 8) : (byte)random.Next(60, 200);
        }

        using var model = new SeedCnn(2, seed: 4);
        using var everyWindow = new CountingScorer(new TorchDenseScorer([new FullyConvolutionalSeedCnn(model)]));
        using var masked = new CountingScorer(new TorchDenseScorer([new FullyConvolutionalSeedCnn(model)]));

        var expected = new ScanHeatmap(everyWindow, 1) { Radii = [24, 48], GridSize = 64, MinimumInside = 0.5, MaskedPasses = false }.Compute(scan, top: 5);
        var actual = new ScanHeatmap(masked, 1) { Radii = [24, 48], GridSize = 64, MinimumInside = 0.5 }.Compute(scan, top: 5);

        for (var r = 0; r < 64; r++)
        {
            for (var c = 0; c < 64; c++)
            {
                Assert.Equal(double.IsNaN(expected.Grid[r, c]), double.IsNaN(actual.Grid[r, c]));
                if (!double.IsNaN(expected.Grid[r, c]))
                {
                    Assert.Equal(expected.Grid[r, c], actual.Grid[r, c], 1e-5);
                }
            }
        }

        Assert.Equal(5, expected.Top.Count);
        Assert.Equal(expected.Top.Select(t => (t.Column, t.Row, t.Radius)), actual.Top.Select(t => (t.Column, t.Row, t.Radius)));
        Assert.All(expected.Top.Zip(actual.Top), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-5));
        Assert.Equal(expected.TissueMedian, actual.TissueMedian, 1e-5);
        Assert.True(masked.Windows < 0.6 * everyWindow.Windows, $"{masked.Windows} windows scored with masked passes, {everyWindow.Windows} without");
    }

    [Fact]
    public void A_score_map_of_the_needed_windows_equals_the_whole_map_on_them_and_skips_the_rest()
    {
        using var model = new SeedCnn(2, seed: 3);
        using var scorer = new TorchDenseScorer([new FullyConvolutionalSeedCnn(model)]);
        var random = new Random(7);
        var pixels = new byte[150 * 130];
        random.NextBytes(pixels);
        var image = new GrayImage(150, 130, pixels);
        var (rows, columns) = (FullyConvolutionalSeedCnn.OutputSize(130), FullyConvolutionalSeedCnn.OutputSize(150));

        // A slanted blob of windows, so that passes differ in their columns.
        var needed = new bool[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                needed[i, j] = i >= 3 && Math.Abs(j - (i / 2) - 4) <= 3;
            }
        }

        var whole = ScanHeatmap.ScoreMap(scorer, image, positive: 1, maxPassPixels: long.MaxValue);
        var part = ScanHeatmap.ScoreMap(scorer, image, positive: 1, maxPassPixels: 90 * 90, needed);

        var skipped = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                if (needed[i, j])
                {
                    Assert.Equal(whole[i, j], part[i, j], 1e-5);
                }

                skipped += double.IsNaN(part[i, j]) ? 1 : 0;
            }
        }

        Assert.True(skipped > rows * columns / 3, $"{skipped} of {rows * columns} windows skipped");
    }

    [Fact]
    public void Planned_passes_cover_every_needed_window_within_the_pixel_limit_and_skip_empty_rows()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 50; trial++)
        {
            var (rows, columns) = (random.Next(1, 40), random.Next(1, 40));
            var needed = new bool[rows, columns];
            var (centre, half) = (random.Next(columns), random.Next(1, 15));
            for (var i = random.Next(rows); i < rows && random.NextDouble() < 0.95; i++)
            {
                centre = Math.Clamp(centre + random.Next(-2, 3), 0, columns - 1);
                for (var j = Math.Max(0, centre - half); j <= Math.Min(columns - 1, centre + half); j++)
                {
                    needed[i, j] = true;
                }
            }

            var limit = random.Next(48 * 48, 200 * 200);
            var passes = ScanHeatmap.PlanPasses(needed, 48, 4, limit);

            for (var i = 0; i < rows; i++)
            {
                var inPasses = passes.Where(p => p.FirstRow <= i && i <= p.LastRow).ToList();
                Assert.True(inPasses.Count <= 1, $"row {i} is in {inPasses.Count} passes");
                var rowNeeded = Enumerable.Range(0, columns).Where(j => needed[i, j]).ToList();
                if (rowNeeded.Count == 0)
                {
                    continue;
                }

                Assert.Single(inPasses);
                Assert.True(inPasses[0].FirstColumn <= rowNeeded[0] && rowNeeded[^1] <= inPasses[0].LastColumn);
            }

            foreach (var p in passes)
            {
                var pixels = (((p.LastRow - p.FirstRow) * 4) + 48) * (((p.LastColumn - p.FirstColumn) * 4) + 48);
                Assert.True(pixels <= limit || p.FirstRow == p.LastRow, $"a pass of {pixels} pixels, limit {limit}");
                Assert.True(needed[p.FirstRow, p.FirstColumn] || Enumerable.Range(p.FirstRow, p.LastRow - p.FirstRow + 1).Any(i => needed[i, p.FirstColumn]));
            }
        }

        Assert.Empty(ScanHeatmap.PlanPasses(new bool[5, 5], 48, 4, long.MaxValue));
    }

    // Counts the windows a scorer is asked for: the work masked passes save.
    [Fact]
    public void A_crop_by_crop_scorer_cuts_only_the_windows_a_masked_pass_needs_and_maps_the_same()
    {
        var scan = Pgm.WithDisc(360, 240, 60, 120, 110, value: 120, background: 0);
        var random = new Random(5);
        for (var i = 0; i < scan.Pixels.Length; i++)
        {
            scan.Pixels[i] = scan.Pixels[i] == 0 ? (byte)random.Next(0, 8) : (byte)random.Next(60, 200);
        }

        // The same patch scorer behind the crop-by-crop scorer, and behind a wrapper that only knows whole passes.
        var (whole, needed) = (new BrightnessScorer(), new BrightnessScorer());
        using var passes = new CountingScorer(new CropByCropScorer(whole, 48));
        using var windows = new CropByCropScorer(needed, 48);
        var expected = new ScanHeatmap(passes, 1) { Radii = [24, 48], GridSize = 64, MinimumInside = 0.5 }.Compute(scan, top: 5);
        var actual = new ScanHeatmap(windows, 1) { Radii = [24, 48], GridSize = 64, MinimumInside = 0.5 }.Compute(scan, top: 5);

        Assert.Equal(expected.Top, actual.Top);
        Assert.Equal(expected.TissueMedian, actual.TissueMedian);
        for (var r = 0; r < 64; r++)
        {
            for (var c = 0; c < 64; c++)
            {
                Assert.Equal(expected.Grid[r, c], actual.Grid[r, c]);
            }
        }

        Assert.Equal(passes.Windows, whole.Patches);
        Assert.True(needed.Patches < 0.95 * whole.Patches, $"{needed.Patches} windows cut for the needed ones, {whole.Patches} for whole passes");

        // Asked directly: the needed windows get the whole pass's scores, the others NaN.
        var pixels = scan.Pixels.AsSpan(0, 120 * 360).ToArray();
        var all = windows.Score(pixels, 120, 360, 1);
        var mask = all.Select((_, i) => i % 3 == 0).ToArray();
        var some = windows.Score(pixels, 120, 360, 1, mask);
        Assert.All(Enumerable.Range(0, all.Length), i => Assert.Equal(mask[i] ? all[i] : float.NaN, some[i]));
    }

    // p(positive) = the patch's mean grey level / 255, counting the patches it is shown.
    private sealed class BrightnessScorer : IPatchScorer
    {
        public long Patches { get; private set; }

        public IReadOnlyList<string> ClassNames { get; } = ["tissue", "lesion"];

        public double[][] Predict(IReadOnlyList<byte[]> patches)
        {
            Patches += patches.Count;
            return [.. patches.Select(p => p.Average(v => (double)v) / 255).Select(p => new[] { 1 - p, p })];
        }
    }

    private sealed class CountingScorer(IDenseScorer inner) : IDenseScorer
    {
        public long Windows { get; private set; }

        public int Window => inner.Window;

        public int Stride => inner.Stride;

        public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass)
        {
            var scores = inner.Score(pixels, height, width, positiveClass);
            Windows += scores.Length;
            return scores;
        }

        public void Dispose() => inner.Dispose();
    }
}
