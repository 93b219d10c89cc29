using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>One line of the split manifest: where one sample went (and, in cross-validation, in which fold).</summary>
public sealed record SplitRow(string SampleId, Patient Patient, int Label, DataSplit Split, int? Fold = null);
