using Mammo.Sampling;

namespace Mammo.Runs;

/// <summary>One cell of an experiment grid: a task trained with one balancing under one protocol.</summary>
public sealed record ExperimentCell(string Task, Balancing Balancing, EvaluationProtocol Protocol)
{
    /// <summary>The cell's run folder name, e.g. <c>calc-cv-class</c>.</summary>
    public string Name => $"{Task}-{Protocol.ToString().ToLowerInvariant()}-{Balancing.ToString().ToLowerInvariant()}";
}
