using Mammo.Baselines;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Learning.Baselines;

/// <summary>
/// L2-regularised binary logistic regression minimising exactly scikit-learn's objective,
/// Σᵢ log-loss(yᵢ, σ(w·xᵢ + b)) + ½‖w‖²/C with the intercept b not penalised, by libtorch's L-BFGS in float64
/// (deterministic: no random start, no sampling). Inputs are standardised on the fitting rows first (as a
/// <c>StandardScaler</c> → <c>LogisticRegression</c> pipeline) unless asked otherwise.
/// </summary>
public static class LogisticRegression
{
    /// <param name="targets">1 for the positive class and 0 for the negative, or soft targets in [0, 1] (Platt scaling).</param>
    /// <param name="c">The inverse regularisation strength, as scikit-learn's C; +∞ for none.</param>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, targets outside [0, 1].</exception>
    public static LogisticModel Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> targets, double c = 1.0, bool standardise = true)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        if (rows.Count == 0 || rows.Count != targets.Count)
        {
            throw new ArgumentException($"{rows.Count} rows and {targets.Count} targets: need as many of each, at least one", nameof(targets));
        }

        if (targets.Any(t => !(t >= 0 && t <= 1)))
        {
            throw new ArgumentException("targets must lie in [0, 1]", nameof(targets));
        }

        if (!(c > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "C must be positive");
        }

        var scaler = standardise ? Standardiser.Fit(rows) : null;
        var x = scaler is null ? rows : [.. rows.Select(scaler.Apply)];
        var d = x[0].Length;
        if (x.Any(r => r.Length != d || r.Any(v => !double.IsFinite(v))))
        {
            throw new ArgumentException($"every row needs {d} finite values", nameof(rows));
        }

        // libtorch's L-BFGS has no line search here; a step that overshoots shows as a non-finite or unconverged
        // result, and the fit is retried with a shorter step.
        for (var lr = 1.0; lr > 1e-3; lr /= 4)
        {
            if (TryFit(x, targets, c, lr) is { } fit)
            {
                return new LogisticModel(scaler, fit.Weights, fit.Intercept);
            }
        }

        throw new InvalidOperationException($"logistic regression did not converge on {x.Count} rows × {d} features");
    }

    /// <summary>0/1 labels: <paramref name="positive"/>(i) says whether row i is positive.</summary>
    public static LogisticModel Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> positive, double c = 1.0, bool standardise = true)
    {
        ArgumentNullException.ThrowIfNull(positive);
        return Fit(rows, [.. positive.Select(p => p ? 1.0 : 0.0)], c, standardise);
    }

    private static (double[] Weights, double Intercept)? TryFit(IReadOnlyList<double[]> x, IReadOnlyList<double> targets, double c, double lr)
    {
        var n = x.Count;
        var d = x[0].Length;
        using var scope = NewDisposeScope();
        using var gradients = enable_grad();
        var inputs = tensor(x.SelectMany(r => r).ToArray(), [n, d], ScalarType.Float64);
        var labels = tensor(targets.ToArray(), ScalarType.Float64);
        var weights = new TorchSharp.Modules.Parameter(zeros(d, ScalarType.Float64), requires_grad: true);
        var intercept = new TorchSharp.Modules.Parameter(zeros(1, ScalarType.Float64), requires_grad: true);
        var optimizer = NativeWarnings.Silenced(() => optim.LBFGS([weights, intercept], lr: lr, max_iter: 200, tolerange_grad: 1e-10, tolerance_change: 1e-14, history_size: 20));
        Tensor Objective()
        {
            var z = inputs.matmul(weights) + intercept;
            var loss = nn.functional.binary_cross_entropy_with_logits(z, labels, reduction: nn.Reduction.Sum);
            return double.IsPositiveInfinity(c) ? loss : loss + (weights.pow(2).sum() * (0.5 / c));
        }

        var tolerance = 1e-7 * Math.Max(1, n);
        for (var round = 0; round < 50; round++)
        {
            optimizer.step(() =>
            {
                optimizer.zero_grad();
                var loss = Objective();
                loss.backward();
                return loss;
            });
            optimizer.zero_grad();
            var value = Objective();
            value.backward();
            var gradient = Math.Max(weights.grad!.abs().max().item<double>(), intercept.grad!.abs().item<double>());
            if (!double.IsFinite(value.item<double>()) || !double.IsFinite(gradient))
            {
                return null;
            }

            if (gradient <= tolerance)
            {
                return (weights.data<double>().ToArray(), intercept.data<double>()[0]);
            }
        }

        return null;
    }
}
