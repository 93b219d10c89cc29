namespace Mammo.Reporting.Figures;

/// <summary>The training and validation loss and accuracy logged after one epoch.</summary>
public sealed record EpochPoint(int Epoch, double Loss, double Accuracy, double ValidationLoss, double ValidationAccuracy);
