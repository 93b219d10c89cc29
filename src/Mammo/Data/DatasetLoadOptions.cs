using Mammo.Imaging;

namespace Mammo.Data;

/// <summary>How to read a dataset.</summary>
/// <param name="Strict">Any issue is fatal instead of leaving its record out.</param>
/// <param name="ImageSize">The side every MIAS scan must have (1024); null accepts any size. Other formats accept any size.</param>
/// <param name="Limits">What an image header may claim; null for <see cref="ImageLimits.Default"/>.</param>
/// <param name="Format">The layout to read; null to recognise it (<see cref="DatasetLoader.Detect"/>).</param>
public sealed record DatasetLoadOptions(bool Strict = false, int? ImageSize = MiasDataset.ImageSize, ImageLimits? Limits = null, DatasetFormat? Format = null);
