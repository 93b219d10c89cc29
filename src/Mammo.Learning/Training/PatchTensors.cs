using Mammo.Preprocessing;
using static TorchSharp.torch;

namespace Mammo.Learning.Training;

/// <summary>
/// Patches as one whole tensor [N, 1, size, size] (the pipeline's network input) with labels [N], built once so that
/// batches are index selections, not per-sample copies.
/// </summary>
public sealed class PatchTensors : IDisposable
{
    private PatchTensors(Tensor images, Tensor labels, int count)
    {
        Images = images;
        Labels = labels;
        Count = count;
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public int Count { get; }

    public static PatchTensors Create(IReadOnlyList<byte[]> pixels, IReadOnlyList<int> labels, PatchPipeline pipeline, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.Count != labels.Count)
        {
            throw new ArgumentException($"{pixels.Count} patches but {labels.Count} labels");
        }

        var size = pipeline.Size;
        var data = pipeline.Normalise(pixels);
        var images = tensor(data, [pixels.Count, 1, size, size]);
        var labelTensor = tensor(labels.Select(l => (long)l).ToArray(), [labels.Count]);
        if (device is not null && device.type != TorchSharp.DeviceType.CPU)
        {
            images = images.to(device);
            labelTensor = labelTensor.to(device);
        }

        return new PatchTensors(images, labelTensor, pixels.Count);
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
