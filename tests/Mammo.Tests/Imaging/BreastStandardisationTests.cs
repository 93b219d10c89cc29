using Mammo.Imaging;
using Mammo.Preprocessing;

namespace Mammo.Tests.Imaging;

/// <summary>The breast z-score on a synthetic film whose tissue statistics are known by construction.</summary>
public sealed class BreastStandardisationTests
{
    // 64×64 film: black background, a 32×32 tissue block whose left half is 100 and right half 140 (mean 120, sd 20),
    // and a bright 4×4 film label apart from it (not breast: a separate blob).
    private static GrayImage Film()
    {
        var image = GrayImage.Blank(64, 64);
        for (var r = 16; r < 48; r++)
        {
            for (var c = 16; c < 48; c++)
            {
                image.Pixels[(r * 64) + c] = c < 32 ? (byte)100 : (byte)140;
            }
        }

        for (var r = 0; r < 4; r++)
        {
            for (var c = 58; c < 62; c++)
            {
                image.Pixels[(r * 64) + c] = 255;
            }
        }

        return image;
    }

    [Fact]
    public void Tissue_statistics_ignore_the_background_and_the_film_label()
    {
        var (mean, deviation) = BreastStandardisation.Statistics(Film());

        Assert.Equal(120, mean, 9);
        Assert.Equal(20, deviation, 9);
    }

    [Fact]
    public void Levels_become_128_plus_32_z_clipped_and_back()
    {
        var film = Film();
        var standard = BreastStandardisation.Apply(film);

        Assert.Equal(96, standard[20, 20]);   // 100: z = −1
        Assert.Equal(160, standard[20, 40]);  // 140: z = +1
        Assert.Equal(0, standard[0, 0]);      // 0: z = −6, clipped
        Assert.Equal(255, standard[1, 60]);   // 255: z = +6.75, clipped
        Assert.Equal(-1f, BreastStandardisation.ToInput(96));
        Assert.Equal(1f, BreastStandardisation.ToInput(160));
        Assert.Same(standard, BreastStandardisation.Apply(film));
    }

    [Fact]
    public void The_zscore_pipeline_cuts_from_the_standardised_film_and_feeds_z_values()
    {
        var film = Film();
        var pipeline = PatchPipeline.Default with { Crop = PatchPipeline.Context("fixed:16"), Size = 16, Intensity = IntensityScaling.BreastZScore };
        var unit = PatchPipeline.Default with { Crop = PatchPipeline.Context("fixed:16"), Size = 16 };

        // Centred on the boundary between the two halves (MIAS y counts from the bottom: row 32 is y 31.5).
        var patch = pipeline.Extractor(0).CutAt(film, 32, 32, 8);
        var raw = unit.Extractor(0).CutAt(film, 32, 32, 8);
        var input = new float[patch.Length];
        pipeline.Normalise(patch, input);

        Assert.Equal(new byte[] { 96, 160 }, patch.Distinct().Order());
        Assert.Equal(new byte[] { 100, 140 }, raw.Distinct().Order());
        Assert.Equal([-1f, 1f], input.Distinct().Order());
        Assert.Equal(IntensityScaling.BreastZScore, PatchPipeline.IntensityOf("zscore"));
        Assert.Throws<InvalidSettingException>(() => PatchPipeline.IntensityOf("minmax"));
    }

    [Fact]
    public void A_16_bit_copy_of_the_film_gives_the_same_standardised_patch()
    {
        var film = Film();
        var pipeline = PatchPipeline.Default with { Size = 16, Intensity = IntensityScaling.BreastZScore };
        var sixteen = new ScanImage(64, 64, [.. film.Pixels.Select(p => (ushort)(p * 257))], 16, ScanImage.LinearLevels(65535));

        var fromGray = pipeline.Extractor(0).CutAt(film, 30, 30, 10);
        var fromSixteen = pipeline.Extractor(0).CutAt(sixteen, 30, 30, 10);

        Assert.Equal(fromGray, fromSixteen);
    }
}
