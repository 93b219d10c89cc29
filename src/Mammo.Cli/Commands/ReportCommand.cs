using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Learning.Experiments;
using Mammo.Reporting.Experiments;
using Mammo.Runs;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary>
/// <c>mammo report EXPERIMENT</c>: rewrite the summary and redraw the figures from the cells on disk (whichever
/// processes ran them), and write one self-contained HTML page.
/// </summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    private const string DefaultReport = "report.html";

    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = new ExperimentFolder(settings.Experiment);
        if (!Directory.Exists(folder.Path))
        {
            throw new MammoDataException($"{folder.Path}: no such experiment folder");
        }

        var plan = folder.ReadPlan();
        var output = settings.Out ?? folder.File(DefaultReport);
        new OutputGuard([new InputPath(folder.Path, [DefaultReport, ExperimentFolder.PlotsFolder, ExperimentFolder.SummaryCsvFile, ExperimentFolder.SummaryJsonFile, ExperimentFolder.LockFile]), new InputPath(DataLocator.Resolve(settings.Data ?? plan.DataPath))])
            .CheckFile(output, settings.Overwrite || settings.Out is null);
        var dataset = DataLocator.Load(settings, plan.DataPath);
        var checksum = DatasetChecksum.Compute(dataset.Source);
        if (plan.DataChecksum.Length > 0 && plan.DataChecksum != checksum)
        {
            throw new MammoDataException($"{dataset.Source.Path}: not the data the experiment was run on (checksum {checksum[..12]}…, the experiment has {plan.DataChecksum[..Math.Min(12, plan.DataChecksum.Length)]}…)");
        }

        new Experiment(dataset, plan, folder).WriteSummary();
        IReadOnlyList<ExperimentFigure> figures = [];
        console.Status().Start("drawing figures", _ => figures = ExperimentPlots.Draw(folder, dataset, cancellationToken));
        AtomicOutput.WriteAllText(output, ExperimentReport.Render(folder, dataset, figures, DateTimeOffset.UtcNow));
        console.MarkupLine($"wrote [bold]{Markup.Escape(output)}[/] ({figures.Count} figures, {new FileInfo(output).Length / 1024.0 / 1024.0:0.0} MB; open it in a browser, no server needed)");
        return 0;
    }
}
