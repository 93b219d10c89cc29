using Mammo.Baselines;

namespace Mammo.Learning.Baselines;

/// <summary>The baselines of one split: every held-out sample's scores (baselines.csv) and each baseline's AUCs.</summary>
public sealed record BaselineReport(BaselineScores Scores, IReadOnlyList<BaselineSummary> Summaries)
{
    /// <summary>The summaries by name, in <see cref="BaselineKind"/> order: the <c>baselines</c> object of metrics.json.</summary>
    public IReadOnlyDictionary<string, BaselineSummary> ByName() => Summaries.ToDictionary(s => s.Name, StringComparer.Ordinal);
}
