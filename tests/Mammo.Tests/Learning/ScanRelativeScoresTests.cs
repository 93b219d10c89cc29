using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Localisation;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

public class ScanRelativeScoresTests
{
    private static ScoredRegion At(double column, double score) => new(column, 50, 50, 10, score);

    [Fact]
    public void Scores_relative_to_the_scan_let_a_fatty_breasts_lesion_beat_a_dense_breasts_background()
    {
        // Dense scan A: every window scores high (median 0.8); two false positives above its lesion (at column 100).
        // Fatty scan B: median 0.1, its lesion (column 100) at 0.6 and a false positive at 0.3.
        var lesion = new LesionLocation(100, 50, 5);
        var dense = new LocalisationCase("A", [lesion], [At(300, 0.95), At(500, 0.9), At(100, 0.85)]);
        var fatty = new LocalisationCase("B", [lesion], [At(100, 0.6), At(300, 0.3)]);

        var relative = new[] { ScanRelativeScores.Of(dense, 0.8), ScanRelativeScores.Of(fatty, 0.1) };

        // ln(0.95/0.05) − ln(0.8/0.2) = ln(19/4); ln(0.6/0.4) − ln(0.1/0.9) = ln(13.5).
        Assert.Equal(Math.Log(19.0 / 4), relative[0].Regions[0].Score, 12);
        Assert.Equal(Math.Log(13.5), relative[1].Regions[0].Score, 12);
        Assert.Equal(dense.Regions.Select(r => r.Column), relative[0].Regions.Select(r => r.Column));

        // Raw: the dense scan's two false positives come first, so no lesion is found at 0.5 FP per scan; relative:
        // B's lesion first (ln 13.5 = 2.60), then A's 0.95 (1.56): sensitivity 0.5 at 0.5 FP per scan.
        Assert.Equal(0.0, LocalisationMetrics.Froc([dense, fatty]).SensitivityAt(0.5));
        Assert.Equal(0.5, LocalisationMetrics.Froc(relative).SensitivityAt(0.5));
        Assert.Equal(LocalisationMetrics.HitRate([dense, fatty], 1), LocalisationMetrics.HitRate(relative, 1));
        Assert.True(double.IsFinite(ScanRelativeScores.LogOdds(1.0)));
    }

    [Fact]
    public void The_tissue_median_is_the_median_window_score_on_the_breast()
    {
        // A uniform breast of grey 100 with a small bright lesion; the scorer's score is a window's mean grey / 255,
        // so most windows on tissue score exactly 100/255 and the median is that.
        var image = Pgm.WithDisc(400, 400, 200, 200, 170, value: 100, background: 0);
        var lesion = Pgm.WithDisc(400, 400, 150, 180, 12, value: 250, background: 0);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = Math.Max(image.Pixels[i], lesion.Pixels[i]);
        }

        using var scorer = new MeanGreyScorer();
        var map = new ScanHeatmap(scorer, 1) { Radii = [24] }.Compute(image, 1);

        Assert.Equal(100 / 255.0, map.TissueMedian, 6);
        Assert.True(map.Top[0].Contains(new LesionLocation(150, 400 - 180, 12)));
    }

    private sealed class MeanGreyScorer : IDenseScorer
    {
        public int Window => 48;

        public int Stride => 4;

        public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass)
        {
            var (rows, columns) = (DenseScoring.Windows(height, Window, Stride), DenseScoring.Windows(width, Window, Stride));
            var scores = new float[rows * columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    double sum = 0;
                    for (var r = 0; r < Window; r++)
                    {
                        for (var c = 0; c < Window; c++)
                        {
                            sum += pixels[(((i * Stride) + r) * width) + (j * Stride) + c];
                        }
                    }

                    scores[(i * columns) + j] = (float)(sum / (Window * Window) / 255);
                }
            }

            return scores;
        }

        public void Dispose()
        {
        }
    }
}
