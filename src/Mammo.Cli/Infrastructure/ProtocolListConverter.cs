using Mammo.Runs;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--protocols</c>: protocol names (not their numbers, which Enum.TryParse would take).</summary>
public sealed class ProtocolListConverter : ListConverter<EvaluationProtocol>
{
    protected override string OptionName => "--protocols";

    protected override string Item => "protocol";

    protected override IEnumerable<string> Names => ["seed", "cv", "patient"];

    protected override bool TryItem(string name, out EvaluationProtocol item) =>
        Enum.TryParse(name, true, out item) && !int.TryParse(name, out _);
}
