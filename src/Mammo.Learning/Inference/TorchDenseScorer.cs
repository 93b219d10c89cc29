using Mammo.Preprocessing;
using static TorchSharp.torch;

namespace Mammo.Learning.Inference;

/// <summary>The seed network(s) rewritten as one fully convolutional pass each (libtorch), their probabilities averaged.</summary>
public sealed class TorchDenseScorer(IReadOnlyList<FullyConvolutionalSeedCnn> networks, PatchPipeline? pipeline = null) : IDenseScorer
{
    private readonly PatchPipeline _pipeline = pipeline ?? PatchPipeline.Default;

    private readonly IReadOnlyList<FullyConvolutionalSeedCnn> _networks = networks is { Count: > 0 } ? networks : throw new ArgumentException("at least one network is needed", nameof(networks));

    public int Window => FullyConvolutionalSeedCnn.Window;

    public int Stride => FullyConvolutionalSeedCnn.Stride;

    public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass)
    {
        using var scope = NewDisposeScope();
        var values = new float[pixels.Length];
        _pipeline.Normalise(pixels, values);

        var input = tensor(values, [1, 1, height, width]);
        Tensor? sum = null;
        foreach (var network in _networks)
        {
            var probabilities = network.Probabilities(input)[0, positiveClass];
            sum = sum is null ? probabilities : sum + probabilities;
        }

        return (sum! / _networks.Count).contiguous().data<float>().ToArray();
    }

    public void Dispose()
    {
        foreach (var network in _networks)
        {
            network.Dispose();
        }
    }
}
