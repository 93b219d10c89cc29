using Mammo.Baselines;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Learning.Baselines;

/// <summary>
/// A linear scorer fitted to say which row of each group is the one marked (McFadden's conditional logit, the
/// softmax of learning to rank): it minimises Σ_g [log Σ_{i∈g} e^{w·xᵢ} − log Σ_{i∈g, marked} e^{w·xᵢ}] + ½‖w‖²/C,
/// the negative log-probability that a group's best-scored row is one of its marked rows, by libtorch's L-BFGS in
/// float64 (deterministic). A heat map asks exactly this of a scan's windows: which of them holds the lesion. The
/// objective does not see a constant added to every score, so the intercept is set afterwards with the slope held at
/// one, by maximum likelihood of "marked" over every row: the score then reads as log-odds.
/// </summary>
public static class ConditionalLogit
{
    /// <param name="groups">Each group's rows (one per window) and which rows are marked; groups with no marked row add nothing.</param>
    /// <param name="c">The inverse regularisation strength, as scikit-learn's C.</param>
    /// <param name="maxPaddedValues">The bound on one padded tensor (<see cref="MaxPaddedValues"/>); the fit is the same whatever it is, to rounding.</param>
    /// <exception cref="ArgumentException">No group with a marked row, rows of different lengths or not finite, marks not one per row.</exception>
    public static LogisticModel Fit(IReadOnlyList<(IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Marked)> groups, double c = 1.0, long maxPaddedValues = MaxPaddedValues)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (!(c > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "C must be positive");
        }

        if (groups.Any(g => g.Rows is null || g.Marked is null || g.Rows.Count != g.Marked.Count))
        {
            throw new ArgumentException("every group needs one mark per row", nameof(groups));
        }

        var all = groups.SelectMany(g => g.Rows).ToList();
        var used = groups.Where(g => g.Marked.Contains(true)).ToList();
        if (used.Count == 0)
        {
            throw new ArgumentException("no group has a marked row", nameof(groups));
        }

        var d = all[0].Length;
        if (all.Any(r => r.Length != d || r.Any(v => !double.IsFinite(v))))
        {
            throw new ArgumentException($"every row needs {d} finite values", nameof(groups));
        }

        var scaler = Standardiser.Fit(all);
        for (var lr = 1.0; lr > 1e-3; lr /= 4)
        {
            if (TryFit(used, scaler, d, c, lr, maxPaddedValues) is { } weights)
            {
                var model = new LogisticModel(scaler, weights, 0);
                var scores = groups.SelectMany(g => g.Rows.Select(model.DecisionValue)).ToArray();
                return model with { Intercept = Intercept(scores, [.. groups.SelectMany(g => g.Marked)]) };
            }
        }

        throw new InvalidOperationException($"conditional logit did not converge on {used.Count} groups × {d} features");
    }

    // The b maximising Σ log σ(±(sᵢ + b)) with the slope fixed at one: Newton's method on a concave function of one variable.
    private static double Intercept(double[] scores, bool[] marked)
    {
        var b = 0.0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var (gradient, curvature) = (0.0, 0.0);
            for (var i = 0; i < scores.Length; i++)
            {
                var z = scores[i] + b;
                var p = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
                gradient += (marked[i] ? 1 : 0) - p;
                curvature += p * (1 - p);
            }

            var step = curvature > 0 ? gradient / curvature : 0;
            b += Math.Clamp(step, -5, 5);
            if (Math.Abs(step) < 1e-12)
            {
                break;
            }
        }

        return b;
    }

    /// <summary>
    /// The most values (groups × longest group × features) one padded tensor holds, about 256 MB: groups of very
    /// different sizes are padded in chunks of similar size instead, so the padding stays bounded.
    /// </summary>
    public const long MaxPaddedValues = 32L << 20;

    private static double[]? TryFit(List<(IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Marked)> groups, Standardiser scaler, int d, double c, double lr, long maxPaddedValues)
    {
        using var scope = NewDisposeScope();
        using var gradients = enable_grad();
        var chunks = Chunks(groups, d, maxPaddedValues).Select(chunk => Padded(chunk, scaler, d)).ToList();
        var weights = new TorchSharp.Modules.Parameter(zeros(d, ScalarType.Float64), requires_grad: true);
        var optimizer = NativeWarnings.Silenced(() => optim.LBFGS([weights], lr: lr, max_iter: 200, tolerange_grad: 1e-10, tolerance_change: 1e-14, history_size: 20));

        // Each evaluation's intermediates are freed with it: the optimiser calls this hundreds of times.
        Tensor Objective()
        {
            using var evaluation = NewDisposeScope();
            var loss = weights.pow(2).sum() * (0.5 / c);
            foreach (var (inputs, ownMask, markedMask) in chunks)
            {
                var scores = inputs.matmul(weights);
                loss += ((scores + ownMask).logsumexp(1) - (scores + markedMask).logsumexp(1)).sum();
            }

            return loss.MoveToOuterDisposeScope();
        }

        var tolerance = 1e-7 * Math.Max(1, groups.Count);
        for (var round = 0; round < 50; round++)
        {
            optimizer.step(() =>
            {
                optimizer.zero_grad();
                using var step = NewDisposeScope();
                var loss = Objective();
                loss.backward();
                return loss.MoveToOuterDisposeScope();
            });
            optimizer.zero_grad();
            using var check = NewDisposeScope();
            var value = Objective();
            value.backward();
            var gradient = weights.grad!.abs().max().item<double>();
            if (!double.IsFinite(value.item<double>()) || !double.IsFinite(gradient))
            {
                return null;
            }

            if (gradient <= tolerance)
            {
                return weights.data<double>().ToArray();
            }
        }

        return null;
    }

    // All groups in one chunk, in their order, when padding them to the longest fits the bound; otherwise longest
    // first, each chunk as many groups as fit beside its longest.
    private static List<List<(IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Marked)>> Chunks(List<(IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Marked)> groups, int d, long maxPaddedValues)
    {
        if ((long)groups.Count * groups.Max(g => g.Rows.Count) * d <= maxPaddedValues)
        {
            return [groups];
        }

        var chunks = new List<List<(IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Marked)>>();
        foreach (var group in groups.OrderByDescending(g => g.Rows.Count))
        {
            if (chunks.Count == 0 || (long)(chunks[^1].Count + 1) * chunks[^1][0].Rows.Count * d > maxPaddedValues)
            {
                chunks.Add([]);
            }

            chunks[^1].Add(group);
        }

        return chunks;
    }

    // Groups padded to the longest: groups × rows × features, and two masks of 0 and −∞ that leave, for the first
    // log Σ, a group's own rows, and for the second its marked rows. Two reductions then score every group at once.
    private static (Tensor Inputs, Tensor Own, Tensor Marked) Padded(List<(IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Marked)> groups, Standardiser scaler, int d)
    {
        var (count, longest) = (groups.Count, groups.Max(g => g.Rows.Count));
        var values = new double[(long)count * longest * d];
        var own = new double[(long)count * longest];
        var marked = new double[(long)count * longest];
        Array.Fill(own, double.NegativeInfinity);
        Array.Fill(marked, double.NegativeInfinity);
        for (var g = 0; g < count; g++)
        {
            for (var i = 0; i < groups[g].Rows.Count; i++)
            {
                var at = ((long)g * longest) + i;
                scaler.Apply(groups[g].Rows[i]).CopyTo(values.AsSpan((int)(at * d), d));
                own[at] = 0;
                marked[at] = groups[g].Marked[i] ? 0 : double.NegativeInfinity;
            }
        }

        return (tensor(values, [count, longest, d], ScalarType.Float64), tensor(own, [count, longest], ScalarType.Float64), tensor(marked, [count, longest], ScalarType.Float64));
    }
}
