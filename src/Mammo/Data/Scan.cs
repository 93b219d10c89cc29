using Mammo.Imaging.Dicom;

namespace Mammo.Data;

/// <summary>One mammogram (one film or one DICOM image) and its labels. A normal scan lists no lesions.</summary>
/// <param name="Id">The reference, e.g. <c>mdb001</c>; unique in its dataset, safe in file names and CSV fields.</param>
/// <param name="Number">1-based position in the dataset (MIAS: the number in the reference); seeds draw from it.</param>
/// <param name="Line">1-based line of the scan's first row in its label file.</param>
/// <remarks>
/// MIAS defines everything from <see cref="Number"/>; other formats set the init-only properties at load. They are
/// properties rather than parameters so that the MIAS-shaped constructor every caller and test uses stays as it is.
/// </remarks>
public sealed record Scan(string Id, int Number, Tissue Tissue, IReadOnlyList<Lesion> Lesions, int Line)
{
    /// <summary>Whom the scan belongs to: every split keeps a patient's scans on one side (MIAS: the film pair rule).</summary>
    public Patient Patient { get; init; } = Patient.OfScan(Number);

    /// <summary>The dataset's own name for the patient (a manifest's patient column, CBIS-DDSM's patient_id).</summary>
    public string PatientId { get; init; } = Patient.OfScan(Number).ToString();

    /// <summary>The image's key in the dataset's source: MIAS <c>Id + ".pgm"</c>, else a path relative to the dataset.</summary>
    public string FileName { get; init; } = Id + ".pgm";

    /// <summary>The image's width and height as its header gives them; null where not read (a MIAS scan is 1024×1024).</summary>
    public int? Width { get; init; }

    /// <summary>See <see cref="Width"/>.</summary>
    public int? Height { get; init; }

    /// <summary>CC, MLO …, where the dataset says.</summary>
    public string? View { get; init; }

    public Laterality? Laterality { get; init; }

    /// <summary>The dataset's fixed train/test assignment (a manifest's split column, CBIS-DDSM's), if any.</summary>
    public FixedSplit? Split { get; init; }

    /// <summary>The label file <see cref="Line"/> counts in (MIAS: Info.txt; a manifest's or a case-description CSV's path).</summary>
    public string LabelFile { get; init; } = MiasLabelReader.FileName;

    public bool IsNormal => Lesions.Count == 0;
}
