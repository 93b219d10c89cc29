using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Mammo.Imaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class PatchesSettings : DataSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder to write PNGs and manifest.csv into (created; written under a temporary name first).")]
    public string? Out { get; init; }

    [CommandOption("--variants <SCHEME>")]
    [Description("dihedral (8 rotations/mirrors, every located lesion), original (the original study's: 12 copies, first lesion per scan; formerly 'seed'), none.")]
    [DefaultValue("dihedral")]
    [TypeConverter(typeof(VariantsConverter))]
    public VariantScheme Variants { get; init; }

    [CommandOption("--size <PIXELS>")]
    [Description("Side of the square patch.")]
    [DefaultValue(48)]
    public int Size { get; init; }

    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("--radius <RULE>")]
    [Description("Cut radius: lesion (as labelled), fixed:N, scale:F, scale:F,min:N.")]
    [DefaultValue("lesion")]
    public string Radius { get; init; } = null!;

    [CommandOption("--normal-radius <PIXELS>")]
    [Description("Cut radius for normal scans.")]
    [DefaultValue(48.0)]
    public double NormalRadius { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed for the normal scans' random centres.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Threads (0: one per core).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--overwrite")]
    [Description("Replace an existing, non-empty output folder (only once the new one is complete).")]
    public bool Overwrite { get; init; }

    public PatchOptions ToOptions() => new()
    {
        Size = Size,
        Variants = Variants,
        Radius = RadiusRule.Parse(Radius),
        NormalRadius = NormalRadius,
        Seed = Seed,
        Threads = Threads,
    };

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("--out DIR is required");
        }

        if (Size is < 4 or > 1024)
        {
            return ValidationResult.Error($"--size {Size}: must be 4..1024");
        }

        if (NormalRadius <= 0)
        {
            return ValidationResult.Error($"--normal-radius {NormalRadius}: must be positive");
        }

        try
        {
            RadiusRule.Parse(Radius);
        }
        catch (InvalidSettingException e)
        {
            return ValidationResult.Error("--radius: " + e.Message);
        }

        return ValidationResult.Success();
    }
}
