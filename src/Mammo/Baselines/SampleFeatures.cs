using System.Collections.Concurrent;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Sampling;

namespace Mammo.Baselines;

/// <summary>
/// <see cref="LesionFeatures"/> of many samples, each scan read once: a lesion at its annotated centre and radius
/// (whatever radius rule the patches used), a normal scan's region at its planned centre and radius.
/// </summary>
public static class SampleFeatures
{
    /// <returns>Features by sample id.</returns>
    /// <exception cref="MammoDataException">A scan is missing or unreadable, or a region holds no pixel of its scan.</exception>
    public static IReadOnlyDictionary<string, double[]> Compute(DatasetSource source, IReadOnlyList<Sample> samples, int threads = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(samples);
        var byFile = samples.GroupBy(s => s.Origin.Scan.FileName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var results = new ConcurrentDictionary<string, double[]>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        var files = System.Collections.Concurrent.Partitioner.Create(source.ReadScanFiles(byFile.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(files, parallel, file =>
        {
            var path = Path.Combine(source.Path, file.FileName);
            var image = source.Decode(file);
            foreach (var sample in byFile[file.FileName])
            {
                var (x, y, radius) = sample.Origin.Lesion?.Location is { } at ? (at.X, at.Y, at.Radius) : (sample.Origin.X, sample.Origin.Y, sample.Origin.Radius);
                results[sample.Id] = LesionFeatures.Compute(image, x, PatchGeometry.ImageRow(y, image.Height), radius, $"{path} ({sample.Id})");
            }
        });

        var missing = samples.Where(s => !results.ContainsKey(s.Id)).Select(s => s.Origin.Scan.FileName).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new MammoDataException($"{source.Path}: {string.Join(", ", missing.Take(5))} could not be read{(missing.Count > 5 ? $" (and {missing.Count - 5} more)" : string.Empty)}");
        }

        return results;
    }
}
