using Mammo.Learning.Inference;

namespace Mammo.Tests.Learning;

public class LogOddsMeanScorerTests
{
    // Gives every window the same probability: enough to check how two maps are combined.
    private sealed class Constant(float probability, int window = 48, int stride = 4) : IDenseScorer
    {
        public bool Disposed { get; private set; }

        public int Window => window;

        public int Stride => stride;

        public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass) =>
            [.. Enumerable.Repeat(probability, DenseScoring.Windows(height, window, stride) * DenseScoring.Windows(width, window, stride))];

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void Each_window_is_the_sigmoid_of_the_mean_log_odds()
    {
        var (first, second) = (new Constant(0.9f), new Constant(0.5f));
        using var combined = new LogOddsMeanScorer(first, second);

        var map = combined.Score(new byte[56 * 52], 56, 52, 1);

        // logit 0.9 = ln 9, logit 0.5 = 0: σ(ln 9 / 2) = 3 / 4. Windows: 3 rows × 2 columns.
        Assert.Equal(6, map.Length);
        Assert.All(map, p => Assert.Equal(0.75, p, 6));
        Assert.Equal(0.5, new LogOddsMeanScorer(new Constant(0.8f), new Constant(0.2f)).Score(new byte[48 * 48], 48, 48, 1)[0], 6);
    }

    [Fact]
    public void Scorers_of_other_windows_are_refused_and_both_are_disposed_with_it()
    {
        Assert.Throws<ArgumentException>(() => new LogOddsMeanScorer(new Constant(0.5f), new Constant(0.5f, stride: 8)));
        var (first, second) = (new Constant(0.5f), new Constant(0.5f));
        new LogOddsMeanScorer(first, second).Dispose();
        Assert.True(first.Disposed && second.Disposed);
    }
}
