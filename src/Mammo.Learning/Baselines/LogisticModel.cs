using Mammo.Baselines;

namespace Mammo.Learning.Baselines;

/// <summary>A fitted binary logistic regression: p = σ(w · standardised(x) + b).</summary>
/// <param name="Scaler">Applied to every input first; null when the model was fitted on raw inputs.</param>
public sealed record LogisticModel(Standardiser? Scaler, IReadOnlyList<double> Weights, double Intercept)
{
    /// <summary>w · x + b, the log-odds of the positive class.</summary>
    public double DecisionValue(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var x = Scaler is null ? features : Scaler.Apply(features);
        if (x.Length != Weights.Count)
        {
            throw new ArgumentException($"expected {Weights.Count} features, got {x.Length}", nameof(features));
        }

        var z = Intercept;
        for (var j = 0; j < x.Length; j++)
        {
            z += Weights[j] * x[j];
        }

        return z;
    }

    /// <summary>The probability of the positive class.</summary>
    public double Probability(double[] features)
    {
        var z = DecisionValue(features);
        return z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
    }
}
