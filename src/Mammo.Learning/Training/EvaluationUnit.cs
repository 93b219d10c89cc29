using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>One model's share of a split: what it fits on, what chooses its epoch, what it is tested on once.</summary>
/// <param name="Fold">The cross-validation fold (from 0); null for the patient protocol's single model.</param>
public sealed record EvaluationUnit(int? Fold, IReadOnlyList<Sample> Train, IReadOnlyList<Sample> Validation, IReadOnlyList<Sample> Test);
