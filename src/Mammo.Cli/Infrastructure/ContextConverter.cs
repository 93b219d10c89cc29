using Mammo.Imaging;
using Mammo.Preprocessing;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--context lesion|fixed:N</c>: the crop rule of the run's preprocessing (<see cref="PatchPipeline.Context"/>).</summary>
public sealed class ContextConverter : DomainOptionConverter<RadiusRule>
{
    protected override string OptionName => "--context";

    protected override RadiusRule ParseText(string text) => PatchPipeline.Context(text);
}
