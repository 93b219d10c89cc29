using Mammo.Learning.Inference;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--detector</c> of <c>localise</c>.</summary>
public sealed class DetectorConverter : EnumOptionConverter<DetectorKind>
{
    protected override string OptionName => "--detector";

    protected override string Item => "detector";
}
