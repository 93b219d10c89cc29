using Mammo.Sampling;

namespace Mammo.Baselines;

/// <summary>
/// What the label table alone says about a lesion: its abnormality class one-hot (the six MIAS classes) and the
/// logarithm of its annotated radius. Nothing from the pixels.
/// </summary>
public static class MetadataFeatures
{
    private static readonly Data.AbnormalityClass[] s_classes =
    [
        Data.AbnormalityClass.Calcification, Data.AbnormalityClass.Circumscribed, Data.AbnormalityClass.Spiculated,
        Data.AbnormalityClass.IllDefined, Data.AbnormalityClass.ArchitecturalDistortion, Data.AbnormalityClass.Asymmetry,
    ];

    public static IReadOnlyList<string> Names { get; } = ["calc", "circ", "spic", "misc", "arch", "asym", "log_radius"];

    /// <summary>The annotated radius of a sample's lesion; null for a normal scan's region or a lesion without location.</summary>
    public static double? Radius(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.Origin.Lesion?.Location?.Radius;
    }

    /// <summary>The features of a lesion of this class and annotated radius (a region a user names, say).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The radius is not positive, or the class is Normal.</exception>
    public static double[] Of(Data.AbnormalityClass abnormality, double radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radius);
        if (!s_classes.Contains(abnormality))
        {
            throw new ArgumentOutOfRangeException(nameof(abnormality), abnormality, "the metadata features describe a lesion's class");
        }

        return Row(abnormality, radius);
    }

    /// <summary>The features, or null for a sample that is not a located lesion.</summary>
    public static double[]? Of(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (Radius(sample) is not { } radius || radius <= 0)
        {
            return null;
        }

        return Row(sample.Origin.Class, radius);
    }

    private static double[] Row(Data.AbnormalityClass abnormality, double radius) =>
        [.. s_classes.Select(c => c == abnormality ? 1.0 : 0.0), Math.Log(radius)];
}
