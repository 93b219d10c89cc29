namespace Mammo.Preprocessing;

/// <summary>How pixel values become network input values.</summary>
public enum IntensityScaling
{
    /// <summary>8-bit value ÷ 255, so input lies in [0, 1] (the original study's).</summary>
    UnitRange,
}
