namespace Mammo.Bench;

/// <summary>
/// The seed CNN's layers as arithmetic: the per-pixel dense and the logits are 1×1 convolutions (on a 10×10 and a
/// 1×1 map). One list for the FLOP count of a training image and for the per-layer benchmark.
/// </summary>
internal static class SeedCnnArithmetic
{
    public const int Batch = 32;

    /// <summary>Input channels, output channels, input size, kernel, and whether the layer's input needs a gradient.</summary>
    public static readonly (string Name, int In, int Out, int Size, int Kernel, bool InputGradient)[] Layers =
    [
        ("conv1 1→32, 48×48", 1, 32, 48, 3, false),   // its input is the image
        ("conv2 32→64, 46×46", 32, 64, 46, 3, true),
        ("conv3 64→64, 22×22", 64, 64, 22, 3, true),
        ("dense 64→64 per pixel, 10×10", 64, 64, 10, 1, true),
        ("logits 6400→2", 6400, 2, 1, 1, true),
    ];

    /// <summary>FLOPs of the forward pass of one image through a layer: 2 per multiply-add.</summary>
    public static double ForwardFlops((string Name, int In, int Out, int Size, int Kernel, bool InputGradient) layer)
    {
        var output = layer.Size - layer.Kernel + 1;
        return 2.0 * layer.Out * layer.In * layer.Kernel * layer.Kernel * output * output;
    }

    /// <summary>Forward, input gradient (where needed) and weight gradient: each costs one forward pass.</summary>
    public static double TrainingFlops((string Name, int In, int Out, int Size, int Kernel, bool InputGradient) layer) =>
        ForwardFlops(layer) * (layer.InputGradient ? 3 : 2);

    /// <summary>
    /// One training image: 307.6 MFLOP. The per-element work of ReLU, pooling and dropout is left out (memory
    /// traffic, not arithmetic).
    /// </summary>
    public static double TrainingFlopsPerImage => Layers.Sum(TrainingFlops);
}
