using System.ComponentModel;
using System.Globalization;
using Mammo.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class LocaliseSettings : DataSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("A finished patient or cv run (mammo train); cv scores each scan with the fold model that held it out.")]
    public string Run { get; init; } = string.Empty;

    [CommandOption("--min-inside <SHARE>")]
    [Description("The share of a region's square that must be breast tissue (windows across the skin line or film edge score high on contrast alone).")]
    [DefaultValue(0.9)]
    public double MinimumInside { get; init; } = 0.9;

    [CommandOption("--radii <R,R,...>")]
    [Description("Lesion radii (pixels) the heat map looks for, as for mammo predict.")]
    [DefaultValue("48,96")]
    public string Radii { get; init; } = "48,96";

    [CommandOption("--regions <N>")]
    [Description("Regions kept per scan: how far the FROC curve reaches.")]
    [DefaultValue(10)]
    public int Regions { get; init; } = 10;

    [CommandOption("--repeats <N>")]
    [Description("Random draws per scan for the chance baseline.")]
    [DefaultValue(100)]
    public int Repeats { get; init; } = 100;

    [CommandOption("--seed <N>")]
    [Description("Seed of the random baseline.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Where localisation.json, froc.csv, regions.csv and froc.png go (default RUN/localisation).")]
    public string? Out { get; init; }

    [CommandOption("--overwrite")]
    [Description("Replace an existing --out folder written by an earlier mammo localise.")]
    public bool Overwrite { get; init; }

    public IReadOnlyList<double> RadiusList() => [.. Radii.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture))];

    public override ValidationResult Validate()
    {
        if (MinimumInside is < 0 or > 1)
        {
            return ValidationResult.Error($"--min-inside {MinimumInside.ToString(CultureInfo.InvariantCulture)}: expected a share between 0 and 1");
        }

        if (Radii.Split(',').Any(r => !double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 4 || v > 1000))
        {
            return ValidationResult.Error($"--radii '{Radii}': expected radii between 4 and 1000 pixels, e.g. 48,96");
        }

        if (Regions < 5)
        {
            return ValidationResult.Error("--regions must be at least 5 (top-5 hit rates need five regions)");
        }

        return Repeats < 1 ? ValidationResult.Error("--repeats must be at least 1") : ValidationResult.Success();
    }
}
