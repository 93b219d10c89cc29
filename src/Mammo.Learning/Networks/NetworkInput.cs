using static TorchSharp.torch;

namespace Mammo.Learning.Networks;

/// <summary>The input contract shared by the networks: a batch of single-channel 48×48 patches, NCHW.</summary>
internal static class NetworkInput
{
    public const int Channels = 1;
    public const int Size = 48;

    public static void Validate(Tensor input, string network)
    {
        if (input.dim() != 4 || input.shape[1] != Channels || input.shape[2] != Size || input.shape[3] != Size)
        {
            throw new ArgumentException(
                $"{network} expects input of shape [N, {Channels}, {Size}, {Size}] (NCHW); got [{string.Join(", ", input.shape)}].",
                nameof(input));
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
