namespace Mammo.Data;

/// <summary>Class of abnormality (column 3 of Info.txt); <see cref="Normal"/> marks a scan without one.</summary>
public enum AbnormalityClass
{
    Calcification,
    Circumscribed,
    Spiculated,
    IllDefined,
    ArchitecturalDistortion,
    Asymmetry,
    Normal,
}
