namespace Mammo.Data;

/// <summary>Severity of an abnormality as labelled in MIAS (column 4 of Info.txt).</summary>
public enum Severity
{
    Benign,
    Malignant,
}
