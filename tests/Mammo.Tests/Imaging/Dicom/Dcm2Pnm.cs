using Mammo.Imaging;

namespace Mammo.Tests.Imaging.Dicom;

/// <summary>DCMTK's rendering of a DICOM file to 8 bits, with the options that match ours.</summary>
public static class Dcm2Pnm
{
    /// <summary>Runs <c>dcm2pnm OPTIONS in.dcm out.pgm</c> (8-bit binary PGM) and reads the PGM back.</summary>
    public static GrayImage Render(string dicomFile, params string[] options)
    {
        var output = dicomFile + "." + string.Concat(options).Replace(' ', '_').Replace('+', 'p') + ".pgm";
        ReferenceTools.Run("dcm2pnm", [.. options, "--write-raw-pnm", dicomFile, output]);
        return ScanImageReader.Read(output);
    }

    /// <summary>The options that make dcm2pnm map a file the way <c>DicomImage.ToGrayImage()</c> does.</summary>
    /// <remarks>
    /// With a window in the file, "--use-window 1" (DCMTK reads its VOI LUT Function too); without, "--min-max-window",
    /// whose window (center (min+max+1)/2, width max−min+1) puts min at 0 and max at 255 through the LINEAR formula,
    /// the same line as our min–max. DCMTK's min–max does not leave padding out, so for a file with padding the
    /// window is given explicitly from the non-padding range.
    /// </remarks>
    public static string[] MatchingOptions(Mammo.Imaging.Dicom.DicomImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Window is not null)
        {
            return ["--use-window", "1"];
        }

        if (image.Padding is null)
        {
            return ["--min-max-window"];
        }

        var kept = image.Values.Where((_, i) => !image.Padding[i]).ToList();
        var (min, max) = (kept.Min(), kept.Max());
        return ["--set-window", Invariant((min + max + 1.0) / 2), Invariant(max - min + 1.0)];
    }

    private static string Invariant(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
