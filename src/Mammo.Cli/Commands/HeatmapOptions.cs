using System.Globalization;
using Mammo.Learning.Inference;
using Spectre.Console;

namespace Mammo.Cli.Commands;

/// <summary>
/// The heat map's two options, shared by <c>predict</c> and <c>localise</c>: their descriptions, the bounds of
/// --radii (read by <see cref="Infrastructure.RadiiConverter"/>) and the check of --min-inside; the defaults are
/// <see cref="ScanHeatmap"/>'s (settings classes cannot share a base here: localise's derives from DataSettings).
/// </summary>
public static class HeatmapOptions
{
    public const string RadiiDescription = "Lesion radii (pixels) the heat map looks for; each is one scale (24 / r).";

    public const string MinimumInsideDescription = "The share of a region's square that must be breast tissue (windows across the skin line or film edge score high on contrast alone).";

    public const double SmallestRadius = 4;

    public const double LargestRadius = 1000;

    /// <summary>The problem with --min-inside, or null.</summary>
    public static ValidationResult? Check(double minimumInside) =>
        minimumInside is < 0 or > 1
            ? ValidationResult.Error($"--min-inside {minimumInside.ToString(CultureInfo.InvariantCulture)}: expected a share between 0 and 1")
            : null;
}
