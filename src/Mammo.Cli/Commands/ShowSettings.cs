using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Mammo.Imaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class ShowSettings : DataSettings
{
    [CommandArgument(0, "<SCAN>")]
    [Description("The scan, e.g. mdb005.")]
    public string Scan { get; init; } = string.Empty;

    [CommandOption("-o|--out <FILE>")]
    [Description("PNG of the scan with each abnormality circled and labelled.")]
    public string? Out { get; init; }

    [CommandOption("--gallery <FILE>")]
    [Description("PNG of one region's augmented variants (default: next to --out, as SCAN-LESION-variants.png).")]
    public string? Gallery { get; init; }

    [CommandOption("--lesion <INDEX>")]
    [Description("Which lesion's variants to show (0-based); normal scans show their random region.")]
    [DefaultValue(0)]
    public int Lesion { get; init; }

    [CommandOption("--variants <SCHEME>")]
    [Description("dihedral (8) or original (the original study's 12; formerly 'seed').")]
    [DefaultValue("dihedral")]
    [TypeConverter(typeof(VariantsConverter))]
    public VariantScheme Variants { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed for a normal scan's random region.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--overwrite")]
    [Description("Replace existing output files.")]
    public bool Overwrite { get; init; }

    [CommandOption("--width <PIXELS>")]
    [Description("Width of the scan picture.")]
    [DefaultValue(1000)]
    public int Width { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out FILE.png is required")
        : Width is < 200 or > 8000 ? ValidationResult.Error($"--width {Width}: must be 200..8000")
        : Lesion < 0 ? ValidationResult.Error("--lesion must be 0 or more")
        : ValidationResult.Success();
}
