using System.Text.Json.Serialization;
using Mammo.Imaging;

namespace Mammo.Preprocessing;

/// <summary>
/// How a region of a scan becomes network input, composed once and shared by every step that feeds a network:
/// training, test-time augmentation, region prediction, heat maps, figures and exports. Saved in the run's
/// <c>config.json</c> under <c>preprocessing</c>, so whatever reads a run cuts and scales exactly as training did.
/// Steps, in order: <see cref="Crop"/> (the square around the centre), resize to <see cref="Size"/> (bicubic),
/// <see cref="Intensity"/> (pixel values to network input), <see cref="Variants"/> (augmented copies).
/// </summary>
public sealed record PatchPipeline
{
    /// <summary>Mammo's default: the original's crop, size and intensity, with the 8 distinct dihedral variants.</summary>
    public static PatchPipeline Default { get; } = new();

    /// <summary>The original study's recipe: lesion-radius crops, 48×48, ÷255, the 12 rotation-and-mirror copies.</summary>
    public static PatchPipeline Original { get; } = new() { Variants = VariantScheme.Original };

    /// <summary>The square cut around a region's centre, before resizing.</summary>
    [JsonConverter(typeof(RadiusRuleJsonConverter))]
    public RadiusRule Crop { get; init; } = RadiusRule.Lesion;

    /// <summary>The side of the network's input, in pixels.</summary>
    public int Size { get; init; } = 48;

    public IntensityScaling Intensity { get; init; } = IntensityScaling.UnitRange;

    public VariantScheme Variants { get; init; } = VariantScheme.Dihedral;

    /// <summary>The patch options that cut regions this way; <paramref name="seed"/> places the normal scans' regions.</summary>
    public PatchOptions PatchOptions(int seed, int threads = 0) =>
        new() { Size = Size, Radius = Crop, NormalRadius = Crop.Fixed ?? new PatchOptions().NormalRadius, Variants = Variants, Standardise = Intensity == IntensityScaling.BreastZScore, Seed = seed, Threads = threads };

    /// <summary>
    /// The crop rule of a context: <c>lesion</c> (the original's 2r square, lesion size normalised away) or
    /// <c>fixed:N</c> (an N-pixel square of native resolution around the centre, so lesion size stays visible).
    /// </summary>
    /// <exception cref="InvalidSettingException">Neither form, or N outside 8–2048.</exception>
    public static RadiusRule Context(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "lesion")
        {
            return RadiusRule.Lesion;
        }

        return text.StartsWith("fixed:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var side) && side is >= 8 and <= 2048
            ? new RadiusRule(Fixed: side / 2.0)
            : throw new InvalidSettingException("context", $"context '{text}': expected lesion or fixed:N with N pixels between 8 and 2048");
    }

    public PatchExtractor Extractor(int seed, int threads = 0) => new(PatchOptions(seed, threads));

    /// <summary>
    /// The whole scan as the crops see it, for passes that score a scan without cutting it (heat maps): the
    /// standardised scan under <see cref="IntensityScaling.BreastZScore"/>, the scan itself otherwise.
    /// </summary>
    public GrayImage Prepare(GrayImage scan) => Intensity == IntensityScaling.BreastZScore ? BreastStandardisation.Apply(scan) : scan;

    /// <summary>
    /// The intensity scaling of a name: <c>unit</c> (÷255, the original's) or <c>zscore</c> (each scan's z-score
    /// over its breast tissue).
    /// </summary>
    /// <exception cref="InvalidSettingException">Neither name.</exception>
    public static IntensityScaling IntensityOf(string text) => text switch
    {
        "unit" => IntensityScaling.UnitRange,
        "zscore" => IntensityScaling.BreastZScore,
        _ => throw new InvalidSettingException("intensity", $"intensity '{text}': expected unit (pixel/255) or zscore (each scan's z-score over its breast tissue)"),
    };

    /// <summary>The copies averaged at test time: the 8 dihedral ones, or the patch alone.</summary>
    public IReadOnlyList<DihedralTransform> TestTimeTransforms(bool augment) =>
        augment && Variants != VariantScheme.None ? DihedralTransform.All : [DihedralTransform.Identity];

    /// <summary>One patch's pixels as network input values.</summary>
    public void Normalise(ReadOnlySpan<byte> patch, Span<float> input)
    {
        if (patch.Length != input.Length)
        {
            throw new ArgumentException($"{patch.Length} pixels for {input.Length} input values");
        }

        switch (Intensity)
        {
            case IntensityScaling.UnitRange:
                for (var i = 0; i < patch.Length; i++)
                {
                    input[i] = patch[i] / 255f;
                }

                break;
            case IntensityScaling.BreastZScore:
                for (var i = 0; i < patch.Length; i++)
                {
                    input[i] = BreastStandardisation.ToInput(patch[i]);
                }

                break;
            default:
                throw new InvalidOperationException($"unknown intensity scaling {Intensity}");
        }
    }

    /// <summary>Patches of <see cref="Size"/>² pixels as one contiguous batch of network input (N × Size × Size).</summary>
    public float[] Normalise(IReadOnlyList<byte[]> patches, int start = 0, int count = -1)
    {
        ArgumentNullException.ThrowIfNull(patches);
        count = count < 0 ? patches.Count - start : count;
        var area = Size * Size;
        var input = new float[count * area];
        for (var i = 0; i < count; i++)
        {
            var patch = patches[start + i];
            if (patch.Length != area)
            {
                throw new ArgumentException($"patch {start + i} has {patch.Length} pixels, expected {area} ({Size}×{Size})");
            }

            Normalise(patch, input.AsSpan(i * area, area));
        }

        return input;
    }

    /// <summary>The test-time average: the mean of each class's probability over a region's copies.</summary>
    public static double[] Average(IReadOnlyList<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count == 0)
        {
            throw new ArgumentException("no probabilities to average", nameof(probabilities));
        }

        var classes = probabilities[0].Length;
        var mean = new double[classes];
        foreach (var p in probabilities)
        {
            for (var c = 0; c < classes; c++)
            {
                mean[c] += p[c];
            }
        }

        for (var c = 0; c < classes; c++)
        {
            mean[c] /= probabilities.Count;
        }

        return mean;
    }

    /// <summary>One line for logs and reports, e.g. <c>crop lesion → 48×48, unit-range, dihedral variants</c>.</summary>
    public override string ToString() =>
        $"crop {Crop} → {Size}×{Size}, {Intensity switch { IntensityScaling.UnitRange => "pixel/255", IntensityScaling.BreastZScore => "breast z-score", _ => Intensity.ToString() }}, {Variants.ToString().ToLowerInvariant()} variants";
}
