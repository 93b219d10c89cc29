using Mammo.Baselines;

namespace Mammo.Tests.Baselines;

public sealed class BaselineReportTextTests
{
    [Fact]
    public void Each_baseline_is_one_aligned_line_with_both_intervals()
    {
        var text = BaselineReportText.Format(
        [
            new BaselineSummary("prevalence", 119, 0.4893, 0.388, 0.584, [0.5, 0.5], 0.5, 0.5, 0.5),
            new BaselineSummary("metadata", 119, 0.7194, 0.625, 0.814, [0.7, 0.76], 0.7319, 0.636, 0.828),
            new BaselineSummary("radius", 5, null, null, null, [], null, null, null),
        ]);

        var lines = text.Split('\n');
        Assert.StartsWith("baselines on the same test parts", lines[0], StringComparison.Ordinal);
        Assert.Equal("model           n  pooled AUC            fold mean", lines[2]);
        Assert.Equal("prevalence    119  0.489 (0.388–0.584)   0.500 (0.500–0.500)", lines[3]);
        Assert.Equal("metadata      119  0.719 (0.625–0.814)   0.732 (0.636–0.828)", lines[4]);
        Assert.Equal("radius          5  n/a                   n/a", lines[5]);
    }
}
