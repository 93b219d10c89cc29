namespace Mammo.Data;

/// <summary>How a dataset lays out its images and labels; <see cref="DatasetLoader"/> reads each.</summary>
public enum DatasetFormat
{
    /// <summary>mini-MIAS: Info.txt and mdbNNN.pgm, in a folder or the official .tar.gz.</summary>
    Mias,

    /// <summary>A dataset manifest: one CSV row per lesion or normal image (docs/data.md).</summary>
    Manifest,

    /// <summary>CBIS-DDSM as published: case-description CSVs and DICOM images and ROI masks.</summary>
    CbisDdsm,
}
