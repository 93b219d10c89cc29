namespace Mammo.Evaluation;

/// <summary>
/// Platt scaling (Platt 1999): p' = σ(A · logit(p) + B), a one-feature logistic regression of the log-odds, fitted
/// without penalty on Platt's smoothed targets (N₊ + 1)/(N₊ + 2) for positives and 1/(N₋ + 2) for negatives, which
/// keep A and B finite even when the fitting part is perfectly separated. Monotone, so a single model's ranking
/// (and its AUC) is unchanged; only what the probabilities claim moves. Fitted by <c>Mammo.Learning.Calibration.PlattFit</c>.
/// </summary>
public sealed record PlattScaling(double A, double B)
{
    // Keeps logit(p) finite for p = 0 or 1.
    private const double Clip = 1e-12;

    public static double Logit(double p)
    {
        var q = Math.Clamp(p, Clip, 1 - Clip);
        return Math.Log(q / (1 - q));
    }

    public double Apply(double probability)
    {
        var z = (A * Logit(probability)) + B;
        return z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
    }
}
