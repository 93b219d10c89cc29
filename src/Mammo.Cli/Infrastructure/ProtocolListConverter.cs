using Mammo.Runs;
using Mammo.Storage;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--protocols</c>: protocol names or their former names (<see cref="EnumNames"/>), not their numbers.</summary>
public sealed class ProtocolListConverter : ListConverter<EvaluationProtocol>
{
    protected override string OptionName => "--protocols";

    protected override string Item => "protocol";

    protected override IEnumerable<string> Names => ["leaky", "cv", "patient"];

    protected override bool TryItem(string name, out EvaluationProtocol item) =>
        EnumNames.TryParse(name, out item);
}
