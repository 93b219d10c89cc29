using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Onnx;

namespace Mammo.Tests.Onnx;

[Collection(Mammo.Tests.Learning.TorchGlobalState.Name)]
public sealed class OnnxDenseScorerTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    public void The_fully_convolutional_graph_scores_every_window_as_libtorch_does(int folds, int classes)
    {
        var networks = Enumerable.Range(0, folds).Select(f => new SeedCnn(classes, seed: 20 + f)).ToList();
        try
        {
            var random = new Random(4);
            var pixels = new byte[97 * 130];
            random.NextBytes(pixels);
            using var torch = new TorchDenseScorer([.. networks.Select(n => new FullyConvolutionalSeedCnn(n))]);
            using var onnx = OnnxDenseScorer.Create(networks);

            var expected = torch.Score(pixels, 97, 130, classes - 1);
            var actual = onnx.Score(pixels, 97, 130, classes - 1);

            Assert.Equal(DenseScoring.Windows(97, 48, 4) * DenseScoring.Windows(130, 48, 4), expected.Length);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], actual[i], 1e-5);
            }
        }
        finally
        {
            networks.ForEach(n => n.Dispose());
        }
    }
}
