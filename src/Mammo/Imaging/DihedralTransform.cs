namespace Mammo.Imaging;

/// <summary>
/// One of the 8 symmetries of a square (the dihedral group D4): a counter-clockwise rotation by
/// <see cref="QuarterTurns"/> × 90°, then, if <see cref="Mirrored"/>, a left-right mirror. They are exact
/// pixel permutations (no resampling), so augmenting with them never blurs a patch.
/// </summary>
public readonly record struct DihedralTransform(int QuarterTurns, bool Mirrored)
{
    public static DihedralTransform Identity => new(0, false);

    /// <summary>Left-right mirror (Pillow's FLIP_LEFT_RIGHT).</summary>
    public static DihedralTransform MirrorLeftRight => new(0, true);

    /// <summary>Top-bottom mirror (Pillow's FLIP_TOP_BOTTOM): a half turn followed by a left-right mirror.</summary>
    public static DihedralTransform MirrorTopBottom => new(2, true);

    /// <summary>The 8 distinct elements: 4 rotations, each with and without a mirror.</summary>
    public static IReadOnlyList<DihedralTransform> All { get; } =
        [.. Enumerable.Range(0, 4).Select(q => new DihedralTransform(q, false)), .. Enumerable.Range(0, 4).Select(q => new DihedralTransform(q, true))];

    public static DihedralTransform Rotation(int degrees) =>
        degrees % 90 == 0 ? new(((degrees / 90 % 4) + 4) % 4, false) : throw new ArgumentOutOfRangeException(nameof(degrees), "multiples of 90° only");

    /// <summary>Applies <paramref name="first"/>, then <paramref name="second"/>.</summary>
    public static DihedralTransform Then(DihedralTransform first, DihedralTransform second)
    {
        // A rotation after a mirror turns the other way: R(q)∘M = M∘R(−q).
        var turns = first.Mirrored ? first.QuarterTurns - second.QuarterTurns : first.QuarterTurns + second.QuarterTurns;
        return new(((turns % 4) + 4) % 4, first.Mirrored ^ second.Mirrored);
    }

    /// <summary>Applies this transform to a square, row-major image of side <paramref name="size"/>.</summary>
    public byte[] Apply(ReadOnlySpan<byte> source, int size)
    {
        if (source.Length != size * size)
        {
            throw new ArgumentException($"expected {size}×{size} pixels, got {source.Length}", nameof(source));
        }

        var result = new byte[source.Length];
        var last = size - 1;
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                // Undo the mirror, then the rotation, to find which source pixel lands here.
                var c = Mirrored ? last - column : column;
                var r = row;
                (r, c) = QuarterTurns switch
                {
                    0 => (r, c),
                    1 => (c, last - r),
                    2 => (last - r, last - c),
                    _ => (last - c, r),
                };
                result[(row * size) + column] = source[(r * size) + c];
            }
        }

        return result;
    }

    /// <summary>A short stable name: <c>r90</c>, <c>r180m</c> (rotated 180° then mirrored).</summary>
    public override string ToString() => $"r{QuarterTurns * 90}{(Mirrored ? "m" : string.Empty)}";
}
