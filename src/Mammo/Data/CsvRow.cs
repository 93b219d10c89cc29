namespace Mammo.Data;

/// <summary>One data row of a <see cref="CsvTable"/>, with the line it starts on.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The trimmed field, or empty where the row is shorter or the column absent.</summary>
    public string this[int? column] => column is { } c && c < Fields.Count ? Fields[c].Trim() : string.Empty;
}
