namespace Mammo.Imaging;

/// <summary>
/// How patches are cut. The defaults are the original study's: 48×48 pixels, normal scans cut with
/// radius 48 at a centre drawn uniformly from 500..512 (both ends included) in x and y.
/// </summary>
public sealed record PatchOptions
{
    public int Size { get; init; } = 48;

    public VariantScheme Variants { get; init; } = VariantScheme.Dihedral;

    public RadiusRule Radius { get; init; } = RadiusRule.Lesion;

    public double NormalRadius { get; init; } = 48;

    public int NormalCentreMin { get; init; } = 500;

    public int NormalCentreMax { get; init; } = 512;

    public int Seed { get; init; }

    /// <summary>Cut from the scan standardised over its breast tissue (<see cref="BreastStandardisation"/>) instead of its grey levels.</summary>
    public bool Standardise { get; init; }

    /// <summary>Threads used to decode and cut; 0 means one per core.</summary>
    public int Threads { get; init; }
}
