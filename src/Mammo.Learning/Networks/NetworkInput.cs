using static TorchSharp.torch;

namespace Mammo.Learning.Networks;

/// <summary>The input contract shared by the networks: a batch of single-channel square patches, NCHW (48×48 unless built for another size).</summary>
internal static class NetworkInput
{
    public const int Channels = 1;
    public const int Size = 48;

    public static void Validate(Tensor input, string network, int size = Size)
    {
        if (input.dim() != 4 || input.shape[1] != Channels || input.shape[2] != size || input.shape[3] != size)
        {
            throw new ArgumentException(
                $"{network} expects input of shape [N, {Channels}, {size}, {size}] (NCHW); got [{string.Join(", ", input.shape)}].",
                nameof(input));
        }
    }

    /// <exception cref="InvalidSettingException">The network cannot take inputs this small (or absurdly large).</exception>
    public static void ValidateSize(int size, int minimum, string network)
    {
        if (size < minimum || size > 512)
        {
            throw new InvalidSettingException("input", $"network '{network}' takes inputs of {minimum} to 512 pixels; got {size}");
        }
    }

    public static void ValidateClassCount(int classCount)
    {
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "A classifier needs at least 2 classes.");
        }
    }
}
