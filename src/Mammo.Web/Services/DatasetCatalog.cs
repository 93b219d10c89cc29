using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Storage;

namespace Mammo.Web.Services;

/// <summary>
/// The dataset, loaded once, and its pictures. Thumbnails and full-size PNGs are made once, in one background pass
/// over the source (an archive is streamed once, not once per scan), and kept in a cache folder outside the data, so
/// a later start serves the grid at once. Decoded scans for predictions are kept in a small in-memory cache.
/// </summary>
public sealed class DatasetCatalog : IDisposable
{
    public const int ThumbnailWidth = 160;
    private const int DecodedScans = 24;

    private readonly Dictionary<string, Scan> _scans;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _ready = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, GrayImage Image)> _decoded = new();
    private readonly Lock _decodedLock = new();
    private readonly ConcurrentDictionary<string, Lazy<GrayImage>> _reading = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    /// <exception cref="MammoDataException">The data is missing or unusable.</exception>
    /// <exception cref="OutputConflictException">The cache folder would lie in, or contain, the data.</exception>
    public DatasetCatalog(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.DataPath) && !Directory.Exists(options.DataPath))
        {
            throw new MammoDataException($"{options.DataPath}: no such folder or archive");
        }

        Dataset = DatasetLoader.Load(options.DataPath, new DatasetLoadOptions(options.Strict, Limits: options.Limits));
        _scans = Dataset.Scans.ToDictionary(s => s.Id, StringComparer.Ordinal);
        CacheFolder = Path.Combine(Path.GetFullPath(options.CachePath), Key(options.DataPath));
        new OutputGuard(options.DataPath, options.RunsPath).CheckInputs(CacheFolder);
        Directory.CreateDirectory(CacheFolder);
        foreach (var scan in Dataset.Scans)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (File.Exists(ThumbnailFile(scan.Id)) && File.Exists(ImageFile(scan.Id)))
            {
                done.SetResult();
            }

            _ready[scan.Id] = done;
        }

        Warming = Task.Run(Warm);
    }

    public Dataset Dataset { get; }

    /// <summary>This dataset's folder in the cache (one per data path, size and date, so a changed archive gets new pictures).</summary>
    public string CacheFolder { get; }

    /// <summary>The background pass that makes the missing pictures; done once they all exist.</summary>
    public Task Warming { get; }

    public Scan? Find(string id) => _scans.GetValueOrDefault(id);

    public async Task<byte[]> ThumbnailAsync(Scan scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        await _ready[scan.Id].Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await File.ReadAllBytesAsync(ThumbnailFile(scan.Id), cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]> ImageAsync(Scan scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        await _ready[scan.Id].Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await File.ReadAllBytesAsync(ImageFile(scan.Id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts decoding the scan in the background, so that a prediction asked for after the page has opened it finds
    /// it in memory (reading one scan out of the archive costs about a second, a heat map about as much).
    /// </summary>
    public void Prefetch(Scan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (Cached(scan.Id) is null)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    Decode(scan);
                }
                catch (Exception e) when (e is MammoException or IOException)
                {
                    // The prediction that needs it will report the same failure.
                }
            });
        }
    }

    /// <summary>The scan's pixels as the command line decodes them (the source's own reader), from memory when recently used.</summary>
    public GrayImage Decode(Scan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (Cached(scan.Id) is { } cached)
        {
            return cached;
        }

        // One reader per scan: concurrent requests for a scan being read wait for that read instead of starting another.
        var pending = _reading.GetOrAdd(scan.Id, _ => new Lazy<GrayImage>(() => Dataset.Source.Decode(Dataset.Source.ReadScanFile(scan.FileName))));
        try
        {
            var image = pending.Value;
            Remember(scan.Id, image);
            return image;
        }
        finally
        {
            _reading.TryRemove(new KeyValuePair<string, Lazy<GrayImage>>(scan.Id, pending));
        }
    }

    private GrayImage? Cached(string id)
    {
        lock (_decodedLock)
        {
            var node = _decoded.First;
            while (node is not null && node.Value.Id != id)
            {
                node = node.Next;
            }

            if (node is null)
            {
                return null;
            }

            _decoded.Remove(node);
            _decoded.AddFirst(node);
            return node.Value.Image;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            Warming.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The pass was stopped or failed; pictures it did not finish are made at the next start.
        }

        _stop.Dispose();
    }

    private void Remember(string id, GrayImage image)
    {
        lock (_decodedLock)
        {
            if (_decoded.Any(d => d.Id == id))
            {
                return;
            }

            _decoded.AddFirst((id, image));
            while (_decoded.Count > DecodedScans)
            {
                _decoded.RemoveLast();
            }
        }
    }

    private string ThumbnailFile(string id) => Path.Combine(CacheFolder, id + "-thumb.png");

    private string ImageFile(string id) => Path.Combine(CacheFolder, id + ".png");

    private void Warm()
    {
        var missing = Dataset.Scans.Where(s => !_ready[s.Id].Task.IsCompleted).ToDictionary(s => s.FileName, StringComparer.Ordinal);
        try
        {
            foreach (var file in Dataset.Source.ReadScanFiles(missing.Keys.ToHashSet(StringComparer.Ordinal), _stop.Token))
            {
                var scan = missing[file.FileName];
                var image = Dataset.Source.Decode(file);
                AtomicOutput.WriteFile(ImageFile(scan.Id), s => s.Write(PngImages.Encode(image)));
                AtomicOutput.WriteFile(ThumbnailFile(scan.Id), s => s.Write(PngImages.Encode(image, ThumbnailWidth)));
                _ready[scan.Id].TrySetResult();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or MammoException or IOException or UnauthorizedAccessException)
        {
            foreach (var done in _ready.Values)
            {
                done.TrySetException(e is MammoException or IOException ? e : new MammoDataException($"{Dataset.Source.Path}: scan pictures not made ({e.Message})"));
            }
        }

        // A scan the source did not yield is missing from it: say so instead of waiting forever.
        foreach (var (id, done) in _ready)
        {
            done.TrySetException(new MammoDataException($"{Dataset.Source.Path}: {id}.pgm could not be read"));
        }
    }

    private static string Key(string dataPath)
    {
        var full = Path.GetFullPath(dataPath);
        var info = new FileInfo(full);
        var stamp = info.Exists ? $"{info.Length}-{info.LastWriteTimeUtc.Ticks}" : Directory.GetLastWriteTimeUtc(full).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full + "|" + stamp)))[..16];
        return $"{Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar))}-{hash}";
    }
}
