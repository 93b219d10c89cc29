namespace Mammo.Data;

/// <summary>A dataset's own train/test assignment of a scan (CBIS-DDSM's official split, a manifest's split column).</summary>
public enum FixedSplit
{
    Train,
    Test,
}
