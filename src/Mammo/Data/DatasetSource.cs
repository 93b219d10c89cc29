namespace Mammo.Data;

/// <summary>
/// Where the MIAS files are read from: a folder holding <c>Info.txt</c> and <c>mdbNNN.pgm</c>, or the
/// official <c>all-mias.tar.gz</c> read as it is. Sources only ever read: the input is never modified.
/// </summary>
public abstract class DatasetSource
{
    protected DatasetSource(string path) => Path = path;

    /// <summary>The folder or archive this source reads.</summary>
    public string Path { get; }

    /// <summary>Opens a folder or a <c>.tar.gz</c>/<c>.tgz</c> archive; anything else is a clear error.</summary>
    public static DatasetSource Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return new FolderDatasetSource(path);
        }

        if (File.Exists(path))
        {
            if (path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
            {
                return new ArchiveDatasetSource(path);
            }

            throw new MammoDataException($"{path}: not a folder or a .tar.gz archive of the MIAS files");
        }

        throw new MammoDataException($"{path}: no such folder or archive (pass --data, set MAMMO_DATA, or run 'mammo download')");
    }

    /// <summary>The text of Info.txt.</summary>
    public abstract string ReadLabels();

    /// <summary>Every <c>*.pgm</c> file with its size and header bytes, without decoding pixels.</summary>
    public abstract IReadOnlyList<ScanFileInfo> ListScanFiles();

    /// <summary>Streams the requested files' bytes, in the source's own order (the archive is read once).</summary>
    public abstract IEnumerable<ScanFile> ReadScanFiles(IReadOnlySet<string> fileNames, CancellationToken cancellationToken = default);

    /// <summary>The bytes of one file.</summary>
    public ScanFile ReadScanFile(string fileName) =>
        ReadScanFiles(new HashSet<string>(StringComparer.Ordinal) { fileName }).FirstOrDefault()
        ?? throw new MammoDataException($"{Path}: has no file {fileName}");

    /// <summary>How many header bytes <see cref="ListScanFiles"/> keeps: enough for any PGM header.</summary>
    protected const int HeadLength = 64;

    public override string ToString() => Path;
}
