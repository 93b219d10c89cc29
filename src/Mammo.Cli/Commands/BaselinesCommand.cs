using Mammo.Baselines;
using Mammo.Cli.Infrastructure;
using Mammo.Learning.Baselines;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary>
/// <c>mammo baselines</c>: the baselines alone, in seconds, on the split <c>mammo train</c> would make with the
/// same task, protocol, folds, fractions and seed.
/// </summary>
public sealed class BaselinesCommand(IAnsiConsole console) : Command<BaselinesSettings>
{
    public override int Execute(CommandContext context, BaselinesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Out is { } output)
        {
            new OutputGuard(DataLocator.Inputs(settings.Data)).CheckFile(output, settings.Overwrite);
        }

        var dataset = DataLocator.Load(settings);
        var (train, validation, test) = settings.Split;
        var config = new RunConfig
        {
            Task = settings.Task,
            Protocol = settings.Protocol,
            Folds = settings.Folds,
            TrainFraction = train,
            ValidationFraction = validation,
            TestFraction = test,
            Seed = settings.Seed,
            TissuePerScan = settings.TissuePerScan,
        };
        var plan = RunSplit.Plan(dataset, config);
        var report = BaselineRunner.Run(dataset.Source, plan.Task, plan.Units, settings.Seed, cancellationToken: cancellationToken);
        if (settings.Out is { } file)
        {
            AtomicOutput.WriteAllText(file, BaselineTable.Write(report.Scores));
        }

        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(Json.Serialize(report.ByName()));
            return 0;
        }

        console.Write(new Rule($"[bold]{Markup.Escape(plan.Task.Name)}[/] · {settings.Protocol.ToString().ToLowerInvariant()} protocol · {report.Scores.Rows.Count} held-out samples · seed {settings.Seed}").LeftJustified());
        BaselinePrinter.Print(console, report.Summaries);
        if (settings.Out is { } written)
        {
            console.MarkupLine($"scores: [bold]{Markup.Escape(Path.GetFullPath(written))}[/]");
        }

        return 0;
    }
}
