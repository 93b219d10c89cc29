using Mammo.Runs;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--protocol</c> of <c>train</c> and <c>baselines</c>.</summary>
public sealed class ProtocolConverter : EnumOptionConverter<EvaluationProtocol>
{
    protected override string OptionName => "--protocol";

    protected override string Item => "protocol";
}
