namespace Mammo.Imaging;

/// <summary>
/// A decoded mammogram at the depth it was stored: one sample per pixel (0..255 for 8-bit files, up to 65535 for
/// 16-bit PNG, TIFF, PGM and DICOM), row-major with row 0 at the top, and the intensity window that maps a sample to
/// the 8-bit level the network and the figures see.
/// </summary>
/// <remarks>
/// The window is a table of 65,536 levels rather than a formula so that every format's rule (a linear stretch of
/// 0..maxval, a DICOM VOI window with MONOCHROME1 inverted and padding black) is applied by one lookup, and a crop
/// windows exactly as the whole image would. Samples stay full depth until a patch is cut: the crop reads them,
/// and only the cut square is mapped.
/// </remarks>
public sealed record ScanImage
{
    /// <summary>Entries in <see cref="Levels"/>: one per possible 16-bit sample.</summary>
    public const int LevelCount = 65536;

    public ScanImage(int width, int height, ushort[] samples, int bitDepth, byte[] levels)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfNotEqual(samples.LongLength, (long)width * height, nameof(samples));
        ArgumentOutOfRangeException.ThrowIfNotEqual(levels.Length, LevelCount, nameof(levels));
        Width = width;
        Height = height;
        Samples = samples;
        BitDepth = bitDepth;
        Levels = levels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Width × Height stored samples.</summary>
    public ushort[] Samples { get; }

    /// <summary>8 or 16: the depth of the file's samples.</summary>
    public int BitDepth { get; }

    /// <summary>The intensity window: <c>Levels[sample]</c> is the 8-bit level a sample shows as.</summary>
    public byte[] Levels { get; }

    /// <summary>
    /// The window of a linear format: 0..<paramref name="maxValue"/> stretched onto 0..255, rounded half up, values
    /// above the maximum clipped to 255. For 8-bit data (maxval 255) it is the identity; for a 16-bit copy of an
    /// 8-bit image (value × 257, maxval 65535) it gives back the 8-bit value exactly.
    /// </summary>
    public static byte[] LinearLevels(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxValue, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxValue, LevelCount - 1);
        var levels = new byte[LevelCount];
        for (var v = 0; v < LevelCount; v++)
        {
            levels[v] = (byte)(((long)Math.Min(v, maxValue) * 255 + (maxValue / 2)) / maxValue);
        }

        return levels;
    }

    /// <summary>An 8-bit image as a scan image (identity window).</summary>
    public static ScanImage FromGray(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var samples = new ushort[image.Pixels.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = image.Pixels[i];
        }

        return new ScanImage(image.Width, image.Height, samples, 8, LinearLevels(255));
    }

    /// <summary>The whole image through its window, for what shows or scans the image at 8 bits.</summary>
    public GrayImage ToGrayImage()
    {
        var pixels = new byte[Samples.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Levels[Samples[i]];
        }

        return new GrayImage(Width, Height, pixels);
    }

    /// <summary>
    /// The square [left, left+side) × [top, top+side) at full depth; samples outside the image are 0 and
    /// <paramref name="inside"/> marks those that are not, so that the window can leave padding black.
    /// </summary>
    public ushort[] Crop(int left, int top, int side, out bool[] inside)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(side, 2 * (Math.Max(Width, Height) + 1));
        var result = new ushort[checked(side * side)];
        inside = new bool[result.Length];
        var firstColumn = Math.Max(0, left);
        var lastColumn = Math.Min(Width, left + side);
        if (firstColumn >= lastColumn)
        {
            return result;
        }

        for (var row = Math.Max(0, top); row < Math.Min(Height, top + side); row++)
        {
            var target = ((row - top) * side) + (firstColumn - left);
            Samples.AsSpan((row * Width) + firstColumn, lastColumn - firstColumn).CopyTo(result.AsSpan(target));
            inside.AsSpan(target, lastColumn - firstColumn).Fill(true);
        }

        return result;
    }

    /// <summary>
    /// The square cut at full depth, then windowed to 8 bits; zero (black) where it leaves the image, as the
    /// 8-bit crop always padded.
    /// </summary>
    public byte[] CropLevels(int left, int top, int side)
    {
        var samples = Crop(left, top, side, out var inside);
        var result = new byte[samples.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = inside[i] ? Levels[samples[i]] : (byte)0;
        }

        return result;
    }
}
