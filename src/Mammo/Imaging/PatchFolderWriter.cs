using Mammo.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Imaging;

/// <summary>
/// Writes patches as 8-bit grey PNG files plus <see cref="PatchManifest.FileName"/>, into a temporary
/// folder that is moved into place only when every file is written.
/// </summary>
public static class PatchFolderWriter
{
    private static readonly PngEncoder s_encoder = new()
    {
        ColorType = PngColorType.Grayscale,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.BestSpeed,
    };

    public static void Write(string folder, IReadOnlyList<Patch> patches, bool overwrite = false, int threads = 0, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patches);
        AtomicOutput.WriteFolder(folder, overwrite, temporary =>
        {
            var done = 0;
            var options = new ParallelOptions
            {
                CancellationToken = cancellationToken,
                MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount,
            };
            Parallel.ForEach(patches, options, patch =>
            {
                using var image = Image.LoadPixelData<L8>(patch.Pixels, patch.Size, patch.Size);
                image.Save(Path.Combine(temporary, PatchManifest.FileNameOf(patch)), s_encoder);
                var count = Interlocked.Increment(ref done);
                if (count % 64 == 0 || count == patches.Count)
                {
                    progress?.Report(count);
                }
            });
            File.WriteAllText(Path.Combine(temporary, PatchManifest.FileName), PatchManifest.Write(patches));
        });
    }
}
