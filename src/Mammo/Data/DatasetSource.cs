using Mammo.Imaging;

namespace Mammo.Data;

/// <summary>
/// Where the MIAS files are read from: a folder holding <c>Info.txt</c> and <c>mdbNNN.pgm</c>, or the
/// official <c>all-mias.tar.gz</c> read as it is. Sources only ever read: the input is never modified.
/// </summary>
public abstract class DatasetSource
{
    /// <summary>The largest label table read: the real Info.txt is 20 kB.</summary>
    public const long MaxLabelBytes = 16L << 20;

    /// <summary>How many header bytes <see cref="ListScanFiles"/> keeps: enough for any PGM header with comments.</summary>
    protected const int HeadLength = 1024;

    protected DatasetSource(string path, ImageLimits? limits)
    {
        Path = path;
        Limits = limits ?? ImageLimits.Default;
    }

    /// <summary>The folder or archive this source reads.</summary>
    public string Path { get; }

    /// <summary>What an image may claim; no file is read beyond what its header says an image within them needs.</summary>
    public ImageLimits Limits { get; }

    /// <summary>Opens a folder or a <c>.tar.gz</c>/<c>.tgz</c> archive; anything else is a clear error.</summary>
    /// <summary>Whether <paramref name="path"/> names an archive of scans (.tar.gz or .tgz), as <see cref="Open"/> reads one.</summary>
    public static bool IsArchive(string path) =>
        path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    public static DatasetSource Open(string path, ImageLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return new FolderDatasetSource(path, limits);
        }

        if (File.Exists(path))
        {
            if (IsArchive(path))
            {
                return new ArchiveDatasetSource(path, limits);
            }

            throw new MammoDataException($"{path}: not a folder or a .tar.gz archive of the MIAS files");
        }

        throw new MammoDataException($"{path}: no such folder or archive");
    }

    /// <summary>The text of Info.txt.</summary>
    public abstract string ReadLabels();

    /// <summary>Every <c>*.pgm</c> file with its size and header bytes, without decoding pixels.</summary>
    public abstract IReadOnlyList<ScanFileInfo> ListScanFiles();

    /// <summary>Streams the requested files' bytes, in the source's own order (the archive is read once).</summary>
    public abstract IEnumerable<ScanFile> ReadScanFiles(IReadOnlySet<string> fileNames, CancellationToken cancellationToken = default);

    /// <summary>Decodes a file this source read, within its <see cref="Limits"/>; errors name the file.</summary>
    /// <exception cref="ImageLoadException">Not a readable image, or above the limits.</exception>
    public GrayImage Decode(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ScanImageReader.Read(file.Content, System.IO.Path.Combine(Path, file.FileName), Limits);
    }

    /// <summary>Decodes a file this source read at its stored depth (16-bit stays 16-bit), within its <see cref="Limits"/>.</summary>
    /// <exception cref="ImageLoadException">Not a readable image, or above the limits.</exception>
    public ScanImage DecodeScan(ScanFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ScanImageReader.ReadScan(file.Content, System.IO.Path.Combine(Path, file.FileName), Limits);
    }

    /// <summary>The bytes of one file.</summary>
    public ScanFile ReadScanFile(string fileName) =>
        ReadScanFiles(new HashSet<string>(StringComparer.Ordinal) { fileName }).FirstOrDefault()
        ?? throw new MammoDataException($"{Path}: has no file {fileName}");

    /// <summary>
    /// Reads one scan file of <paramref name="length"/> bytes from <paramref name="stream"/>, but never more than its
    /// PGM header says an image within <see cref="Limits"/> needs: a header followed by a gigabyte of junk costs the
    /// image's size, and an image that claims too much costs its header (the decoder then says why it is refused).
    /// </summary>
    protected byte[] ReadBounded(Stream stream, long length)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[(int)Math.Min(HeadLength, Math.Max(0, length))];
        stream.ReadExactly(head);
        long needed = head.Length;
        if (PgmHeader.TryParse(head, out var header, out _) && Limits.Allows(header!.Width, header.Height))
        {
            needed = Math.Min(length, header.ExpectedLength);
        }

        if (needed <= head.Length)
        {
            return head[..(int)needed];
        }

        var content = new byte[needed];
        head.CopyTo(content, 0);
        stream.ReadExactly(content.AsSpan(head.Length));
        return content;
    }

    public override string ToString() => Path;
}
