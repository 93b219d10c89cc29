using System.ComponentModel;
using Mammo.Imaging;
using Spectre.Console.Cli;

namespace Mammo.Cli.Infrastructure;

/// <summary>Options shared by every command that reads data (MIAS, a manifest, CBIS-DDSM).</summary>
public class DataSettings : CommandSettings
{
    [CommandOption("-d|--data <PATH>")]
    [Description("The data: a MIAS folder (Info.txt + mdbNNN.pgm) or all-mias.tar.gz, a dataset manifest (.csv, docs/data.md), or a CBIS-DDSM folder. Default: $MAMMO_DATA, else ./data.")]
    public string? Data { get; init; }

    [CommandOption("--strict")]
    [Description("Fail on the first data issue instead of leaving the record out.")]
    public bool Strict { get; init; }

    [CommandOption("--max-pixels <N>")]
    [Description("Refuse images whose header claims more pixels than this, before decoding them.")]
    [DefaultValue(ImageLimits.DefaultMaxPixels)]
    public long MaxPixels { get; init; }

    public ImageLimits Limits => LimitsOf(MaxPixels);

    /// <exception cref="InvalidSettingException">Not a positive number.</exception>
    public static ImageLimits LimitsOf(long maxPixels) =>
        maxPixels >= 1 ? new ImageLimits(maxPixels) : throw new InvalidSettingException("--max-pixels", $"--max-pixels {maxPixels}: must be at least 1");
}
