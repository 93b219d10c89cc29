using Mammo.Preprocessing;
using static TorchSharp.torch;

namespace Mammo.Learning.Inference;

/// <summary>Class probabilities (softmax of the logits) for patches, in eval mode, in batches.</summary>
public sealed class PatchClassifier(nn.Module<Tensor, Tensor> model, PatchPipeline? pipeline = null, Device? device = null)
{
    private readonly PatchPipeline _pipeline = pipeline ?? PatchPipeline.Default;

    private const int BatchSize = 256;

    public double[][] Predict(IReadOnlyList<byte[]> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        model.eval();
        using var noGrad = no_grad();
        var result = new double[patches.Count][];
        var patchSize = _pipeline.Size;
        for (var start = 0; start < patches.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(BatchSize, patches.Count - start);
            var data = _pipeline.Normalise(patches, start, length);

            var x = tensor(data, [length, 1, patchSize, patchSize]);
            if (device is not null)
            {
                x = x.to(device);
            }

            var probabilities = nn.functional.softmax(model.call(x), 1).cpu();
            var classes = (int)probabilities.shape[1];
            var flat = probabilities.data<float>().ToArray();
            for (var i = 0; i < length; i++)
            {
                result[start + i] = [.. flat.AsSpan(i * classes, classes).ToArray().Select(v => (double)v)];
            }
        }

        return result;
    }
}
