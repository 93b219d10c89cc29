namespace Mammo.Preprocessing;

/// <summary>How pixel values become network input values.</summary>
public enum IntensityScaling
{
    /// <summary>8-bit value ÷ 255, so input lies in [0, 1] (the original study's).</summary>
    UnitRange,

    /// <summary>
    /// The scan's z-score over its breast tissue (<see cref="Imaging.BreastStandardisation"/>): patches are cut from the
    /// standardised scan, and each stored level becomes (level − 128) / 32.
    /// </summary>
    BreastZScore,
}
