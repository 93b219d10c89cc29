using Mammo.Preprocessing;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--intensity unit|zscore</c>: the intensity scaling of the run's preprocessing (<see cref="PatchPipeline.IntensityOf"/>).</summary>
public sealed class IntensityConverter : OptionConverter<IntensityScaling>
{
    protected override string OptionName => "--intensity";

    protected override bool TryParse(string text, out IntensityScaling value, out string problem)
    {
        try
        {
            (value, problem) = (PatchPipeline.IntensityOf(text), string.Empty);
            return true;
        }
        catch (InvalidSettingException e)
        {
            (value, problem) = (IntensityScaling.UnitRange, $"{OptionName}: {e.Message}");
            return false;
        }
    }
}
