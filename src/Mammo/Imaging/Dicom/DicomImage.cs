namespace Mammo.Imaging.Dicom;

/// <summary>
/// One uncompressed single-frame grey DICOM image: the stored pixel values mapped through the Modality LUT
/// (Rescale Slope and Intercept), row-major with row 0 at the top, and the attributes that say how to show it.
/// </summary>
/// <remarks>
/// <see cref="Values"/> is <c>float[]</c>, not <c>ushort[]</c>: modality values can be negative (signed data, a
/// negative intercept) or fractional (a slope of 0.5), and a float holds every integer up to 2^24 exactly, so
/// 16-bit stored values with an integer rescale keep their exact value.
/// </remarks>
public sealed record DicomImage
{
    /// <summary>Columns (0028,0011).</summary>
    public required int Width { get; init; }

    /// <summary>Rows (0028,0010).</summary>
    public required int Height { get; init; }

    /// <summary>Stored value × RescaleSlope + RescaleIntercept, Width × Height of them.</summary>
    public required float[] Values { get; init; }

    /// <summary>True where the stored value equals <see cref="PixelPaddingValue"/>; null when the file has none.</summary>
    public bool[]? Padding { get; init; }

    public required DicomTransferSyntax TransferSyntax { get; init; }

    public required int BitsAllocated { get; init; }

    public required int BitsStored { get; init; }

    public required int HighBit { get; init; }

    /// <summary>Pixel Representation (0028,0103) = 1: two's complement, sign-extended from <see cref="BitsStored"/>.</summary>
    public required bool IsSigned { get; init; }

    public required PhotometricInterpretation Photometric { get; init; }

    public double RescaleSlope { get; init; } = 1;

    public double RescaleIntercept { get; init; }

    /// <summary>The file's first window (first value of each multi-valued attribute); null when it has none.</summary>
    public DicomWindow? Window { get; init; }

    /// <summary>Pixel Padding Value (0028,0120) as a stored value (sign-extended when <see cref="IsSigned"/>).</summary>
    public int? PixelPaddingValue { get; init; }

    public PresentationIntent? PresentationIntent { get; init; }

    /// <summary>Image Laterality (0020,0062), else Laterality (0020,0060).</summary>
    public Laterality? Laterality { get; init; }

    /// <summary>View Position (0018,5101), e.g. "CC" or "MLO".</summary>
    public string? ViewPosition { get; init; }

    /// <summary>Patient ID (0010,0020).</summary>
    public string? PatientId { get; init; }

    /// <summary>Maps to 8 bits with the file's window, else the min–max of the non-padding pixels.</summary>
    public GrayImage ToGrayImage() => ToGrayImage(Window);

    /// <summary>
    /// Maps to 8 bits: <paramref name="window"/> (PS3.3 C.11.2.1.2) when given, else the min–max of the
    /// non-padding values onto 0..255; MONOCHROME1 is then inverted so that bright means dense, and padding
    /// pixels become 0 (black background whatever the photometric interpretation).
    /// </summary>
    public GrayImage ToGrayImage(DicomWindow? window)
    {
        var count = Width * Height;
        var pixels = new byte[count];
        // Without a window: min–max onto 0..255; a flat image maps to 0, as DCMTK's min–max window (width 1) does.
        var (min, max) = window is null ? ValueRange() : (0, 0);
        var range = max > min ? max - min : double.PositiveInfinity;
        var invert = Photometric == PhotometricInterpretation.Monochrome1;
        for (var i = 0; i < count; i++)
        {
            if (Padding is not null && Padding[i])
            {
                continue;
            }

            // Multiplied before divided, so that a value halfway up maps to exactly 127.5.
            var y = window is null ? (Values[i] - min) * 255 / range : window.Map(Values[i], 0, 255);
            var level = (byte)Math.Clamp(Math.Floor(y + 0.5), 0, 255);
            pixels[i] = invert ? (byte)(255 - level) : level;
        }

        return new GrayImage(Width, Height, pixels);
    }

    /// <summary>
    /// The image at full depth: where every modality value is a whole number in 0..65535 (the stored values of an
    /// unsigned mammogram with the usual rescale), the values themselves, with a window table that maps each exactly
    /// as <see cref="ToGrayImage()"/> would (the file's window, else min–max; MONOCHROME1 inverted; padding black).
    /// Signed or fractional values have no 16-bit form and come as the 8-bit image.
    /// </summary>
    public ScanImage ToScanImage()
    {
        var count = Width * Height;
        var samples = new ushort[count];
        float? padding = null;
        for (var i = 0; i < count; i++)
        {
            var value = Values[i];
            if (value < 0 || value > ushort.MaxValue || value != MathF.Floor(value))
            {
                return ScanImage.FromGray(ToGrayImage());
            }

            samples[i] = (ushort)value;
            if (Padding is not null && Padding[i])
            {
                padding ??= value;
            }
        }

        // Padding is a stored value: one modality value, and no other pixel may share it for the table to hold.
        if (padding is { } pad && Enumerable.Range(0, count).Any(i => Padding![i] != (Values[i] == pad)))
        {
            return ScanImage.FromGray(ToGrayImage());
        }

        var (min, max) = Window is null ? ValueRange() : (0, 0);
        var range = max > min ? max - min : double.PositiveInfinity;
        var invert = Photometric == PhotometricInterpretation.Monochrome1;
        var levels = new byte[ScanImage.LevelCount];
        for (var v = 0; v < levels.Length; v++)
        {
            var y = Window is null ? (v - min) * 255 / range : Window.Map(v, 0, 255);
            var level = (byte)Math.Clamp(Math.Floor(y + 0.5), 0, 255);
            levels[v] = invert ? (byte)(255 - level) : level;
        }

        if (padding is { } black)
        {
            levels[(int)black] = 0;
        }

        return new ScanImage(Width, Height, samples, BitsStored > 8 ? 16 : 8, levels);
    }

    private (double Min, double Max) ValueRange()
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var i = 0; i < Values.Length; i++)
        {
            if (Padding is not null && Padding[i])
            {
                continue;
            }

            min = Math.Min(min, Values[i]);
            max = Math.Max(max, Values[i]);
        }

        return double.IsFinite(min) ? (min, max) : (0, 0);
    }
}
