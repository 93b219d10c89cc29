using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Preprocessing;

namespace Mammo.Tests.Preprocessing;

/// <summary>
/// Region prediction cuts by the run's pipeline. Under the lesion rule a disc fills its patch whatever its size
/// (the size is normalised away); under a fixed crop a small and a large disc give different patches.
/// </summary>
public class RegionCropTests
{
    private const int Side = 400;

    private static GrayImage Disc(double radius)
    {
        var image = GrayImage.Blank(Side, Side);
        for (var row = 0; row < Side; row++)
        {
            for (var column = 0; column < Side; column++)
            {
                if (Math.Pow(column + 0.5 - 200, 2) + Math.Pow(row + 0.5 - 200, 2) <= radius * radius)
                {
                    image.Pixels[(row * Side) + column] = 200;
                }
            }
        }

        return image;
    }

    private static byte[] PatchSeen(PatchPipeline pipeline, double radius)
    {
        var scorer = new RecordingScorer();
        new RegionClassifier(scorer, pipeline).Classify(Disc(radius), 200, 200, radius, testTimeAugmentation: false);
        return Assert.Single(scorer.Patches);
    }

    private static double BrightShare(byte[] patch) => patch.Count(v => v > 100) / (double)patch.Length;

    [Fact]
    public void Under_the_lesion_rule_a_disc_of_radius_10_and_one_of_40_fill_the_same_share_of_the_patch()
    {
        var small = BrightShare(PatchSeen(PatchPipeline.Default, 10));
        var large = BrightShare(PatchSeen(PatchPipeline.Default, 40));

        Assert.Equal(Math.PI / 4, small, 0.05);
        Assert.Equal(small, large, 0.03);
    }

    [Fact]
    public void Under_a_fixed_crop_the_disc_keeps_its_size_relative_to_the_crop()
    {
        var fixedCrop = PatchPipeline.Default with { Crop = RadiusRule.Parse("fixed:80") };

        var small = BrightShare(PatchSeen(fixedCrop, 10));
        var large = BrightShare(PatchSeen(fixedCrop, 40));

        // The crop is 160 px square: a disc covers π r² / 160² of it.
        Assert.Equal(Math.PI * 100 / (160 * 160), small, 0.01);
        Assert.Equal(Math.PI * 1600 / (160 * 160), large, 0.02);
    }

    private sealed class RecordingScorer : IPatchScorer
    {
        public List<byte[]> Patches { get; } = [];

        public IReadOnlyList<string> ClassNames { get; } = ["a", "b"];

        public double[][] Predict(IReadOnlyList<byte[]> patches)
        {
            Patches.AddRange(patches);
            return [.. patches.Select(_ => (double[])[0.5, 0.5])];
        }
    }
}
