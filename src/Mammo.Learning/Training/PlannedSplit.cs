using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>A run's task, its samples, and how they are divided among its models.</summary>
public sealed record PlannedSplit(ClassificationTask Task, IReadOnlyList<Sample> Samples, IReadOnlyList<EvaluationUnit> Units);
