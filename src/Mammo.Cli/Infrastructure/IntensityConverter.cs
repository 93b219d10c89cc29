using Mammo.Preprocessing;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--intensity unit|zscore</c>: the intensity scaling of the run's preprocessing (<see cref="PatchPipeline.IntensityOf"/>).</summary>
public sealed class IntensityConverter : DomainOptionConverter<IntensityScaling>
{
    protected override string OptionName => "--intensity";

    protected override IntensityScaling ParseText(string text) => PatchPipeline.IntensityOf(text);
}
