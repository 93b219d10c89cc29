namespace Mammo.Learning.Inference;

/// <summary>One training scan as a ranking detector is fitted on it: the features of every window its heat map may list, and which of them hold a lesion's centre.</summary>
public sealed record RankingScan(string ScanId, IReadOnlyList<double[]> Features, IReadOnlyList<bool> HoldsLesion);
