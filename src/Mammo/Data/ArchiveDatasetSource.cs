using System.Formats.Tar;
using System.IO.Compression;

using Mammo.Imaging;

namespace Mammo.Data;

/// <summary>
/// The official <c>all-mias.tar.gz</c>, read in place with the framework's tar and gzip readers so users
/// need not extract it by hand. Folders inside the archive are ignored: files are known by name.
/// </summary>
public sealed class ArchiveDatasetSource : DatasetSource
{
    public ArchiveDatasetSource(string path, ImageLimits? limits = null)
        : base(path, limits)
    {
    }

    public override string ReadLabels()
    {
        foreach (var (name, entry) in Entries())
        {
            if (name == MiasLabelReader.FileName)
            {
                if (entry.Length > MaxLabelBytes)
                {
                    throw new MammoDataException($"{Path}: its {MiasLabelReader.FileName} is {entry.Length:N0} bytes, more than a label table can be ({MaxLabelBytes:N0})");
                }

                return Reading(name, () =>
                {
                    using var reader = new StreamReader(entry.DataStream!, System.Text.Encoding.Latin1);
                    return reader.ReadToEnd();
                });
            }
        }

        throw new MammoDataException($"{Path}: has no {MiasLabelReader.FileName} (the MIAS label table)");
    }

    public override IReadOnlyList<ScanFileInfo> ListScanFiles()
    {
        var result = new List<ScanFileInfo>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, entry) in Entries())
        {
            if (name.EndsWith(".pgm", StringComparison.Ordinal))
            {
                // Files are known by name, wherever they sit in the archive; two of one name would be ambiguous.
                if (!seen.TryAdd(name, entry.Name))
                {
                    throw new MammoDataException($"{Path}: holds {name} twice ({seen[name]} and {entry.Name}); which one is the scan is ambiguous");
                }

                var head = new byte[Math.Min(HeadLength, entry.Length)];
                Reading(name, () => entry.DataStream!.ReadAtLeast(head, head.Length));
                result.Add(new ScanFileInfo(name, entry.Length, head));
            }
        }

        return result.OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
    }

    public override IEnumerable<ScanFile> ReadScanFiles(IReadOnlySet<string> fileNames, CancellationToken cancellationToken = default)
    {
        var remaining = fileNames.Count;
        foreach (var (name, entry) in Entries())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (remaining == 0)
            {
                yield break;
            }

            if (fileNames.Contains(name))
            {
                var content = Reading(name, () => ReadBounded(entry.DataStream!, entry.Length));
                remaining--;
                yield return new ScanFile(name, content);
            }
        }
    }

    // A damaged archive can fail in the middle of an entry's data, not only between entries.
    private T Reading<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new MammoDataException($"{Path}: {name}: the archive is damaged or truncated ({e.Message})", e);
        }
    }

    private IEnumerable<(string Name, TarEntry Entry)> Entries()
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (true)
        {
            TarEntry? entry;
            try
            {
                entry = tar.GetNextEntry();
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or IOException)
            {
                throw new MammoDataException($"{Path}: not a readable .tar.gz archive ({e.Message})", e);
            }

            if (entry is null)
            {
                yield break;
            }

            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is not null)
            {
                yield return (System.IO.Path.GetFileName(entry.Name), entry);
            }
        }
    }
}
