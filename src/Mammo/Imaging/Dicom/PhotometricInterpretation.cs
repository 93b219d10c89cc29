namespace Mammo.Imaging.Dicom;

/// <summary>Photometric Interpretation (0028,0004) of a single-sample image; colour images are refused.</summary>
public enum PhotometricInterpretation
{
    /// <summary>The lowest value is displayed white: inverted when mapped to 8 bits.</summary>
    Monochrome1,

    /// <summary>The lowest value is displayed black.</summary>
    Monochrome2,
}
