namespace Mammo.Data;

/// <summary>The bytes of one scan image file, as stored (e.g. a binary PGM).</summary>
public sealed record ScanFile(string FileName, byte[] Content);
