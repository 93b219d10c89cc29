namespace Mammo.Baselines;

/// <summary>Every held-out sample's score under each baseline: the content of a run's <c>baselines.csv</c>.</summary>
public sealed record BaselineScores(IReadOnlyList<BaselineKind> Kinds, IReadOnlyList<BaselineRow> Rows)
{
    /// <summary>The scores of one baseline, row by row.</summary>
    public double[] ScoresOf(BaselineKind kind)
    {
        var index = Kinds.ToList().IndexOf(kind);
        return index < 0
            ? throw new ArgumentException($"no '{kind.Code()}' baseline here", nameof(kind))
            : [.. Rows.Select(r => r.Scores[index])];
    }
}
