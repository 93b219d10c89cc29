using Mammo.Runs;

namespace Mammo.Learning.Training;

/// <summary>
/// Keras' EarlyStopping on validation loss with restore-best: tracks the best epoch and says when
/// <see cref="Patience"/> epochs have passed without a strictly lower loss. Epochs before <see cref="MinimumEpoch"/>
/// are never kept and never start the patience count, so a handful of validation samples cannot select the
/// nearly untrained network of the first epochs.
/// </summary>
public sealed class EarlyStopping(int patience, int minimumEpoch = 1)
{
    public int Patience { get; } = patience >= 1 ? patience : throw new ArgumentOutOfRangeException(nameof(patience), "patience must be at least 1");

    public int MinimumEpoch { get; } = minimumEpoch >= 1 ? minimumEpoch : throw new ArgumentOutOfRangeException(nameof(minimumEpoch), "the minimum epoch must be at least 1");

    public int BestEpoch { get; private set; }

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>Records an epoch's validation loss; true when it is the best so far.</summary>
    public bool Observe(int epoch, double validationLoss)
    {
        if (epoch >= MinimumEpoch && validationLoss < BestLoss)
        {
            BestLoss = validationLoss;
            BestEpoch = epoch;
            return true;
        }

        return false;
    }

    public bool ShouldStop(int epoch) => BestEpoch > 0 && epoch - BestEpoch >= Patience;

    /// <summary>Rebuilds the state from a history (resume).</summary>
    public void Replay(IEnumerable<EpochRecord> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        foreach (var record in history)
        {
            Observe(record.Epoch, record.ValidationLoss);
        }
    }
}
