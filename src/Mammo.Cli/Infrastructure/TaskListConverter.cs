using Mammo.Sampling;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--tasks</c>: names of <see cref="ClassificationTask"/>s, kept as written (the plan records names).</summary>
public sealed class TaskListConverter : ListConverter<string>
{
    protected override string OptionName => "--tasks";

    protected override string Item => "task";

    protected override IEnumerable<string> Names => ClassificationTask.All.Select(t => t.Name);

    protected override bool TryItem(string name, out string item)
    {
        item = name;
        return ClassificationTask.TryParse(name, out _);
    }
}
