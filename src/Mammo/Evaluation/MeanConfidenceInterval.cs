namespace Mammo.Evaluation;

/// <summary>
/// The mean of a few values (such as one AUC per cross-validation fold) with a Student's t confidence interval:
/// mean ± t(1 − (1 − level) / 2, n − 1) · s / √n, where s is the sample standard deviation (n − 1 denominator).
/// </summary>
public sealed record MeanConfidenceInterval(
    double Mean, double StandardDeviation, double Lower, double Upper, int Count, double Level)
{
    public const double DefaultLevel = 0.95;

    /// <summary>s / √n.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(Count);

    /// <summary>Distance from the mean to either end of the interval.</summary>
    public double HalfWidth => Upper - Mean;

    /// <exception cref="ArgumentException">Fewer than two values (no spread to estimate), or a value that is not finite.</exception>
    public static MeanConfidenceInterval Compute(IReadOnlyList<double> values, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            throw new ArgumentException(
                $"A confidence interval of a mean needs at least two values; got {values.Count}.", nameof(values));
        }

        if (!(level > 0.0 && level < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be strictly between 0 and 1.");
        }

        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Values must be finite; got {value}.", nameof(values));
            }
        }

        var n = values.Count;
        var mean = values.Average();
        var squares = values.Sum(v => (v - mean) * (v - mean));
        var standardDeviation = Math.Sqrt(squares / (n - 1));
        var t = StudentT.Quantile(1.0 - ((1.0 - level) / 2.0), n - 1);
        var halfWidth = t * standardDeviation / Math.Sqrt(n);
        return new MeanConfidenceInterval(mean, standardDeviation, mean - halfWidth, mean + halfWidth, n, level);
    }
}
