using Mammo.Imaging;
using Mammo.Preprocessing;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--context lesion|fixed:N</c>: the crop rule of the run's preprocessing (<see cref="PatchPipeline.Context"/>).</summary>
public sealed class ContextConverter : OptionConverter<RadiusRule>
{
    protected override string OptionName => "--context";

    protected override bool TryParse(string text, out RadiusRule value, out string problem)
    {
        try
        {
            (value, problem) = (PatchPipeline.Context(text), string.Empty);
            return true;
        }
        catch (InvalidSettingException e)
        {
            (value, problem) = (RadiusRule.Lesion, $"{OptionName}: {e.Message}");
            return false;
        }
    }
}
