using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>Counts per class × severity before and after balancing, in Info.txt's class order, normals last.</summary>
public sealed record BalancingReport(Balancing Method, IReadOnlyList<BalancingCount> Cells)
{
    public int Before => Cells.Sum(c => c.Before);

    public int After => Cells.Sum(c => c.After);

    /// <summary>Compares a training set with what <see cref="Balancer.Apply"/> made of it; cells empty in both are left out.</summary>
    public static BalancingReport Of(Balancing method, IReadOnlyList<Sample> before, IReadOnlyList<Sample> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var cells = new List<BalancingCount>();
        foreach (var (cls, severity) in Balancer.Cells)
        {
            var was = before.Count(s => s.Origin.Class == cls && s.Origin.Severity == severity);
            var now = after.Count(s => s.Origin.Class == cls && s.Origin.Severity == severity);
            if (was > 0 || now > 0)
            {
                cells.Add(new BalancingCount(cls, severity, was, now));
            }
        }

        return new BalancingReport(method, cells);
    }
}
