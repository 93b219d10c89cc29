namespace Mammo.Learning.Training;

/// <summary>Where training is within an epoch, for a live display.</summary>
public readonly record struct BatchProgress(int Epoch, int Batch, int Batches, double RunningLoss);
