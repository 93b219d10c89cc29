using System.Collections.Concurrent;
using Mammo.Data;

namespace Mammo.Imaging;

/// <summary>
/// Patches already cut, kept for the next run that cuts the same regions the same way. The cells of an experiment
/// grid differ in task, balancing and protocol but share their preprocessing, so with one cache per grid each scan is
/// read and each region cut once per grid instead of once per cell. A region is the same when its origin is (scan,
/// lesion, centre, radius, tissue index) and so are the options that shape its pixels; the options' seed and thread
/// count only place normal scans' regions and pace the work, and the origin already carries where they fell.
/// Bounded: past <see cref="MaxBytes"/> of pixels, further patches are cut and returned but not kept.
/// </summary>
public sealed class PatchCache(long maxBytes = PatchCache.DefaultMaxBytes)
{
    /// <summary>512 MiB: 3class on MIAS with the 12 original variants keeps under 10 MiB.</summary>
    public const long DefaultMaxBytes = 512L << 20;

    private readonly ConcurrentDictionary<(PatchOptions Options, PatchOrigin Origin), Patch[]> _cut = new();
    private long _bytes;
    private int _regionsCut;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Pixel bytes held now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Regions cut by the extractor since the cache was made (the others were served from it).</summary>
    public int RegionsCut => Volatile.Read(ref _regionsCut);

    /// <summary>
    /// The same patches, in the same order, as <see cref="PatchExtractor.Extract"/> gives for <paramref name="plan"/>:
    /// each origin's variants in the extractor's order, bound to the plan's own origin objects. Only regions not yet
    /// held are cut, in one pass over the scans they need. The pixel arrays are shared between the runs served:
    /// nothing downstream writes to a patch.
    /// </summary>
    public IReadOnlyList<Patch> Extract(PatchExtractor extractor, DatasetSource source, PatchPlan plan, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(plan);
        var options = extractor.Options with { Seed = 0, Threads = 0 };
        var missing = plan.Origins.Distinct().Where(o => !_cut.ContainsKey((options, o))).ToList();
        var fresh = new Dictionary<PatchOrigin, Patch[]>();
        if (missing.Count > 0)
        {
            var cut = extractor.Extract(source, plan with { Origins = missing }, progress, cancellationToken).ToArray();
            var each = extractor.Variants.Count;
            Interlocked.Add(ref _regionsCut, missing.Count);
            for (var i = 0; i < missing.Count; i++)
            {
                var patches = cut[(i * each)..((i + 1) * each)];
                fresh[missing[i]] = patches;
                Keep((options, missing[i]), patches);
            }
        }

        return [.. plan.Origins.SelectMany(o => (fresh.GetValueOrDefault(o) ?? _cut[(options, o)]).Select(p => ReferenceEquals(p.Origin, o) ? p : p with { Origin = o }))];
    }

    private void Keep((PatchOptions, PatchOrigin) key, Patch[] patches)
    {
        long size = patches.Sum(p => (long)p.Pixels.Length);
        if (Interlocked.Add(ref _bytes, size) > MaxBytes)
        {
            Interlocked.Add(ref _bytes, -size);
            return;
        }

        if (!_cut.TryAdd(key, patches))
        {
            Interlocked.Add(ref _bytes, -size);
        }
    }
}
