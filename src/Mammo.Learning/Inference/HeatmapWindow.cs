using Mammo.Localisation;

namespace Mammo.Learning.Inference;

/// <summary>One window a heat map may list as a region: where it is (its score unset) and the pixels its scorer sees.</summary>
/// <param name="Region">Centre and radius in the scan's pixels, as the heat map reports it; <see cref="ScoredRegion.Score"/> is 0.</param>
/// <param name="Pixels">The window side × side, cut from the scan resized to the window's scale, after the run's intensity step.</param>
public sealed record HeatmapWindow(ScoredRegion Region, byte[] Pixels);
