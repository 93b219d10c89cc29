using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>
/// Evens out a training set by undersampling whole samples (lesions), never single augmented patches. Seeded
/// and independent of input order: the samples are sorted by id, and each class × severity cell draws from
/// its own random stream.
/// </summary>
public static class Balancer
{
    /// <summary>Every class × severity cell, in Info.txt's class order; normals (severity null) last.</summary>
    internal static (AbnormalityClass Class, Severity? Severity)[] Cells { get; } =
    [
        .. MiasCodes.AbnormalClasses.SelectMany(c => new (AbnormalityClass, Severity?)[] { (c, Severity.Benign), (c, Severity.Malignant) }),
        (AbnormalityClass.Normal, null),

        // After the MIAS cells, so that their seed streams (their index) stay what they were.
        (AbnormalityClass.Other, Severity.Benign),
        (AbnormalityClass.Other, Severity.Malignant),
    ];

    /// <summary>
    /// The samples to train on. <see cref="Balancing.None"/> and <see cref="Balancing.Weights"/> return
    /// <paramref name="training"/> itself; the others return the kept samples ordered by id.
    /// </summary>
    public static IReadOnlyList<Sample> Apply(IReadOnlyList<Sample> training, Balancing balancing, int seed)
    {
        var sorted = SampleOrder.Sorted(training, nameof(training));
        var cells = sorted.GroupBy(CellOf).ToDictionary(g => g.Key, g => g.ToArray());
        var targets = balancing switch
        {
            Balancing.None or Balancing.Weights => null,
            Balancing.Class => ClassTargets(cells),
            Balancing.Full => FullTargets(cells),
            _ => throw new ArgumentOutOfRangeException(nameof(balancing)),
        };
        if (targets is null)
        {
            return training;
        }

        var kept = new List<Sample>();
        foreach (var (cell, members) in cells)
        {
            var target = targets[cell];
            if (target >= members.Length)
            {
                kept.AddRange(members);
                continue;
            }

            var random = SeedSequence.Random(seed, Array.IndexOf(Cells, cell));
            var shuffled = (Sample[])members.Clone();
            random.Shuffle(shuffled);
            kept.AddRange(shuffled.Take(target));
        }

        return [.. kept.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Loss weights n / (k · count_c) per label (scikit-learn's "balanced"): every class then weighs as much
    /// in total as an even share of the samples.
    /// </summary>
    /// <exception cref="ArgumentException">A label is outside [0, classCount), or a class has no sample.</exception>
    public static float[] ClassWeights(IReadOnlyList<Sample> samples, int classCount)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        var counts = new int[classCount];
        foreach (var sample in samples)
        {
            if (sample.Label < 0 || sample.Label >= classCount)
            {
                throw new ArgumentException($"sample {sample.Id} has label {sample.Label}, outside 0..{classCount - 1}", nameof(samples));
            }

            counts[sample.Label]++;
        }

        // An empty class would need an infinite weight; a zero weight would silently drop it from the loss.
        if (Array.IndexOf(counts, 0) is var empty and >= 0)
        {
            throw new SplitException($"class {empty} has no training sample, so it cannot be weighted");
        }

        return [.. counts.Select(c => (float)((double)samples.Count / (classCount * (double)c)))];
    }

    private static (AbnormalityClass, Severity?) CellOf(Sample sample) => (sample.Origin.Class, sample.Origin.Severity);

    private static Dictionary<(AbnormalityClass, Severity?), int> ClassTargets(Dictionary<(AbnormalityClass Class, Severity? Severity), Sample[]> cells)
    {
        var targets = new Dictionary<(AbnormalityClass, Severity?), int>();
        var classTotals = new List<int>();
        foreach (var cls in MiasCodes.AbnormalClasses.Append(AbnormalityClass.Other))
        {
            var benign = cells.GetValueOrDefault((cls, Severity.Benign))?.Length ?? 0;
            var malignant = cells.GetValueOrDefault((cls, Severity.Malignant))?.Length ?? 0;
            if (benign + malignant == 0)
            {
                continue;
            }

            // A class with one severity only ends up empty, as in the original: kept, it would let the
            // network learn the class instead of the severity.
            var each = Math.Min(benign, malignant);
            targets[(cls, Severity.Benign)] = each;
            targets[(cls, Severity.Malignant)] = each;
            if (each > 0)
            {
                classTotals.Add(2 * each);
            }
        }

        AddNormals(cells, targets, classTotals.Count > 0 ? (int)Math.Round(classTotals.Average(), MidpointRounding.AwayFromZero) : null);
        return targets;
    }

    private static Dictionary<(AbnormalityClass, Severity?), int> FullTargets(Dictionary<(AbnormalityClass Class, Severity? Severity), Sample[]> cells)
    {
        var abnormal = cells.Where(c => c.Key.Class != AbnormalityClass.Normal).ToList();
        var smallest = abnormal.Count > 0 ? abnormal.Min(c => c.Value.Length) : (int?)null;
        var targets = abnormal.ToDictionary(c => c.Key, _ => smallest!.Value);
        AddNormals(cells, targets, 2 * smallest);
        return targets;
    }

    // Without abnormal samples there is nothing to balance normals against, so they stay as they are.
    private static void AddNormals(Dictionary<(AbnormalityClass Class, Severity? Severity), Sample[]> cells, Dictionary<(AbnormalityClass, Severity?), int> targets, int? normals)
    {
        if (cells.TryGetValue((AbnormalityClass.Normal, null), out var members))
        {
            targets[(AbnormalityClass.Normal, null)] = normals ?? members.Length;
        }
    }
}
