using Mammo.Sampling;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--balancing</c> of <c>experiment</c>: balancing names (not their numbers, which Enum.TryParse would take).</summary>
public sealed class BalancingListConverter : ListConverter<Balancing>
{
    protected override string OptionName => "--balancing";

    protected override string Item => "balancing";

    protected override IEnumerable<string> Names => ["class", "full", "none", "weights"];

    protected override bool TryItem(string name, out Balancing item) =>
        Enum.TryParse(name, true, out item) && !int.TryParse(name, out _);
}
