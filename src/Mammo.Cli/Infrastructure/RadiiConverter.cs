using Mammo.Cli.Commands;
using Mammo.Learning.Inference;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--radii R,R,...</c>: the heat map's lesion radii, each within <see cref="HeatmapOptions"/>' bounds.</summary>
public sealed class RadiiConverter : OptionConverter<IReadOnlyList<double>>
{
    protected override string OptionName => "--radii";

    protected override bool TryParse(string text, out IReadOnlyList<double> value, out string problem)
    {
        var radii = Numbers(text);
        value = radii;
        problem = $"{OptionName} '{text}': expected radii between {HeatmapOptions.SmallestRadius} and {HeatmapOptions.LargestRadius} pixels, e.g. {ScanHeatmap.DefaultRadiiText}";
        return radii.All(r => r is >= HeatmapOptions.SmallestRadius and <= HeatmapOptions.LargestRadius);
    }
}
