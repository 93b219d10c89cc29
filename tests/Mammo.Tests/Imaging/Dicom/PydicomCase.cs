namespace Mammo.Tests.Imaging.Dicom;

/// <summary>
/// One 37×23 test image that pydicom writes: a known gradient with a bright square (so that flips and
/// transpositions show), in the encoding and with the attributes given.
/// </summary>
/// <param name="SignExtended">Signed values with BitsStored &lt; 16 are written sign-extended to 16 bits (what
/// most writers do); false writes only the stored bits, the rest zero, so the reader must sign-extend.</param>
public sealed record PydicomCase(
    string Name,
    bool Implicit,
    int BitsAllocated,
    int BitsStored,
    bool IsSigned,
    string Photometric = "MONOCHROME2",
    double? Slope = null,
    double? Intercept = null,
    string? WindowCenter = null,
    string? WindowWidth = null,
    string? VoiLutFunction = null,
    int? Padding = null,
    bool SignExtended = true,
    bool Sequences = false,
    string? ImageLaterality = null,
    string? ViewPosition = null,
    string? PatientId = null,
    string? PresentationIntentType = null)
{
    public const int Width = 37;
    public const int Height = 23;

    public bool HasWindow => WindowCenter is not null;

    public override string ToString() => Name;
}
