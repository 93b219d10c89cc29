namespace Mammo.Data;

/// <summary>
/// A MIAS patient. Films come in pairs: mdb(2k−1) and mdb(2k) are the two breasts of patient k,
/// so every split that must keep a patient on one side groups by this.
/// </summary>
public readonly record struct Patient(int Number)
{
    public static Patient OfScan(int scanNumber) => new((scanNumber + 1) / 2);

    public override string ToString() => $"P{Number:000}";
}
