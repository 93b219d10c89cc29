namespace Mammo.Data;

/// <summary>What <see cref="MiasLabelReader"/> read: the rows it understood and the ones it could not.</summary>
/// <param name="RowCount">Every line that starts with <c>mdb</c>, understood or not.</param>
public sealed record LabelTable(string File, int RowCount, IReadOnlyList<LabelRow> Rows, IReadOnlyList<DataIssue> Issues);
