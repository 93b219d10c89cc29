namespace Mammo.Data;

/// <summary>
/// Something wrong with the input: where it is (file and line, when there is a line) and why it matters.
/// Outside strict mode the record it concerns is left out and counted as excluded.
/// </summary>
public sealed record DataIssue(string File, int? Line, string? ScanId, string Reason)
{
    public string Location => Line is { } line ? $"{File}:{line}" : File;

    public override string ToString() => $"{Location}: {Reason}";
}
