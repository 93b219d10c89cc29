namespace Mammo.Baselines;

/// <summary>One test sample's baseline scores, in the order of <see cref="BaselineScores.Kinds"/>.</summary>
/// <param name="Fold">The cross-validation fold that held the sample out; null under the patient protocol.</param>
/// <param name="Label">The task's class index, as in split.csv.</param>
public sealed record BaselineRow(string SampleId, int? Fold, int Label, IReadOnlyList<double> Scores);
