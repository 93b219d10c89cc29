namespace Mammo.Data;

/// <summary>One parsed row of Info.txt (a line that starts with <c>mdb</c>).</summary>
/// <param name="Severity">Null for NORM rows.</param>
/// <param name="Location">Null for NORM rows and for abnormal rows without coordinates.</param>
public sealed record LabelRow(
    int Line,
    string ScanId,
    int ScanNumber,
    Tissue Tissue,
    AbnormalityClass Class,
    Severity? Severity,
    LesionLocation? Location,
    string? Note);
