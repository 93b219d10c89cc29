namespace Mammo.Imaging.Dicom;

/// <summary>Presentation Intent Type (0008,0068) of a digital X-ray image.</summary>
public enum PresentationIntent
{
    /// <summary>Processed by the vendor for a reader to look at.</summary>
    ForPresentation,

    /// <summary>Raw detector data, meant for further processing before display.</summary>
    ForProcessing,
}
