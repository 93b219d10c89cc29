using Mammo.Imaging;
using Mammo.Storage;

namespace Mammo.Data;

/// <summary>
/// Images anywhere under a folder, named by their path relative to it (a manifest's image column, CBIS-DDSM's file
/// paths): the source of every format other than MIAS. <see cref="DatasetSource.Path"/> is the label file (the
/// manifest, the CBIS-DDSM folder), <see cref="Root"/> the folder paths are relative to. Files are read one at a
/// time, as asked, so memory holds one image per reader thread.
/// </summary>
public sealed class FileTreeDatasetSource : DatasetSource
{
    private readonly IReadOnlyList<string> _files;

    /// <param name="files">The images the labels name (keys relative to <paramref name="root"/>, '/'-separated).</param>
    public FileTreeDatasetSource(string path, string root, IReadOnlyList<string> files, ImageLimits? limits = null)
        : base(path, limits)
    {
        Root = root;
        _files = files;
    }

    public string Root { get; }

    /// <summary>The largest image file read: 2 bytes a pixel at the pixel limit, and room for a DICOM header.</summary>
    public long MaxFileBytes => checked((Limits.MaxPixels * 2) + (16L << 20));

    /// <summary>The full path of a key.</summary>
    public string Resolve(string fileName) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, fileName));

    public override string ReadLabels() => InputFile.ReadText(Path, MaxLabelBytes);

    public override IReadOnlyList<ScanFileInfo> ListScanFiles()
    {
        var result = new List<ScanFileInfo>();
        foreach (var name in _files)
        {
            var file = Resolve(name);
            if (File.Exists(file))
            {
                using var stream = File.OpenRead(file);
                var head = new byte[Math.Min(HeadLength, stream.Length)];
                stream.ReadExactly(head);
                result.Add(new ScanFileInfo(name, stream.Length, head));
            }
        }

        return result;
    }

    public override IEnumerable<ScanFile> ReadScanFiles(IReadOnlySet<string> fileNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        foreach (var name in fileNames.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = Resolve(name);
            if (File.Exists(file))
            {
                using var stream = File.OpenRead(file);
                if (stream.Length > MaxFileBytes)
                {
                    throw new ImageLoadException($"{file}: {stream.Length:N0} bytes, more than an image within {ImageLimits.Describe(Limits.MaxPixels)} needs");
                }

                var content = new byte[stream.Length];
                stream.ReadExactly(content);
                yield return new ScanFile(name, content);
            }
        }
    }

    /// <summary>Decodes one image at its stored depth, streamed from its file.</summary>
    /// <exception cref="ImageLoadException">Missing, unreadable, or not an image within the limits.</exception>
    public ScanImage ReadImage(string fileName) => ScanImageReader.ReadScan(Resolve(fileName), Limits);
}
