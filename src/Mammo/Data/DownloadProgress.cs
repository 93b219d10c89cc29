namespace Mammo.Data;

/// <summary>How far a download has got.</summary>
/// <param name="BytesReceived">Bytes written to disk so far.</param>
/// <param name="TotalBytes">The size the server announced (Content-Length), or null when it did not say.</param>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes)
{
    /// <summary>Share done, 0 to 1, or null when the total is unknown.</summary>
    public double? Fraction => TotalBytes is { } total && total > 0 ? Math.Min(1.0, (double)BytesReceived / total) : null;
}
