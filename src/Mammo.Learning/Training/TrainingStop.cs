namespace Mammo.Learning.Training;

/// <summary>Why training ended.</summary>
public enum TrainingStop
{
    /// <summary>The last allowed epoch finished.</summary>
    MaxEpochs,

    /// <summary>Validation loss did not improve for the patience.</summary>
    EarlyStopping,

    /// <summary>Cancelled (Ctrl+C) after a batch; the epoch in progress is discarded.</summary>
    Interrupted,
}
