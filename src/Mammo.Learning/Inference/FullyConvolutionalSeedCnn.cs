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

    public FullyConvolutionalSeedCnn(SeedCnn model)
    {
        ArgumentNullException.ThrowIfNull(model);

        // Intermediates (detached views, the reshape) are disposed with the scope, not left to the finalizer
        // thread; the clones kept as weights leave it and are disposed with this object.
        using var scope = NewDisposeScope();
        var state = model.state_dict();
        Tensor Copy(string name) => state[name].detach().clone().MoveToOuterDisposeScope();
        var classes = state["logits.weight"].shape[0];
        _weights =
        [
            Copy("conv1.weight"), Copy("conv1.bias"),
            Copy("conv2.weight"), Copy("conv2.bias"),
            Copy("conv3.weight"), Copy("conv3.bias"),
            Copy("dense.weight"), Copy("dense.bias"),
            state["logits.weight"].detach().reshape(classes, 64, 10, 10).clone().MoveToOuterDisposeScope(), Copy("logits.bias"),
        ];
        ClassCount = (int)classes;
    }

    public int ClassCount { get; }

    /// <summary>Side of the score map for an image side (0 when the image is smaller than a window).</summary>
    public static int OutputSize(int inputSize) => inputSize < Window ? 0 : ((((inputSize - 4) / 2) - 2) / 2) - 9;

    /// <summary>Class probabilities [N, classes, H', W'] for images [N, 1, H, W] scaled to 0..1.</summary>
    public Tensor Probabilities(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var w = _weights;
        var x = nn.functional.relu(nn.functional.conv2d(images, w[0], w[1]));
        x = nn.functional.relu(nn.functional.conv2d(x, w[2], w[3]));
        x = nn.functional.max_pool2d(x, 2);
        x = nn.functional.relu(nn.functional.conv2d(x, w[4], w[5]));
        x = nn.functional.max_pool2d(x, 2);
        x = nn.functional.relu(nn.functional.conv2d(x, w[6], w[7]));
        x = nn.functional.conv2d(x, w[8], w[9]);
        return nn.functional.softmax(x, 1).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var t in _weights)
        {
            t.Dispose();
        }
    }
}
