using Mammo.Learning.Networks;
using static TorchSharp.torch;

namespace Mammo.Learning.Inference;

/// <summary>
/// The seed CNN rewritten to slide over a whole image in one pass. Its last dense layer over the 10×10×64
/// map is a 10×10 convolution with the same weights (NCHW flatten order: column c·100 + h·10 + w is kernel
/// [c, h, w]); the two 2× poolings make the output stride 4. Output (i, j) scores the 48×48 window whose
/// top-left corner is (4i, 4j) exactly as the patch classifier scores that window (a test proves it), so a
/// score map costs one pass instead of a loop over crops. Dropout is off (inference).
/// </summary>
public sealed class FullyConvolutionalSeedCnn : IDisposable
{
    public const int Stride = 4;
    public const int Window = 48;

    private readonly Tensor[] _weights;

    /// <param name="model">The trained network; its weights are copied.</param>
    /// <param name="channelsLast">
    /// Run the pass in channels-last memory (NHWC strides behind NCHW indices), ReLU in place after pooling. oneDNN's
    /// forward convolutions are 2–3× faster so and the scores the same to float rounding (docs/benchmarks.md); false
    /// keeps issue 5's pass (libtorch's default layout), which the benchmark times beside it.
    /// </param>
    public FullyConvolutionalSeedCnn(SeedCnn model, bool channelsLast = true)
    {
        ArgumentNullException.ThrowIfNull(model);

        // Intermediates (detached views, the reshape) are disposed with the scope, not left to the finalizer
        // thread; the clones kept as weights leave it and are disposed with this object.
        using var scope = NewDisposeScope();
        var state = model.state_dict();
        ChannelsLast = channelsLast;
        Tensor Keep(Tensor t) => (channelsLast && t.dim() == 4 ? ToChannelsLast(t) : t.clone()).MoveToOuterDisposeScope();
        Tensor Copy(string name) => Keep(state[name].detach());
        var classes = state["logits.weight"].shape[0];
        _weights =
        [
            Copy("conv1.weight"), Copy("conv1.bias"),
            Copy("conv2.weight"), Copy("conv2.bias"),
            Copy("conv3.weight"), Copy("conv3.bias"),
            Copy("dense.weight"), Copy("dense.bias"),
            Keep(state["logits.weight"].detach().reshape(classes, 64, 10, 10)), Copy("logits.bias"),
        ];
        ClassCount = (int)classes;
    }

    public int ClassCount { get; }

    /// <summary>Whether the pass runs in channels-last memory.</summary>
    public bool ChannelsLast { get; }

    /// <summary>Side of the score map for an image side (0 when the image is smaller than a window).</summary>
    public static int OutputSize(int inputSize) => inputSize < Window ? 0 : ((((inputSize - 4) / 2) - 2) / 2) - 9;

    /// <summary>Class probabilities [N, classes, H', W'] for images [N, 1, H, W] scaled to 0..1.</summary>
    public Tensor Probabilities(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);

        // Inference mode rather than no_grad: no version counters or autograd metadata on any intermediate.
        using var inference = inference_mode();
        using var scope = NewDisposeScope();
        var w = _weights;
        Tensor x;
        if (ChannelsLast)
        {
            // ReLU in place, and after each pooling rather than before: max and ReLU commute (ReLU is monotonic), so
            // the values are the same and ReLU touches a quarter of the elements without a second copy of the map.
            x = nn.functional.conv2d(ToChannelsLast(images), w[0], w[1]).relu_();
            x = nn.functional.max_pool2d(nn.functional.conv2d(x, w[2], w[3]), 2).relu_();
            x = nn.functional.max_pool2d(nn.functional.conv2d(x, w[4], w[5]), 2).relu_();
            x = nn.functional.conv2d(x, w[6], w[7]).relu_();
        }
        else
        {
            // Issue 5's pass as it was, kept for the benchmark to compare against.
            x = nn.functional.relu(nn.functional.conv2d(images, w[0], w[1]));
            x = nn.functional.relu(nn.functional.conv2d(x, w[2], w[3]));
            x = nn.functional.max_pool2d(x, 2);
            x = nn.functional.relu(nn.functional.conv2d(x, w[4], w[5]));
            x = nn.functional.max_pool2d(x, 2);
            x = nn.functional.relu(nn.functional.conv2d(x, w[6], w[7]));
        }

        x = nn.functional.conv2d(x, w[8], w[9]);
        return nn.functional.softmax(x, 1).contiguous().MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var t in _weights)
        {
            t.Dispose();
        }
    }

    // TorchSharp 0.107 has no memory-format API, but an NHWC-contiguous tensor permuted back to NCHW indices has
    // exactly the strides libtorch recognises as channels-last, and its kernels (and their outputs) follow them.
    private static Tensor ToChannelsLast(Tensor t) => t.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
}
