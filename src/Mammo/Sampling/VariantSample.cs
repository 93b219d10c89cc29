namespace Mammo.Sampling;

/// <summary>One augmented copy of a sample: <paramref name="Variant"/> indexes the extractor's variant list.</summary>
public sealed record VariantSample(Sample Sample, int Variant);
