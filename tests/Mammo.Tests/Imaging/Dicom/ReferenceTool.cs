namespace Mammo.Tests.Imaging.Dicom;

/// <summary>The reference implementations the DICOM reader is compared with, as Debian packages them.</summary>
public enum ReferenceTool
{
    /// <summary>Debian "dcmtk": img2dcm, dcm2pnm, dcmdump, dcmodify, dcmconv, dcmcjpeg …</summary>
    Dcmtk,

    /// <summary>Debian "python3-pydicom" (with numpy), run by /usr/bin/python3.</summary>
    Pydicom,

    /// <summary>Debian "libgdcm-tools": gdcmconv.</summary>
    Gdcm,
}
