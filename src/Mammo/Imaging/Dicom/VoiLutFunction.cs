namespace Mammo.Imaging.Dicom;

/// <summary>VOI LUT Function (0028,1056): how a window maps values to output (PS3.3 C.11.2.1.2).</summary>
public enum VoiLutFunction
{
    Linear,
    LinearExact,
    Sigmoid,
}
