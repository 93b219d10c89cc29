using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class PredictSettings : CommandSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("A finished run folder (mammo train).")]
    public string Run { get; init; } = string.Empty;

    [CommandArgument(1, "<IMAGE>")]
    [Description("A mammogram: PGM, PNG, JPEG, TIFF, BMP … (8 or 16 bit); or a folder of them, or a MIAS .tar.gz, for a batch.")]
    public string Image { get; init; } = string.Empty;

    [CommandOption("--at <X,Y,R>")]
    [Description("The region: centre x, y and radius in pixels.")]
    [TypeConverter(typeof(RegionConverter))]
    public PixelCircle? At { get; init; }

    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("--origin <ORIGIN>")]
    [Description("mias: y counted from the bottom edge (as in Info.txt); top-left: image rows.")]
    [DefaultValue("mias")]
    public string Origin { get; init; } = null!;

    [CommandOption("--no-tta")]
    [Description("Score the region as cut only, not the mean over its 8 rotations and mirrors.")]
    public bool NoTta { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("Without --at: the heat-map overlay PNG (default IMAGE-heatmap.png); for a batch, the CSV (default heatmap-regions.csv).")]
    public string? Out { get; init; }

    [CommandOption("--top <K>")]
    [Description("Without --at: how many suspicious regions to list.")]
    [DefaultValue(5)]
    public int Top { get; init; }

    [CommandOption("--min-inside <SHARE>")]
    [Description(HeatmapOptions.MinimumInsideDescription)]
    [DefaultValue(ScanHeatmap.DefaultMinimumInside)]
    public double MinimumInside { get; init; }

    [CommandOption("--radii <R,R,...>")]
    [Description(HeatmapOptions.RadiiDescription)]
    [DefaultValue(ScanHeatmap.DefaultRadiiText)]
    [TypeConverter(typeof(RadiiConverter))]
    public IReadOnlyList<double> Radii { get; init; } = null!;

    [CommandOption("--detector <KIND>")]
    [Description("Without --at: what scores the heat map's windows. network (the run's own), features (the linear model on hand-crafted features of each window that a detect run stores, fitted on the same folds to rank each training scan's windows), combined (the mean of both log-odds: the heat map measured best, docs/prediction.md) or auto (combined where the run stores a feature detector, otherwise network).")]
    [DefaultValue("auto")]
    [TypeConverter(typeof(DetectorConverter))]
    public DetectorKind Detector { get; init; }

    [CommandOption("--engine <ENGINE>")]
    [Description("onnx (the run's networks exported in memory and run by ONNX Runtime: measured 2.4× faster for heat maps, the same probabilities within 1e-5) or torch (libtorch, as trained).")]
    [DefaultValue(PredictionEngine.Onnx)]
    public PredictionEngine Engine { get; init; }

    [CommandOption("--overwrite")]
    [Description("Replace an existing overlay or CSV.")]
    public bool Overwrite { get; init; }

    [CommandOption("--max-pixels <N>")]
    [Description("Refuse images whose header claims more pixels than this, before decoding them.")]
    [DefaultValue(ImageLimits.DefaultMaxPixels)]
    public long MaxPixels { get; init; }

    [CommandOption("--class <CODE>")]
    [Description("With --at on a run trained with --fusion metadata: the region's abnormality class (CALC, CIRC, SPIC, MISC, ARCH, ASYM), which the fused model needs beside the radius.")]
    public string? Class { get; init; }

    [CommandOption("--json")]
    [Description("Print the prediction as JSON.")]
    public bool Json { get; init; }

    /// <summary>The abnormality class given with --class; null when none was.</summary>
    public Mammo.Data.AbnormalityClass? AbnormalityClass() =>
        Class is not null && Mammo.Data.MiasCodes.TryParseClass(Class.ToUpperInvariant(), out var value) ? value : null;

    /// <summary>
    /// The mode, decided once: a folder or an archive of scans (recognised as the data source that then reads it
    /// recognises one) is a batch; otherwise one image, a region of it with --at.
    /// </summary>
    public PredictMode Mode() =>
        Directory.Exists(Image) || DatasetSource.IsArchive(Image) ? PredictMode.Batch : At is null ? PredictMode.Heatmap : PredictMode.Region;

    public override ValidationResult Validate()
    {
        if (HeatmapOptions.Check(MinimumInside) is { } heatmap)
        {
            return heatmap;
        }

        if (Top < 1)
        {
            return ValidationResult.Error("--top must be at least 1");
        }

        if (Class is not null && (!Mammo.Data.MiasCodes.TryParseClass(Class.ToUpperInvariant(), out var abnormality) || abnormality == Mammo.Data.AbnormalityClass.Normal))
        {
            return ValidationResult.Error($"--class '{Class}': expected one of CALC, CIRC, SPIC, MISC, ARCH, ASYM");
        }

        if (Detector is not (DetectorKind.Network or DetectorKind.Auto) && At is not null)
        {
            return ValidationResult.Error("--detector chooses what scores a heat map's windows; with --at the run's network classifies the region");
        }

        if (Class is not null && At is null)
        {
            return ValidationResult.Error("--class describes the region given with --at");
        }

        return Origin is "mias" or "top-left" ? ValidationResult.Success() : ValidationResult.Error($"--origin '{Origin}': expected mias or top-left");
    }
}
