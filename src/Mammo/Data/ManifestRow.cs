using Mammo.Imaging.Dicom;

namespace Mammo.Data;

/// <summary>One parsed manifest row; <see cref="Location"/> is in image convention (origin top-left), as written.</summary>
public sealed record ManifestRow(
    int Line,
    string Image,
    string Patient,
    AbnormalityClass Class,
    string ClassText,
    Severity? Severity,
    (double X, double Y, double Radius)? Location,
    string? Mask,
    string? View,
    Laterality? Laterality,
    FixedSplit? Split);
