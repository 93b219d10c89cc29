using static TorchSharp.torch;

namespace Mammo.Learning.Inference;

/// <summary>Class probabilities (softmax of the logits) for patches, in eval mode, in batches.</summary>
public sealed class PatchClassifier(nn.Module<Tensor, Tensor> model, int patchSize = 48, Device? device = null)
{
    private const int BatchSize = 256;

    public double[][] Predict(IReadOnlyList<byte[]> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        model.eval();
        using var noGrad = no_grad();
        var result = new double[patches.Count][];
        var area = patchSize * patchSize;
        for (var start = 0; start < patches.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(BatchSize, patches.Count - start);
            var data = new float[length * area];
            for (var i = 0; i < length; i++)
            {
                var source = patches[start + i];
                for (var j = 0; j < area; j++)
                {
                    data[(i * area) + j] = source[j] / 255f;
                }
            }

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
