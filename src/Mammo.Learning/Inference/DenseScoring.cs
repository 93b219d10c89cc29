namespace Mammo.Learning.Inference;

/// <summary>The window geometry every <see cref="IDenseScorer"/> shares.</summary>
public static class DenseScoring
{
    /// <summary>How many windows of <paramref name="window"/> pixels at <paramref name="stride"/> fit in <paramref name="size"/> pixels.</summary>
    public static int Windows(int size, int window, int stride) => size < window ? 0 : ((size - window) / stride) + 1;
}
