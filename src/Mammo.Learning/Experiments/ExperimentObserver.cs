using Mammo.Learning.Training;
using Mammo.Runs;

namespace Mammo.Learning.Experiments;

/// <summary>Hooks for a live display: a cell starting (its index, the count, whether it is skipped), a cell's training, a cell ending.</summary>
public sealed record ExperimentObserver
{
    public Action<ExperimentCell, int, int>? OnCellStart { get; init; }

    public Action<ExperimentCellResult>? OnCellEnd { get; init; }

    /// <summary>Passed to each cell's training run.</summary>
    public RunObserver? Run { get; init; }
}
