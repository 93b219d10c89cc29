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

    /// <summary>
    /// A class outside MIAS's six (a manifest's free text, kept in <see cref="Lesion.ClassName"/>): counted and cut,
    /// in no benign-vs-malignant group, an abnormal lesion for the normal-vs-abnormal tasks.
    /// </summary>
    Other,
}
