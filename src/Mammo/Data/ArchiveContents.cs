namespace Mammo.Data;

/// <summary>What a mini-MIAS archive holds.</summary>
/// <param name="ScanCount">Distinct regular files named <c>mdbNNN.pgm</c>, whatever folder they are in.</param>
/// <param name="HasLabels">Whether the archive holds <c>Info.txt</c>, the label table.</param>
public sealed record ArchiveContents(int ScanCount, bool HasLabels);
