namespace Mammo.Data;

/// <summary>One mammogram (one film) and its labels. A normal scan lists no lesions.</summary>
/// <param name="Id">The reference, e.g. <c>mdb001</c>; the image file is <c>Id + ".pgm"</c>.</param>
/// <param name="Number">The number in the reference (1 for mdb001).</param>
/// <param name="Line">1-based line of the scan's first row in Info.txt.</param>
public sealed record Scan(string Id, int Number, Tissue Tissue, IReadOnlyList<Lesion> Lesions, int Line)
{
    public Patient Patient => Patient.OfScan(Number);

    public bool IsNormal => Lesions.Count == 0;

    public string FileName => Id + ".pgm";
}
