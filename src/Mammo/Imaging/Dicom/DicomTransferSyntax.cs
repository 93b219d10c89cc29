namespace Mammo.Imaging.Dicom;

/// <summary>The uncompressed transfer syntaxes that are read; every other one is refused with its name and UID.</summary>
public enum DicomTransferSyntax
{
    /// <summary>1.2.840.10008.1.2.1.</summary>
    ExplicitVrLittleEndian,

    /// <summary>1.2.840.10008.1.2.</summary>
    ImplicitVrLittleEndian,
}
