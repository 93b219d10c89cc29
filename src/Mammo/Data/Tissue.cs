namespace Mammo.Data;

/// <summary>Character of the background tissue (column 2 of Info.txt).</summary>
public enum Tissue
{
    Fatty,
    FattyGlandular,
    DenseGlandular,

    /// <summary>Not given: datasets other than MIAS (CBIS-DDSM's breast density is a BI-RADS grade, not this).</summary>
    Unknown,
}
