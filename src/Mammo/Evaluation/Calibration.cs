namespace Mammo.Evaluation;

/// <summary>
/// Whether predicted probabilities mean what they say. For labels y ∈ {0, 1} and probabilities p of the positive
/// class: the Brier score (1/n) Σ (pᵢ − yᵢ)², as scikit-learn's <c>brier_score_loss</c>; and the expected
/// calibration error with B equal-width bins over [0, 1] (bin b holds b/B ≤ p &lt; (b+1)/B, the last also p = 1):
/// ECE = Σ_b (n_b / n) · |mean of y in b − mean of p in b|, empty bins contributing nothing (Naeini et al. 2015;
/// Guo et al. 2017).
/// </summary>
public static class Calibration
{
    public const int DefaultBins = 10;

    public static double BrierScore(int[] yTrue, double[] probabilities, int positiveLabel = 1)
    {
        Check(yTrue, probabilities);
        return yTrue.Select((y, i) => Square(probabilities[i] - (y == positiveLabel ? 1 : 0))).Average();
    }

    /// <summary>The reliability diagram's bins, lowest first.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(int[] yTrue, double[] probabilities, int bins = DefaultBins, int positiveLabel = 1)
    {
        Check(yTrue, probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new int[bins];
        var predicted = new double[bins];
        var observed = new double[bins];
        for (var i = 0; i < yTrue.Length; i++)
        {
            var b = Math.Min(bins - 1, (int)Math.Floor(probabilities[i] * bins));
            counts[b]++;
            predicted[b] += probabilities[i];
            observed[b] += yTrue[i] == positiveLabel ? 1 : 0;
        }

        return [.. Enumerable.Range(0, bins).Select(b => new ReliabilityBin(
            (double)b / bins,
            (double)(b + 1) / bins,
            counts[b],
            counts[b] == 0 ? null : predicted[b] / counts[b],
            counts[b] == 0 ? null : observed[b] / counts[b]))];
    }

    public static double ExpectedCalibrationError(int[] yTrue, double[] probabilities, int bins = DefaultBins, int positiveLabel = 1) =>
        Reliability(yTrue, probabilities, bins, positiveLabel)
            .Where(b => b.Count > 0)
            .Sum(b => (double)b.Count / yTrue.Length * Math.Abs(b.ObservedFraction!.Value - b.MeanPredicted!.Value));

    private static void Check(int[] yTrue, double[] probabilities)
    {
        EvaluationInputs.CheckBinary(yTrue, probabilities);
        if (probabilities.Any(p => p is < 0 or > 1))
        {
            throw new ArgumentException("probabilities must lie in [0, 1]", nameof(probabilities));
        }
    }

    private static double Square(double x) => x * x;
}
