using Mammo.Learning.Networks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo model list</c>: the networks <c>--model</c> accepts.</summary>
public sealed class ModelListCommand(IAnsiConsole console) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("name").AddColumn("network");
        foreach (var model in ModelRegistry.Models)
        {
            // A former name is still accepted, and old runs record it: say which network it now is.
            var name = model.Aliases.Count == 0 ? model.Name : $"{model.Name} (formerly {string.Join(", ", model.Aliases)})";
            table.AddRow(Markup.Escape(name), Markup.Escape(model.Description));
        }

        console.Write(table);
        return 0;
    }
}
