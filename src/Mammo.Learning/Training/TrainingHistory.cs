using Mammo.Runs;

namespace Mammo.Learning.Training;

/// <summary>Every finished epoch, the best one (lowest validation loss), and why training ended.</summary>
public sealed record TrainingHistory(IReadOnlyList<EpochRecord> Epochs, int BestEpoch, TrainingStop Stop)
{
    public EpochRecord? Best => Epochs.FirstOrDefault(e => e.Epoch == BestEpoch);
}
