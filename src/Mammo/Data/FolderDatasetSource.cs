using Mammo.Imaging;
using Mammo.Storage;

namespace Mammo.Data;

/// <summary>A folder with <c>Info.txt</c> and <c>mdbNNN.pgm</c> files (e.g. the extracted archive).</summary>
public sealed class FolderDatasetSource : DatasetSource
{
    public FolderDatasetSource(string path, ImageLimits? limits = null)
        : base(path, limits)
    {
    }

    public override string ReadLabels()
    {
        var file = System.IO.Path.Combine(Path, MiasLabelReader.FileName);
        return File.Exists(file)
            ? InputFile.ReadText(file, MaxLabelBytes, System.Text.Encoding.Latin1)
            : throw new MammoDataException($"{file}: missing (the MIAS label table)");
    }

    public override IReadOnlyList<ScanFileInfo> ListScanFiles()
    {
        var result = new List<ScanFileInfo>();
        foreach (var file in Directory.EnumerateFiles(Path, "*.pgm").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            var head = new byte[Math.Min(HeadLength, stream.Length)];
            stream.ReadExactly(head);
            result.Add(new ScanFileInfo(System.IO.Path.GetFileName(file), stream.Length, head));
        }

        return result;
    }

    public override IEnumerable<ScanFile> ReadScanFiles(IReadOnlySet<string> fileNames, CancellationToken cancellationToken = default)
    {
        foreach (var name in fileNames.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = System.IO.Path.Combine(Path, name);
            if (File.Exists(file))
            {
                using var stream = File.OpenRead(file);
                yield return new ScanFile(name, ReadBounded(stream, stream.Length));
            }
        }
    }
}
