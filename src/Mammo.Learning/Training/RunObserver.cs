using Mammo.Runs;

namespace Mammo.Learning.Training;

/// <summary>What a <see cref="TrainingRun"/> tells its caller as it goes (the console draws it; tests ignore it).</summary>
public sealed record RunObserver
{
    public Action<string>? OnMessage { get; init; }

    /// <summary>A model starts training: its name ("model", "fold 2/5") and the epoch budget.</summary>
    public Action<string, int>? OnUnitStart { get; init; }

    public Action<BatchProgress>? OnBatch { get; init; }

    public Action<EpochRecord, bool>? OnEpoch { get; init; }
}
