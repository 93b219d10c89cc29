namespace Mammo.Baselines;

/// <summary>
/// Haralick-style texture properties of a normalised grey-level co-occurrence matrix P (entries sum to 1), as
/// scikit-image's <c>graycoprops</c> defines them: contrast Σ P(i,j)(i−j)², homogeneity Σ P(i,j)/(1+(i−j)²),
/// energy √(Σ P(i,j)²), correlation Σ P(i,j)(i−μᵢ)(j−μⱼ)/(σᵢσⱼ) (1 when either σ is 0, as scikit-image).
/// </summary>
public sealed record GlcmProperties(double Contrast, double Homogeneity, double Energy, double Correlation);
