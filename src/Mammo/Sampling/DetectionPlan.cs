using System.Collections.Concurrent;
using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.Sampling;

/// <summary>
/// The regions the detector is trained on, cut as the heat map will see them. The heat map scores fixed windows
/// — radius 48 and 96 (squares of 96 and 192 scan pixels, resized to 48) — wherever they fall; a lesion is cut
/// centred on its label but at the window radius nearest its own (in ratio, so radius 68 is the boundary between
/// 48 and 96), not at its own radius, which would show a 3 px calcification 16 times larger than any window of
/// the map does. The negatives are <see cref="TissueNegativeSampler"/>'s, from every scan whose lesions are all
/// located; planning them needs each scan's breast mask, so each scan is read once, in parallel, and let go.
/// </summary>
public static class DetectionPlan
{
    /// <summary>The radius among <paramref name="radii"/> nearest in ratio to <paramref name="radius"/>; the smaller on a tie.</summary>
    public static double NearestRadius(double radius, IReadOnlyList<double> radii)
    {
        ArgumentNullException.ThrowIfNull(radii);
        if (radii.Count == 0 || !(radius > 0))
        {
            throw new ArgumentException("a positive radius and at least one window radius are needed", nameof(radii));
        }

        return radii.OrderBy(r => Math.Abs(Math.Log(radius / r))).ThenBy(r => r).First();
    }

    /// <summary>Every located lesion at its nearest window radius, then every scan's negatives, in scan order.</summary>
    /// <param name="threads">Scans decoded at once; 0 for one per core.</param>
    public static PatchPlan Plan(DatasetSource source, IReadOnlyList<Scan> scans, TissueNegativeSampler sampler, int threads = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(sampler);
        var skipped = new List<DataIssue>();
        var lesions = new Dictionary<string, List<PatchOrigin>>(StringComparer.Ordinal);
        foreach (var scan in scans)
        {
            var located = new List<PatchOrigin>();
            foreach (var lesion in scan.Lesions)
            {
                if (lesion.Location is { } at)
                {
                    located.Add(new PatchOrigin(scan, lesion, at.X, at.Y, NearestRadius(at.Radius, sampler.Radii)));
                }
                else
                {
                    skipped.Add(new DataIssue(MiasLabelReader.FileName, lesion.Line, scan.Id,
                        $"{scan.Id} {lesion.Class.Code()} {lesion.Severity.Code()} has no location; no patch, and no tissue regions from this scan"));
                }
            }

            lesions[scan.FileName] = located;
        }

        var negatives = new ConcurrentDictionary<string, IReadOnlyList<PatchOrigin>>(StringComparer.Ordinal);
        var byFile = scans.Where(TissueNegativeSampler.CanSample).ToDictionary(s => s.FileName, StringComparer.Ordinal);
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount,
        };

        // No buffering: at most one decoded scan per thread is alive at a time.
        var files = Partitioner.Create(source.ReadScanFiles(byFile.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(files, parallel, file =>
        {
            var scan = byFile[file.FileName];
            negatives[file.FileName] = sampler.Sample(scan, BreastMask.Compute(source.Decode(file)));
        });

        var missing = byFile.Keys.Where(f => !negatives.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new MammoDataException($"{source.Path}: {string.Join(", ", missing.Take(5))} could not be read{(missing.Count > 5 ? $" (and {missing.Count - 5} more)" : string.Empty)}");
        }

        var origins = scans.SelectMany(s => lesions[s.FileName]).Concat(scans.SelectMany(s => negatives.TryGetValue(s.FileName, out var n) ? n : [])).ToList();
        return new PatchPlan(origins, skipped);
    }
}
