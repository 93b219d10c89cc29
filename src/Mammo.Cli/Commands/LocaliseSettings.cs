using System.ComponentModel;
using System.Globalization;
using Mammo.Cli.Infrastructure;
using Mammo.Learning.Inference;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class LocaliseSettings : DataSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("A finished patient or cv run (mammo train); cv scores each scan with the fold model that held it out.")]
    public string Run { get; init; } = string.Empty;

    [CommandOption("--detector <KIND>")]
    [Description("What scores the windows: network (the run's own), features (a linear model on hand-crafted features of each window, fitted to put first the windows of each training scan that hold a lesion, on each fold's training and validation patients: the fits a detect run stores, or fitted here for an older run), combined (the mean of both log-odds) or auto (what mammo predict maps with by default: combined where the run stores a feature detector, otherwise network).")]
    [DefaultValue("auto")]
    [TypeConverter(typeof(DetectorConverter))]
    public DetectorKind Detector { get; init; }

    [CommandOption("--bilateral")]
    [Description("Also score each region against the patient's other breast (its log-odds minus half the best log-odds near the mirrored point), mapping that film too, and report those rates beside the plain ones.")]
    public bool Bilateral { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Threads for the feature detector's features (0: one per core).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--min-inside <SHARE>")]
    [Description(HeatmapOptions.MinimumInsideDescription)]
    [DefaultValue(ScanHeatmap.DefaultMinimumInside)]
    public double MinimumInside { get; init; }

    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("--radii <R,R,...>")]
    [Description(HeatmapOptions.RadiiDescription)]
    [DefaultValue(ScanHeatmap.DefaultRadiiText)]
    [TypeConverter(typeof(RadiiConverter))]
    public IReadOnlyList<double> Radii { get; init; } = null!;

    [CommandOption("--regions <N>")]
    [Description("Regions kept per scan: how far the FROC curve reaches.")]
    [DefaultValue(10)]
    public int Regions { get; init; }

    [CommandOption("--repeats <N>")]
    [Description("Random draws per scan for the chance baseline.")]
    [DefaultValue(100)]
    public int Repeats { get; init; }

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

    public override ValidationResult Validate()
    {
        if (HeatmapOptions.Check(MinimumInside) is { } heatmap)
        {
            return heatmap;
        }

        if (Regions < 5)
        {
            return ValidationResult.Error("--regions must be at least 5 (top-5 hit rates need five regions)");
        }

        if (Threads < 0)
        {
            return ValidationResult.Error("--threads must be 0 (one per core) or more");
        }

        return Repeats < 1 ? ValidationResult.Error("--repeats must be at least 1") : ValidationResult.Success();
    }
}
