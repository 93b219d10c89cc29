using Mammo.Learning.Baselines;

namespace Mammo.Tests.Learning;

public class ConditionalLogitTests
{
    // Three groups of one feature; the marked row is not always the largest, so the optimum is finite.
    private static readonly (IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Marked)[] s_groups =
    [
        ([[3.0], [1.0], [0.0]], [true, false, false]),
        ([[2.0], [2.5], [0.5], [1.0]], [true, false, false, false]),
        ([[0.0], [4.0]], [false, true]),
    ];

    // The objective on standardised values, written out: Σ_g [log Σ e^{w zᵢ} − log Σ_marked e^{w zᵢ}] + w²/2 (C = 1).
    private static double Objective(double w, double mean, double scale) => s_groups.Sum(g =>
    {
        var z = g.Rows.Select(r => w * (r[0] - mean) / scale).ToArray();
        return Math.Log(z.Sum(Math.Exp)) - Math.Log(z.Where((_, i) => g.Marked[i]).Sum(Math.Exp));
    }) + (w * w / 2);

    [Fact]
    public void Its_weight_minimises_the_written_out_objective_and_its_intercept_makes_the_marked_share_match()
    {
        var model = ConditionalLogit.Fit(s_groups);
        var all = s_groups.SelectMany(g => g.Rows).Select(r => r[0]).ToArray();
        var mean = all.Average();
        var scale = Math.Sqrt(all.Sum(v => (v - mean) * (v - mean)) / all.Length);
        Assert.Equal(mean, model.Scaler!.Means[0], 12);
        Assert.Equal(scale, model.Scaler.Scales[0], 12);

        // A golden-section search on the objective above, independent of libtorch.
        var (low, high) = (-10.0, 10.0);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        while (high - low > 1e-10)
        {
            var (a, b) = (high - (ratio * (high - low)), low + (ratio * (high - low)));
            (low, high) = Objective(a, mean, scale) < Objective(b, mean, scale) ? (low, b) : (a, high);
        }

        Assert.Equal((low + high) / 2, model.Weights[0], 6);

        // With the slope held at one, the intercept's likelihood equation: the expected marked count equals the marked count.
        var expected = s_groups.SelectMany(g => g.Rows).Sum(model.Probability);
        Assert.Equal(s_groups.Sum(g => g.Marked.Count(m => m)), expected, 9);
    }

    [Fact]
    public void A_feature_that_marks_the_row_ranks_it_first_in_groups_it_never_saw()
    {
        var random = new Random(3);
        (IReadOnlyList<double[]>, IReadOnlyList<bool>) Group()
        {
            var marked = random.Next(20);
            var rows = Enumerable.Range(0, 20).Select(i => new[] { random.NextDouble() + (i == marked ? 0.8 : 0), random.NextDouble() }).ToArray();
            return (rows, [.. Enumerable.Range(0, 20).Select(i => i == marked)]);
        }

        var model = ConditionalLogit.Fit([.. Enumerable.Range(0, 30).Select(_ => Group())]);
        Assert.True(model.Weights[0] > 4 * Math.Abs(model.Weights[1]), $"weights {model.Weights[0]}, {model.Weights[1]}");
        var unseen = Enumerable.Range(0, 50).Select(_ => Group()).ToList();
        var first = unseen.Count(g => g.Item2[Array.IndexOf([.. g.Item1.Select(model.DecisionValue)], g.Item1.Max(model.DecisionValue))]);
        Assert.True(first >= 40, $"{first} of 50 groups ranked their marked row first");
    }

    [Fact]
    public void Padding_groups_of_different_sizes_in_chunks_gives_the_fit_of_one_padded_tensor()
    {
        var random = new Random(5);
        var groups = Enumerable.Range(0, 12).Select(g =>
        {
            var n = 3 + (g * 7 % 40);
            return ((IReadOnlyList<double[]>)[.. Enumerable.Range(0, n).Select(i => new[] { random.NextDouble() + (i == 0 ? 0.5 : 0), random.NextDouble() })], (IReadOnlyList<bool>)[.. Enumerable.Range(0, n).Select(i => i == 0)]);
        }).ToList();
        var whole = ConditionalLogit.Fit(groups);
        var chunked = ConditionalLogit.Fit(groups, maxPaddedValues: 200);
        Assert.All(whole.Weights.Zip(chunked.Weights), w => Assert.Equal(w.First, w.Second, 9));
        Assert.Equal(whole.Intercept, chunked.Intercept, 9);
    }

    [Fact]
    public void Groups_without_a_marked_row_add_nothing_and_none_at_all_is_refused()
    {
        // Rows at the mean ± one standard deviation leave the standardiser as it was, so only the objective could move.
        var without = ConditionalLogit.Fit(s_groups);
        var (mean, scale) = (without.Scaler!.Means[0], without.Scaler.Scales[0]);
        var with = ConditionalLogit.Fit([.. s_groups, ([[mean - scale], [mean + scale]], [false, false])]);
        Assert.Equal(mean, with.Scaler!.Means[0], 12);
        Assert.Equal(scale, with.Scaler.Scales[0], 12);
        Assert.Equal(without.Weights[0], with.Weights[0], 9);
        Assert.Throws<ArgumentException>(() => ConditionalLogit.Fit([([[1.0], [2.0]], [false, false])]));
        Assert.Throws<ArgumentException>(() => ConditionalLogit.Fit([([[1.0], [2.0]], [true])]));
        Assert.Throws<ArgumentException>(() => ConditionalLogit.Fit([([[1.0], [double.NaN]], [true, false])]));
    }
}
