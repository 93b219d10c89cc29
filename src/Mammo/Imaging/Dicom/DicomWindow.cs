namespace Mammo.Imaging.Dicom;

/// <summary>
/// A VOI window: Window Center (0028,1050), Window Width (0028,1051) and VOI LUT Function (0028,1056), applied
/// to Modality LUT output values with the formulas of DICOM PS3.3 C.11.2.1.2.
/// </summary>
public sealed record DicomWindow(double Center, double Width, VoiLutFunction Function)
{
    /// <summary>Maps a modality value x into [yMin, yMax].</summary>
    public double Map(double x, double yMin, double yMax)
    {
        var range = yMax - yMin;
        switch (Function)
        {
            case VoiLutFunction.Linear:
                // The standard's "c - 0.5" and "w - 1" make a window of width w span exactly w integer inputs.
                var below = Center - 0.5 - ((Width - 1) / 2);
                var above = Center - 0.5 + ((Width - 1) / 2);
                if (x <= below)
                {
                    return yMin;
                }

                if (x > above)
                {
                    return yMax;
                }

                return ((((x - (Center - 0.5)) / (Width - 1)) + 0.5) * range) + yMin;
            case VoiLutFunction.LinearExact:
                if (x <= Center - (Width / 2))
                {
                    return yMin;
                }

                if (x > Center + (Width / 2))
                {
                    return yMax;
                }

                return ((((x - Center) / Width) + 0.5) * range) + yMin;
            case VoiLutFunction.Sigmoid:
                return (range / (1 + Math.Exp(-4 * (x - Center) / Width))) + yMin;
            default:
                throw new InvalidOperationException($"unknown VOI LUT function {Function}");
        }
    }
}
