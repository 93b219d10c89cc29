namespace Mammo.Baselines;

/// <summary>
/// Centres and scales each feature as scikit-learn's <c>StandardScaler</c>: the mean and the population standard
/// deviation (n denominator) of the fitting rows; a feature that does not vary there keeps scale 1, so it
/// becomes 0 rather than a division by zero.
/// </summary>
public sealed record Standardiser(IReadOnlyList<double> Means, IReadOnlyList<double> Scales)
{
    /// <exception cref="ArgumentException">No rows, rows of different lengths, or a value that is not finite.</exception>
    public static Standardiser Fit(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("standardising needs at least one row", nameof(rows));
        }

        var width = rows[0].Length;
        var means = new double[width];
        var scales = new double[width];
        foreach (var row in rows)
        {
            if (row.Length != width || row.Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"every row needs {width} finite values", nameof(rows));
            }

            for (var j = 0; j < width; j++)
            {
                means[j] += row[j];
            }
        }

        for (var j = 0; j < width; j++)
        {
            means[j] /= rows.Count;
        }

        for (var j = 0; j < width; j++)
        {
            var squares = rows.Sum(r => (r[j] - means[j]) * (r[j] - means[j]));
            var deviation = Math.Sqrt(squares / rows.Count);
            // A constant column (up to rounding of its mean) keeps scale 1, as scikit-learn's constant-feature rule.
            var constant = rows.All(r => r[j] == rows[0][j]) || deviation <= 1e-12 * Math.Max(1, Math.Abs(means[j]));
            scales[j] = constant ? 1.0 : deviation;
        }

        return new Standardiser(means, scales);
    }

    public double[] Apply(double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Length != Means.Count)
        {
            throw new ArgumentException($"expected {Means.Count} features, got {row.Length}", nameof(row));
        }

        return [.. row.Select((v, j) => (v - Means[j]) / Scales[j])];
    }
}
