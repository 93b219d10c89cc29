namespace Mammo.Reporting.Figures;

/// <summary>
/// One group of <see cref="ProtocolComparisonFigure"/>: the same task scored under the original's leaky protocol
/// (leaky: a patient's images may land on both sides of the split) and under patient-level cross-validation
/// (honest), so the gap between the two is what the figure shows.
/// </summary>
/// <param name="Group">The task, e.g. "calc · class".</param>
/// <param name="LeakyAuc">Null where the leaky protocol gave no AUC: no bar is drawn.</param>
/// <param name="LeakyLower">Lower end of the leaky protocol's 95% AUC CI; the error bar needs both ends.</param>
/// <param name="HonestAuc">Null where patient-level cross-validation gave no AUC: no bar is drawn.</param>
public sealed record ProtocolPair(
    string Group,
    double? LeakyAuc,
    double? LeakyLower,
    double? LeakyUpper,
    double LeakyAccuracy,
    double? HonestAuc,
    double? HonestLower,
    double? HonestUpper,
    double HonestAccuracy);
