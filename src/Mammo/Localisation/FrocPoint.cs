namespace Mammo.Localisation;

/// <summary>A FROC operating point: keep regions scoring at least <see cref="Threshold"/>.</summary>
public sealed record FrocPoint(double Threshold, double FalsePositivesPerImage, double Sensitivity);
