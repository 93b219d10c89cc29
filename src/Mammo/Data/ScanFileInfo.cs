namespace Mammo.Data;

/// <summary>A scan image file found in a <see cref="DatasetSource"/>: its name, size and first bytes (for the header).</summary>
public sealed record ScanFileInfo(string FileName, long Length, byte[] Head);
