namespace Mammo.Evaluation;

/// <summary>
/// Percentile bootstrap confidence intervals: the statistic is recomputed on resamples of the sample indices
/// drawn with replacement, and the interval is the central <c>level</c> share of those values. Draws come from
/// <c>new System.Random(seed)</c>, whose seeded sequence .NET keeps stable, so a seed always gives the same interval.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 2000;

    public const double DefaultLevel = 0.95;

    /// <summary>A bootstrap interval for any statistic of <paramref name="sampleCount"/> samples.</summary>
    /// <param name="statistic">
    /// Computes the statistic from sample indices (with repeats; the array is the callee's to keep). Returns NaN when
    /// the statistic is undefined on that resample, which is then skipped and counted.
    /// </param>
    /// <exception cref="ArgumentException">The statistic is undefined on the original sample.</exception>
    /// <exception cref="InvalidOperationException">The statistic was undefined on every resample.</exception>
    public static BootstrapInterval Interval(
        int sampleCount,
        Func<int[], double> statistic,
        int resamples = DefaultResamples,
        int seed = 0,
        double level = DefaultLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleCount, 1);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level > 0.0 && level < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be strictly between 0 and 1.");
        }

        var estimate = statistic([.. Enumerable.Range(0, sampleCount)]);
        if (double.IsNaN(estimate))
        {
            throw new ArgumentException("The statistic is undefined on the original sample.", nameof(statistic));
        }

        var random = new Random(seed);
        var values = new List<double>(resamples);
        var skipped = 0;
        for (var r = 0; r < resamples; r++)
        {
            var indices = new int[sampleCount];
            for (var i = 0; i < sampleCount; i++)
            {
                indices[i] = random.Next(sampleCount);
            }

            var value = statistic(indices);
            if (double.IsNaN(value))
            {
                skipped++;
            }
            else
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            throw new InvalidOperationException($"The statistic was undefined on all {resamples} resamples.");
        }

        values.Sort();
        var tail = (1.0 - level) / 2.0;
        return new BootstrapInterval(
            estimate, Percentile(values, tail), Percentile(values, 1.0 - tail), resamples, skipped);
    }

    /// <summary>
    /// A bootstrap interval for the ROC AUC (<see cref="RocCurve.ComputeAuc"/>). Resamples that draw only one
    /// class have no AUC; they are skipped and counted, as is usual.
    /// </summary>
    public static BootstrapInterval Auc(
        int[] yTrue,
        double[] scores,
        int resamples = DefaultResamples,
        int seed = 0,
        double level = DefaultLevel,
        int positiveLabel = 1)
    {
        EvaluationInputs.CheckBinary(yTrue, scores);
        return Interval(
            yTrue.Length,
            indices =>
            {
                var labels = new int[indices.Length];
                var drawn = new double[indices.Length];
                var positives = 0;
                for (var i = 0; i < indices.Length; i++)
                {
                    labels[i] = yTrue[indices[i]];
                    drawn[i] = scores[indices[i]];
                    positives += labels[i] == positiveLabel ? 1 : 0;
                }

                return positives == 0 || positives == indices.Length
                    ? double.NaN
                    : RocCurve.ComputeAuc(labels, drawn, positiveLabel);
            },
            resamples,
            seed,
            level);
    }

    // Linear interpolation between order statistics: numpy.percentile's default ("linear") method.
    private static double Percentile(List<double> sorted, double fraction)
    {
        var position = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        var weight = position - below;
        return sorted[below] + (weight * (sorted[above] - sorted[below]));
    }
}
