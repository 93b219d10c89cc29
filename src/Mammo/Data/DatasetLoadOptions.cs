namespace Mammo.Data;

/// <summary>How to read a MIAS dataset.</summary>
/// <param name="Strict">Any issue is fatal instead of leaving its record out.</param>
/// <param name="ImageSize">The side every scan must have (MIAS: 1024); null accepts any size.</param>
public sealed record DatasetLoadOptions(bool Strict = false, int? ImageSize = MiasDataset.ImageSize);
