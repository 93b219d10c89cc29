namespace Mammo.Runs;

/// <summary>One epoch of training: losses and accuracies on the training and validation patches.</summary>
public sealed record EpochRecord(int Epoch, double Loss, double Accuracy, double ValidationLoss, double ValidationAccuracy, double Seconds);
