using Mammo.Runs;

namespace Mammo.Learning.Training;

/// <summary>
/// What the caller wants to hear while a <see cref="Trainer"/> runs. <see cref="OnEpochEnd"/> is where a
/// run folder saves checkpoints (the trainer itself writes no files).
/// </summary>
public sealed record TrainingCallbacks
{
    public Action<BatchProgress>? OnBatch { get; init; }

    /// <summary>After each epoch: the record, and whether its validation loss is the best so far.</summary>
    public Action<EpochRecord, bool>? OnEpochEnd { get; init; }
}
