using Mammo.Data;

namespace Mammo.Imaging;

/// <summary>
/// Where a patch is cut from and what it shows: a lesion, or a region of a normal scan (<see cref="Lesion"/>
/// null). <see cref="X"/>, <see cref="Y"/> are in MIAS convention (origin bottom-left).
/// </summary>
public sealed record PatchOrigin(Scan Scan, Lesion? Lesion, double X, double Y, double Radius)
{
    /// <summary>
    /// For one of several tissue regions drawn on a scan away from its lesions (the detector's negatives), its
    /// index on that scan; null for a lesion or a normal scan's single region.
    /// </summary>
    public int? TissueIndex { get; init; }

    public AbnormalityClass Class => Lesion?.Class ?? AbnormalityClass.Normal;

    public Severity? Severity => Lesion?.Severity;

    public Patient Patient => Scan.Patient;

    /// <summary><c>mdb005-1</c> for the scan's second lesion, <c>mdb003-n</c> for a normal scan's region, <c>mdb005-t2</c> for its third tissue region.</summary>
    public string Id => Lesion is { } lesion ? $"{Scan.Id}-{lesion.Index}" : TissueIndex is { } k ? $"{Scan.Id}-t{k}" : $"{Scan.Id}-n";
}
