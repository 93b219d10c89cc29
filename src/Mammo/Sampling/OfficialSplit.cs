using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>
/// A dataset's own train/test split (CBIS-DDSM's official one, a manifest's split column), kept as published:
/// the test part is exactly the scans marked test; the validation part is drawn by patient, stratified and seeded,
/// from the scans marked train, so that model selection never looks at the official test set.
/// </summary>
public static class OfficialSplit
{
    /// <param name="validation">The share of the official training samples held out for validation (0 ≤ v &lt; 1).</param>
    /// <exception cref="SplitException">A scan has no fixed split, or a part lacks a class.</exception>
    public static SplitAssignment Split(IReadOnlyList<Sample> samples, int seed, double validation, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.FirstOrDefault(s => s.Origin.Scan.Split is null) is { } unmarked)
        {
            var count = samples.Select(s => s.Origin.Scan).Where(s => s.Split is null).Distinct().Count();
            throw new SplitException($"scan {unmarked.Origin.Scan.Id} (and {count - 1} more) has no fixed train/test split; the official protocol needs one for every scan");
        }

        var test = samples.Where(s => s.Origin.Scan.Split == FixedSplit.Test).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var train = samples.Where(s => s.Origin.Scan.Split == FixedSplit.Train).ToList();
        if (test.Count == 0 || train.Count == 0)
        {
            throw new SplitException($"the fixed split has {train.Count} training and {test.Count} test samples; the official protocol needs both");
        }

        var inner = PatientSplit.Split(train, seed, 1 - validation, validation, 0, classNames);
        var labels = classNames?.Count ?? (samples.Max(s => s.Label) + 1);
        var missing = Enumerable.Range(0, labels).Where(l => test.All(s => s.Label != l)).ToList();
        if (missing.Count > 0)
        {
            throw new SplitException($"the official test part has no {string.Join(", ", missing.Select(l => classNames?[l] ?? $"class {l}"))} sample");
        }

        return new SplitAssignment(inner.Train, inner.Validation, test);
    }
}
