namespace Mammo.Data;

/// <summary>Character of the background tissue (column 2 of Info.txt).</summary>
public enum Tissue
{
    Fatty,
    FattyGlandular,
    DenseGlandular,
}
