using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using static TorchSharp.torch;

namespace Mammo.Tests.Learning;

[Collection(TorchGlobalState.Name)]
public class FullyConvolutionalSeedCnnTests
{
    [Theory]
    [InlineData(48, 1)]
    [InlineData(52, 2)]
    [InlineData(100, 14)]
    [InlineData(1024, 245)]
    [InlineData(40, 0)]
    public void The_score_map_has_one_cell_per_stride_4_window(int input, int output)
    {
        Assert.Equal(output, FullyConvolutionalSeedCnn.OutputSize(input));
    }

    [Fact]
    public void One_pass_scores_every_window_exactly_as_the_patch_classifier_does()
    {
        using var model = new SeedCnn(3, seed: 11);
        using var generator = new Generator(5);
        using var image = rand([1, 1, 80, 96], generator: generator);
        using var fully = new FullyConvolutionalSeedCnn(model);

        using var map = fully.Probabilities(image);

        Assert.Equal(new long[] { 1, 3, FullyConvolutionalSeedCnn.OutputSize(80), FullyConvolutionalSeedCnn.OutputSize(96) }, map.shape);
        model.eval();
        using var noGrad = no_grad();
        for (var i = 0; i < map.shape[2]; i++)
        {
            for (var j = 0; j < map.shape[3]; j++)
            {
                using var crop = image.narrow(2, 4 * i, 48).narrow(3, 4 * j, 48);
                using var logits = model.call(crop);
                using var expected = nn.functional.softmax(logits, 1);
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(expected[0, c].item<float>(), map[0, c, i, j].item<float>(), 1e-5);
                }
            }
        }
    }

    [Fact]
    public void Channels_last_and_the_default_layout_give_the_same_map()
    {
        using var model = new SeedCnn(2, seed: 9);
        using var generator = new Generator(2);
        using var image = rand([2, 1, 70, 61], generator: generator);
        using var channelsLast = new FullyConvolutionalSeedCnn(model);
        using var nchw = new FullyConvolutionalSeedCnn(model, channelsLast: false);

        using var expected = nchw.Probabilities(image);
        using var actual = channelsLast.Probabilities(image);

        Assert.True(channelsLast.ChannelsLast);
        Assert.False(nchw.ChannelsLast);
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(actual.is_contiguous());
        using var difference = (expected - actual).abs().max();
        Assert.True(difference.item<float>() < 1e-5f, $"largest difference {difference.item<float>()}");
    }

    [Fact]
    public void A_score_map_computed_in_bands_of_rows_equals_the_one_pass_map()
    {
        using var model = new SeedCnn(2, seed: 3);
        using var scorer = new TorchDenseScorer([new FullyConvolutionalSeedCnn(model)]);
        var random = new Random(7);
        var pixels = new byte[150 * 130];
        random.NextBytes(pixels);
        var image = new Mammo.Imaging.GrayImage(150, 130, pixels);

        var whole = ScanHeatmap.ScoreMap(scorer, image, positive: 1, maxPassPixels: long.MaxValue);
        var banded = ScanHeatmap.ScoreMap(scorer, image, positive: 1, maxPassPixels: 150 * 60);

        Assert.Equal(FullyConvolutionalSeedCnn.OutputSize(130), whole.GetLength(0));
        Assert.Equal(FullyConvolutionalSeedCnn.OutputSize(150), whole.GetLength(1));
        Assert.Equal(whole.GetLength(0), banded.GetLength(0));
        for (var i = 0; i < whole.GetLength(0); i++)
        {
            for (var j = 0; j < whole.GetLength(1); j++)
            {
                Assert.Equal(whole[i, j], banded[i, j], 1e-5);
            }
        }
    }
}
