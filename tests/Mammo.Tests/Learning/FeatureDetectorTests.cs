using Mammo.Baselines;
using Mammo.Evaluation;
using Mammo.Learning.Baselines;
using Mammo.Learning.Inference;

namespace Mammo.Tests.Learning;

public class FeatureDetectorTests
{
    private static readonly string[] s_classes = ["tissue", "lesion"];

    // 48×48 noisy tissue of mean 90; a lesion adds a bright disc of radius 6–11 near the centre.
    private static byte[] Patch(Random random, bool lesion)
    {
        var pixels = new byte[48 * 48];
        var radius = 6 + random.Next(6);
        var (cr, cc) = (23.5 + random.Next(-3, 4), 23.5 + random.Next(-3, 4));
        for (var r = 0; r < 48; r++)
        {
            for (var c = 0; c < 48; c++)
            {
                var inDisc = lesion && ((r - cr) * (r - cr)) + ((c - cc) * (c - cc)) <= radius * radius;
                pixels[(r * 48) + c] = (byte)Math.Clamp(90 + random.Next(-25, 26) + (inDisc ? 50 : 0), 0, 255);
            }
        }

        return pixels;
    }

    private static (List<byte[]> Patches, List<bool> Lesion) Set(int seed, int count)
    {
        var random = new Random(seed);
        var lesion = Enumerable.Range(0, count).Select(i => i % 3 == 0).ToList();
        return ([.. lesion.Select(l => Patch(random, l))], lesion);
    }

    [Fact]
    public void Fitted_on_bright_discs_against_tissue_it_separates_patches_it_never_saw()
    {
        var (patches, lesion) = Set(1, 60);
        var (test, truth) = Set(2, 60);

        var detector = FeatureDetector.Fit(patches, lesion, s_classes, positiveClass: 1, side: 48, threads: 2);
        var scores = detector.Predict(test);

        Assert.All(scores, row => Assert.Equal(1, row[0] + row[1], 12));
        Assert.Equal(1.0, RocCurve.ComputeAuc([.. truth.Select(t => t ? 1 : 0)], [.. scores.Select(s => s[1])]));
    }

    [Fact]
    public void It_is_the_features_baselines_logistic_regression_on_the_windows_features()
    {
        var (patches, lesion) = Set(3, 30);
        var expected = LogisticRegression.Fit([.. patches.Select(p => WindowFeatures.Compute(p, 48))], lesion, BaselineRunner.C);

        // With the positive class first, the probabilities trade places.
        var detector = FeatureDetector.Fit(patches, lesion, ["lesion", "tissue"], positiveClass: 0, side: 48, threads: 1);
        var scores = detector.Predict(patches);

        for (var i = 0; i < patches.Count; i++)
        {
            Assert.Equal(expected.Probability(WindowFeatures.Compute(patches[i], 48)), scores[i][0], 12);
        }
    }

    [Fact]
    public void One_class_alone_or_more_than_two_classes_is_refused()
    {
        var (patches, _) = Set(4, 6);
        Assert.Throws<ArgumentException>(() => FeatureDetector.Fit(patches, [.. patches.Select(_ => true)], s_classes, 1, 48));
        Assert.Throws<ArgumentException>(() => FeatureDetector.Fit(patches, [.. patches.Select((_, i) => i % 2 == 0)], ["a", "b", "c"], 1, 48));
    }
}
