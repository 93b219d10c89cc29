using Mammo.Learning.Networks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo model summary</c>: layers, output shapes and parameter counts, as Keras' summary() prints them.</summary>
public sealed class ModelSummaryCommand(IAnsiConsole console) : Command<ModelSummarySettings>
{
    public override int Execute(CommandContext context, ModelSummarySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var model = ModelRegistry.Create(settings.Name, settings.Classes, seed: 0);
        console.Profile.Out.Writer.Write(NetworkSummary.Of(model).ToText());
        return 0;
    }
}
