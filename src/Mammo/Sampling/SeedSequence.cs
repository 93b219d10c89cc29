namespace Mammo.Sampling;

/// <summary>
/// Derives independent, reproducible seeds from one user seed (SplitMix64), so a random choice made for a
/// scan does not depend on the order in which scans are processed, nor on how many threads process them.
/// </summary>
public static class SeedSequence
{
    public static int Derive(int seed, int stream)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (uint)stream) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    public static Random Random(int seed, int stream) => new(Derive(seed, stream));
}
