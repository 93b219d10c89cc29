using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class PredictSettings : CommandSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("A finished run folder (mammo train).")]
    public string Run { get; init; } = string.Empty;

    [CommandArgument(1, "<IMAGE>")]
    [Description("A mammogram: PGM, PNG, JPEG, TIFF, BMP … (8 or 16 bit).")]
    public string Image { get; init; } = string.Empty;

    [CommandOption("--at <X,Y,R>")]
    [Description("The region: centre x, y and radius in pixels.")]
    public string? At { get; init; }

    [CommandOption("--origin <ORIGIN>")]
    [Description("mias: y counted from the bottom edge (as in Info.txt); top-left: image rows.")]
    [DefaultValue("mias")]
    public string Origin { get; init; } = "mias";

    [CommandOption("--no-tta")]
    [Description("Score the region as cut only, not the mean over its 8 rotations and mirrors.")]
    public bool NoTta { get; init; }

    [CommandOption("--json")]
    [Description("Print the prediction as JSON.")]
    public bool Json { get; init; }

    public (double X, double Y, double R) Region()
    {
        var parts = At!.Split(',').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    public override ValidationResult Validate()
    {
        if (At is null)
        {
            return ValidationResult.Error("--at X,Y,R is required (the whole-scan heat map is not available yet)");
        }

        var parts = At.Split(',');
        if (parts.Length != 3 || parts.Any(p => !double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return ValidationResult.Error($"--at '{At}': expected three numbers x,y,r, e.g. 535,425,197");
        }

        return Origin is "mias" or "top-left" ? ValidationResult.Success() : ValidationResult.Error($"--origin '{Origin}': expected mias or top-left");
    }
}
