using System.Collections.Concurrent;
using Mammo.Data;
using Mammo.Sampling;

namespace Mammo.Imaging;

/// <summary>
/// Cuts the square patches every later step trains and evaluates on. Two steps: <see cref="Plan"/> decides,
/// from labels alone, which regions to cut (seeded, so the same seed gives the same regions whatever the
/// thread count); <see cref="Extract"/> reads each scan once, cuts its regions, resizes them with bicubic
/// interpolation (the original used Pillow's bicubic default) and makes the augmented copies.
/// </summary>
public sealed class PatchExtractor
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ScanImage, GrayImage> s_gray = [];

    public PatchExtractor(PatchOptions? options = null)
    {
        Options = options ?? new PatchOptions();
        if (Options.Size < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "patch size must be positive");
        }

        if (Options.NormalCentreMin > Options.NormalCentreMax)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "normal centre range is empty");
        }

        Variants = PatchVariant.Of(Options.Variants);
    }

    public PatchOptions Options { get; }

    public IReadOnlyList<PatchVariant> Variants { get; }

    /// <summary>
    /// Which regions to cut. Default: every lesion with a location, and one region per normal scan. With
    /// <see cref="VariantScheme.Original"/>, the original's records: one per scan (its first lesion), the
    /// <c>*NOTE</c> scans dropped, and a lesion without location (mdb059) cut like a normal scan.
    /// </summary>
    public PatchPlan Plan(IEnumerable<Scan> scans)
    {
        ArgumentNullException.ThrowIfNull(scans);
        var origins = new List<PatchOrigin>();
        var skipped = new List<DataIssue>();
        var seedRecipe = Options.Variants == VariantScheme.Original;
        foreach (var scan in scans)
        {
            if (scan.IsNormal)
            {
                origins.Add(RandomCentre(scan, null));
                continue;
            }

            foreach (var lesion in seedRecipe ? scan.Lesions.Take(1) : scan.Lesions)
            {
                if (lesion.Location is { } at)
                {
                    origins.Add(new PatchOrigin(scan, lesion, at.X, at.Y, Options.Radius.Apply(at.Radius)));
                }
                else if (seedRecipe && lesion.Note is null)
                {
                    origins.Add(RandomCentre(scan, lesion));
                }
                else
                {
                    skipped.Add(new DataIssue(scan.LabelFile, lesion.Line, scan.Id,
                        $"{scan.Id} {lesion.Class.Code()} {lesion.Severity.Code()} has no location{(lesion.Note is null ? string.Empty : $" ({lesion.Note})")}; no patch"));
                }
            }
        }

        return new PatchPlan(origins, skipped);
    }

    /// <summary>Cuts one region out of a scan and resizes it to <c>Size×Size</c>.</summary>
    public byte[] Cut(GrayImage scan, PatchOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return CutAt(scan, origin.X, origin.Y, origin.Radius);
    }

    /// <summary>Cuts the square of radius <paramref name="radius"/> centred at MIAS (x, y) and resizes it to <c>Size×Size</c>.</summary>
    public byte[] CutAt(GrayImage scan, double x, double y, double radius)
    {
        ArgumentNullException.ThrowIfNull(scan);
        scan = Options.Standardise ? BreastStandardisation.Apply(scan) : scan;
        var (left, top, side) = Square(scan.Width, scan.Height, x, y, radius);
        var square = PatchGeometry.Crop(scan, left, top, side);
        return Resampling.Resize(square, side, side, Options.Size, Options.Size);
    }

    /// <summary>Cuts one region out of a scan at its stored depth, windows it to 8 bits and resizes it to <c>Size×Size</c>.</summary>
    public byte[] Cut(ScanImage scan, PatchOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return CutAt(scan, origin.X, origin.Y, origin.Radius);
    }

    /// <summary>
    /// Cuts the square of radius <paramref name="radius"/> centred at MIAS (x, y) from the full-depth samples, maps
    /// it through the image's window (so a 16-bit copy of an 8-bit scan gives the same bytes) and resizes it.
    /// </summary>
    public byte[] CutAt(ScanImage scan, double x, double y, double radius)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (Options.Standardise)
        {
            // The windowed 8-bit levels are standardised: the same scan stored at 16 bits gives the same patches.
            return CutAt(s_gray.GetValue(scan, s => s.ToGrayImage()), x, y, radius);
        }

        var (left, top, side) = Square(scan.Width, scan.Height, x, y, radius);
        var square = scan.CropLevels(left, top, side);
        return Resampling.Resize(square, side, side, Options.Size, Options.Size);
    }

    /// <summary>The augmented copies of one cut region, in <see cref="Variants"/> order.</summary>
    public IEnumerable<Patch> Augment(PatchOrigin origin, byte[] pixels) =>
        Variants.Select(v => new Patch(origin, v, Options.Size, v.Transform.Apply(pixels, Options.Size)));

    /// <summary>
    /// Reads every scan the plan needs (each once, in parallel) and returns all patches in plan order,
    /// variants in <see cref="Variants"/> order. <paramref name="progress"/> receives scans done.
    /// </summary>
    public IReadOnlyList<Patch> Extract(DatasetSource source, PatchPlan plan, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. CutAll(source, plan.Origins, (origin, pixels) => Augment(origin, pixels).ToArray(), progress, cancellationToken).SelectMany(r => r)];
    }

    /// <summary>Each region cut once, as <see cref="Extract"/> cuts it before augmenting, in the order given; each scan read once, in parallel.</summary>
    public IReadOnlyList<byte[]> CutEach(DatasetSource source, IReadOnlyList<PatchOrigin> origins, CancellationToken cancellationToken = default) =>
        CutAll(source, origins, (_, pixels) => pixels, null, cancellationToken);

    private T[] CutAll<T>(DatasetSource source, IReadOnlyList<PatchOrigin> origins, Func<PatchOrigin, byte[], T> finish, IProgress<int>? progress, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(origins);
        var byFile = origins.Select((o, i) => (Origin: o, Index: i))
            .GroupBy(x => x.Origin.Scan.FileName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var results = new T[origins.Count];
        var done = 0;
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = Options.Threads > 0 ? Options.Threads : Environment.ProcessorCount,
        };
        var files = Partitioner.Create(source.ReadScanFiles(byFile.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(files, parallel, file =>
        {
            var image = source.DecodeScan(file);
            foreach (var (origin, index) in byFile[file.FileName])
            {
                results[index] = finish(origin, Cut(image, origin));
            }

            progress?.Report(Interlocked.Increment(ref done));
        });

        var missing = origins.Where((_, i) => results[i] is null).Select(o => o.Scan.FileName).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new MammoDataException($"{source.Path}: {string.Join(", ", missing.Take(5))} could not be read{(missing.Count > 5 ? $" (and {missing.Count - 5} more)" : string.Empty)}");
        }

        return results;
    }

    private static (int Left, int Top, int Side) Square(int width, int height, double x, double y, double radius)
    {
        var maximum = Math.Max(width, height);
        if (!(radius > 0) || radius > maximum || !double.IsFinite(x) || !double.IsFinite(y))
        {
            throw new MammoDataException($"a region at ({x}, {y}) with radius {radius} does not fit the {width}×{height} image (radius 0 < r ≤ {maximum})");
        }

        return PatchGeometry.Square(x, PatchGeometry.ImageRow(y, height), radius);
    }

    private PatchOrigin RandomCentre(Scan scan, Lesion? lesion)
    {
        var random = SeedSequence.Random(Options.Seed, scan.Number);
        double x = random.Next(Options.NormalCentreMin, Options.NormalCentreMax + 1);
        double y = random.Next(Options.NormalCentreMin, Options.NormalCentreMax + 1);

        // The range is about MIAS's centre (512); a scan of another size is drawn about its own centre.
        if (scan.Width is { } width && scan.Height is { } height)
        {
            x += (width / 2.0) - (MiasDataset.ImageSize / 2);
            y += (height / 2.0) - (MiasDataset.ImageSize / 2);
        }

        return new PatchOrigin(scan, lesion, x, y, Options.NormalRadius);
    }
}
