namespace Mammo.Sampling;

/// <summary>
/// Abnormality classes that a benign-vs-malignant task looks at together. <see cref="Mass"/> joins the three
/// mass shapes (CIRC, SPIC, MISC) because each alone has too few malignant lesions in MIAS to learn from.
/// </summary>
public enum AbnormalityGroup
{
    /// <summary>CALC.</summary>
    Calcification,

    /// <summary>CIRC, SPIC and MISC.</summary>
    Mass,

    /// <summary>ARCH.</summary>
    ArchitecturalDistortion,

    /// <summary>ASYM.</summary>
    Asymmetry,

    /// <summary>Every abnormal class.</summary>
    All,
}
