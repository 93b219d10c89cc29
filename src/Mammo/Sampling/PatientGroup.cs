using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>One patient's samples (ordered by id) and how many of them carry each label: the unit a split moves.</summary>
internal sealed record PatientGroup(Patient Patient, IReadOnlyList<Sample> Samples, int[] LabelCounts)
{
    /// <summary>The patients of id-sorted samples, ordered by patient number.</summary>
    public static IReadOnlyList<PatientGroup> Of(IEnumerable<Sample> sorted, int labelCount) =>
    [
        .. sorted.GroupBy(s => s.Patient)
            .OrderBy(g => g.Key.Number)
            .Select(g =>
            {
                var counts = new int[labelCount];
                foreach (var sample in g)
                {
                    counts[sample.Label]++;
                }

                return new PatientGroup(g.Key, [.. g], counts);
            }),
    ];
}
