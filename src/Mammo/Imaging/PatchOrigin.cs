using Mammo.Data;

namespace Mammo.Imaging;

/// <summary>
/// Where a patch is cut from and what it shows: a lesion, or a region of a normal scan (<see cref="Lesion"/>
/// null). <see cref="X"/>, <see cref="Y"/> are in MIAS convention (origin bottom-left).
/// </summary>
public sealed record PatchOrigin(Scan Scan, Lesion? Lesion, double X, double Y, double Radius)
{
    public AbnormalityClass Class => Lesion?.Class ?? AbnormalityClass.Normal;

    public Severity? Severity => Lesion?.Severity;

    public Patient Patient => Scan.Patient;

    /// <summary><c>mdb005-1</c> for the scan's second lesion, <c>mdb003-n</c> for a normal scan's region.</summary>
    public string Id => Lesion is { } lesion ? $"{Scan.Id}-{lesion.Index}" : $"{Scan.Id}-n";
}
