using Mammo.Imaging;

namespace Mammo.Web;

/// <summary>What the viewer serves and how: the data, the runs, where it listens, and the limits on what it accepts.</summary>
public sealed record WebOptions
{
    public const long DefaultMaxUploadBytes = 64L << 20;

    /// <summary>A MIAS folder or the official .tar.gz, read in place.</summary>
    public required string DataPath { get; init; }

    /// <summary>The folder whose runs and experiments are listed (searched a few levels deep).</summary>
    public required string RunsPath { get; init; }

    /// <summary>Where thumbnails and scan PNGs are kept between starts; never inside the data or the runs.</summary>
    public required string CachePath { get; init; }

    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = 5173;

    /// <summary>The access token; one is generated when the host is not a loopback address and none is given.</summary>
    public string? Token { get; init; }

    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    public ImageLimits Limits { get; init; } = ImageLimits.Default;

    public bool Strict { get; init; }
}
