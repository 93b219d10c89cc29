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
    // A 48×48 patch is 2.3 kB raw and compresses poorly (film grain); adaptive row filters and zlib cost
    // more than the crop and resize, so patches are stored like the original's (Pillow compress_level=0).
    private static readonly PngEncoder s_encoder = new()
    {
        FilterMethod = PngFilterMethod.None,
        ColorType = PngColorType.Grayscale,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.NoCompression,
    };

    public static void Write(string folder, IReadOnlyList<Patch> patches, bool overwrite = false, int threads = 0, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patches);
        AtomicOutput.WriteFolder(folder, overwrite, OutputKind.Patches, temporary =>
        {
            var done = 0;
            var options = new ParallelOptions
            {
                CancellationToken = cancellationToken,
                MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount,
            };
            Parallel.ForEach(patches, options, () => new MemoryStream(), (patch, _, buffer) =>
            {
                buffer.SetLength(0);
                using (var image = Image.LoadPixelData<L8>(patch.Pixels, patch.Size, patch.Size))
                {
                    image.SaveAsPng(buffer, s_encoder);
                }

                // Thousands of 2 kB files: one open, one write, one close each (the folder is new, nothing to truncate).
                using (var file = File.OpenHandle(Path.Combine(temporary, PatchManifest.FileNameOf(patch)), FileMode.CreateNew, FileAccess.Write))
                {
                    RandomAccess.Write(file, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), 0);
                }

                var count = Interlocked.Increment(ref done);
                if (count % 64 == 0 || count == patches.Count)
                {
                    progress?.Report(count);
                }

                return buffer;
            }, buffer => buffer.Dispose());
            File.WriteAllText(Path.Combine(temporary, PatchManifest.FileName), PatchManifest.Write(patches));
        });
    }
}
