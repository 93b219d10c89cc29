using System.Globalization;
using Mammo.Learning.Inference;
using Spectre.Console;

namespace Mammo.Cli.Commands;

/// <summary>
/// The heat map's two options, shared by <c>predict</c> and <c>localise</c>: one parser, one check, the defaults
/// of <see cref="ScanHeatmap"/> (settings classes cannot share a base here: localise's derives from DataSettings).
/// </summary>
public static class HeatmapOptions
{
    public const string RadiiDescription = "Lesion radii (pixels) the heat map looks for; each is one scale (24 / r).";

    public const string MinimumInsideDescription = "The share of a region's square that must be breast tissue (windows across the skin line or film edge score high on contrast alone).";

    public const double SmallestRadius = 4;

    public const double LargestRadius = 1000;

    /// <summary>The radii of a checked --radii value.</summary>
    public static IReadOnlyList<double> Radii(string text) =>
        [.. text.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture))];

    /// <summary>The first problem with the two options, or null.</summary>
    public static ValidationResult? Check(string radii, double minimumInside)
    {
        if (minimumInside is < 0 or > 1)
        {
            return ValidationResult.Error($"--min-inside {minimumInside.ToString(CultureInfo.InvariantCulture)}: expected a share between 0 and 1");
        }

        return radii.Split(',').Any(r => !double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < SmallestRadius || v > LargestRadius)
            ? ValidationResult.Error($"--radii '{radii}': expected radii between {SmallestRadius} and {LargestRadius} pixels, e.g. {ScanHeatmap.DefaultRadiiText}")
            : null;
    }
}
