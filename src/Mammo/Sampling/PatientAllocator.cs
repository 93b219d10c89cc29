using System.Globalization;

namespace Mammo.Sampling;

/// <summary>
/// The grouped, stratified assignment behind <see cref="PatientSplit"/> and <see cref="GroupedStratifiedKFold"/>:
/// whole patients go to parts so that every part gets close to its fraction of every label.
/// </summary>
internal static class PatientAllocator
{
    /// <summary>How many labels there are: the class names' count, or one more than the largest label.</summary>
    public static int LabelCount(IReadOnlyList<Sample> samples, IReadOnlyList<string>? classNames, string parameterName)
    {
        var largest = samples.Count > 0 ? samples.Max(s => s.Label) : -1;
        if (classNames is not null && largest >= classNames.Count)
        {
            throw new ArgumentException($"label {largest} has no class name ({classNames.Count} given)", parameterName);
        }

        return Math.Max(classNames?.Count ?? 0, largest + 1);
    }

    /// <summary>
    /// The part of each patient (indexed like <paramref name="patients"/>). Patients are shuffled, ordered
    /// largest first and by label mix, and each goes to the part where it lowers the cost most; then single
    /// moves and pairwise swaps that lower it further are made until none does. The cost is the squared
    /// error of every label's share in every part, plus a penalty for each part left without a label it
    /// should have. The seed decides which patient lands where.
    /// </summary>
    public static int[] Assign(IReadOnlyList<PatientGroup> patients, IReadOnlyList<double> fractions, int labelCount, Random random)
    {
        var indices = Enumerable.Range(0, patients.Count).ToArray();
        random.Shuffle(indices);
        // Patients with many samples or mixed labels go first, while every part still has room for them;
        // small patients come last and fine-tune the shares. OrderBy is stable, so the shuffle still
        // decides the order within a stratum.
        indices = [.. indices.OrderByDescending(i => patients[i].Samples.Count).ThenBy(i => StratumKey(patients[i]), StringComparer.Ordinal)];

        var cost = new Cost(patients, fractions, labelCount);
        var partOf = new int[patients.Count];
        foreach (var i in indices)
        {
            var best = -1;
            double bestChange = 0, bestShortfall = 0;
            for (var part = 0; part < fractions.Count; part++)
            {
                if (fractions[part] <= 0)
                {
                    continue;
                }

                var change = cost.Change(part, patients[i].LabelCounts, null);
                var shortfall = cost.Shortfall(part, patients[i].LabelCounts);
                if (best < 0 || change < bestChange - Tolerance || (change <= bestChange + Tolerance && shortfall > bestShortfall + Tolerance))
                {
                    (best, bestChange, bestShortfall) = (part, change, shortfall);
                }
            }

            partOf[i] = best;
            cost.Add(best, patients[i].LabelCounts, 1);
        }

        Improve(patients, fractions, indices, partOf, cost);
        return partOf;
    }

    // Greedy placement cannot undo an early choice, and when every patient has several samples (two films,
    // normal regions) no small patient is left to even out the shares at the end; local search can.
    private static void Improve(IReadOnlyList<PatientGroup> patients, IReadOnlyList<double> fractions, int[] order, int[] partOf, Cost cost)
    {
        const int MaxRounds = 100;
        for (var round = 0; round < MaxRounds; round++)
        {
            var improved = false;
            foreach (var i in order)
            {
                var from = partOf[i];
                var counts = patients[i].LabelCounts;
                for (var to = 0; to < fractions.Count; to++)
                {
                    if (to == from || fractions[to] <= 0)
                    {
                        continue;
                    }

                    if (cost.Change(from, null, counts) + cost.Change(to, counts, null) < -Tolerance)
                    {
                        cost.Add(from, counts, -1);
                        cost.Add(to, counts, 1);
                        partOf[i] = to;
                        improved = true;
                        break;
                    }
                }
            }

            for (var a = 0; a < order.Length; a++)
            {
                for (var b = a + 1; b < order.Length; b++)
                {
                    var (i, j) = (order[a], order[b]);
                    var (p, q) = (partOf[i], partOf[j]);
                    var (ci, cj) = (patients[i].LabelCounts, patients[j].LabelCounts);
                    if (p != q && cost.Change(p, cj, ci) + cost.Change(q, ci, cj) < -Tolerance)
                    {
                        cost.Add(p, ci, -1);
                        cost.Add(p, cj, 1);
                        cost.Add(q, cj, -1);
                        cost.Add(q, ci, 1);
                        (partOf[i], partOf[j]) = (q, p);
                        improved = true;
                    }
                }
            }

            if (!improved)
            {
                return;
            }
        }
    }

    /// <summary>The samples of each part, ordered by id.</summary>
    public static IReadOnlyList<Sample>[] Collect(IReadOnlyList<PatientGroup> patients, int[] partOf, int partCount)
    {
        var parts = Enumerable.Range(0, partCount).Select(_ => new List<Sample>()).ToArray();
        for (var i = 0; i < patients.Count; i++)
        {
            parts[partOf[i]].AddRange(patients[i].Samples);
        }

        return [.. parts.Select(p => (IReadOnlyList<Sample>)[.. p.OrderBy(s => s.Id, StringComparer.Ordinal)])];
    }

    /// <summary>
    /// Throws <see cref="SplitException"/> if a part that should have samples lacks a label: a model could
    /// not be validated or tested on that class there.
    /// </summary>
    public static void EnsureEveryClass(
        IReadOnlyList<PatientGroup> patients,
        IEnumerable<(string Where, IReadOnlyList<Sample> Samples)> parts,
        int labelCount,
        IReadOnlyList<string>? classNames,
        string advice)
    {
        var partList = parts.ToList();
        for (var l = 0; l < labelCount; l++)
        {
            var name = classNames?[l] ?? l.ToString(CultureInfo.InvariantCulture);
            var having = patients.Count(p => p.LabelCounts[l] > 0);
            if (having == 0)
            {
                throw new SplitException($"class '{name}' has no sample at all, so no split can give every part one");
            }

            foreach (var (where, samples) in partList)
            {
                if (!samples.Any(s => s.Label == l))
                {
                    throw new SplitException(
                        $"the patient split leaves class '{name}' empty in {where}: {having} patient{(having == 1 ? " has" : "s have")} it; {advice}");
                }
            }
        }
    }

    private const double Tolerance = 1e-12;

    private static string StratumKey(PatientGroup patient) => string.Join(',', patient.LabelCounts);

    /// <summary>Label counts per part against their targets, and what a change to them would cost.</summary>
    private sealed class Cost
    {
        // Dominates any share error (each at most 1), so filling an empty part wins over a finer share.
        private const double EmptyPenalty = 10;

        private readonly double[,] _assigned;
        private readonly double[,] _targets;
        private readonly double[] _totals;

        public Cost(IReadOnlyList<PatientGroup> patients, IReadOnlyList<double> fractions, int labelCount)
        {
            _totals = new double[labelCount];
            foreach (var patient in patients)
            {
                for (var l = 0; l < labelCount; l++)
                {
                    _totals[l] += patient.LabelCounts[l];
                }
            }

            _assigned = new double[fractions.Count, labelCount];
            _targets = new double[fractions.Count, labelCount];
            for (var part = 0; part < fractions.Count; part++)
            {
                for (var l = 0; l < labelCount; l++)
                {
                    _targets[part, l] = fractions[part] * _totals[l];
                }
            }
        }

        public void Add(int part, int[] counts, int sign)
        {
            for (var l = 0; l < counts.Length; l++)
            {
                _assigned[part, l] += sign * counts[l];
            }
        }

        /// <summary>How the cost changes if <paramref name="add"/> joins and <paramref name="remove"/> leaves the part.</summary>
        public double Change(int part, int[]? add, int[]? remove)
        {
            var change = 0.0;
            for (var l = 0; l < _totals.Length; l++)
            {
                var delta = (add?[l] ?? 0) - (remove?[l] ?? 0);
                if (delta != 0)
                {
                    change += Of(part, l, _assigned[part, l] + delta) - Of(part, l, _assigned[part, l]);
                }
            }

            return change;
        }

        /// <summary>The part's missing share of the labels these counts carry; breaks ties between parts.</summary>
        public double Shortfall(int part, int[] counts)
        {
            var shortfall = 0.0;
            for (var l = 0; l < _totals.Length; l++)
            {
                if (counts[l] > 0)
                {
                    shortfall += counts[l] * (_targets[part, l] - _assigned[part, l]) / _targets[part, l];
                }
            }

            return shortfall;
        }

        private double Of(int part, int label, double count)
        {
            var error = (count - _targets[part, label]) / _totals[label];
            return (error * error) + (count == 0 && _targets[part, label] > 0 ? EmptyPenalty : 0);
        }
    }
}
