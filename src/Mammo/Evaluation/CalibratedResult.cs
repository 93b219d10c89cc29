
namespace Mammo.Evaluation;

/// <summary>
/// The test part after Platt scaling: each unit's (A, B), fitted on its validation part, and the calibrated
/// probabilities' pooled AUC, calibration and validation-chosen threshold.
/// </summary>
/// <param name="Platt">Per unit (the model, or each fold in fold order); null where the validation part held one class and the unit was left as it was.</param>
public sealed record CalibratedResult(
    IReadOnlyList<PlattScaling?> Platt,
    double? Auc,
    double? AucLower,
    double? AucUpper,
    CalibrationSummary Calibration,
    ValidationThreshold? ValidationThreshold);
