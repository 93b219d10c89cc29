using System.Globalization;
using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Reporting.Experiments;
using Mammo.Runs;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary>
/// <c>mammo experiment</c>: the original study's grid (groups × balancing × protocol) as run folders under one
/// experiment folder, with a summary table; rerunning skips finished cells. Ctrl+C stops after the batch.
/// <c>--list-cells</c> and <c>--cell ID</c> hand the cells to a cluster's scheduler, one process per cell
/// (docs/scaling.md).
/// </summary>
public sealed class ExperimentCommand(IAnsiConsole console) : Command<ExperimentSettings>
{
    /// <summary>EX_TEMPFAIL (sysexits.h): <c>--cell</c> found its cell locked by another process, which is training it.</summary>
    public const int CellLocked = 75;

    public override int Execute(CommandContext context, ExperimentSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The cells depend on the grid alone, so listing them and checking an id need neither the data nor the folder.
        var cells = settings.Plan(string.Empty, string.Empty);
        if (settings.ListCells)
        {
            foreach (var c in cells.Cells())
            {
                console.Profile.Out.Writer.WriteLine(c.Name);
            }

            return 0;
        }

        var only = settings.Cell is { } id ? cells.Cell(id) : null;
        new OutputGuard(DataLocator.Inputs(settings.Data)).CheckInputs(settings.OutFolder);
        var dataset = DataLocator.Load(settings);
        var threads = settings.Jobs > 1 ? ExperimentJobs.ThreadsPerJob(settings.Jobs, settings.Threads) : settings.Threads;
        var plan = settings.Plan(dataset.Source.Path, DatasetChecksum.Compute(dataset.Source)) with { Threads = threads };
        var folder = new ExperimentFolder(settings.OutFolder);
        console.MarkupLine($"experiment [bold]{Markup.Escape(folder.Path)}[/]: {plan.Cells().Count} cells ({Markup.Escape(string.Join(", ", plan.Tasks))} × {Markup.Escape(string.Join(", ", plan.Balancings).ToLowerInvariant())} × {Markup.Escape(string.Join(", ", plan.Protocols).ToLowerInvariant())}), at most {plan.Epochs} epochs, {plan.Folds} folds");
        // The folder and its plan exist before any job starts, so no job finds a half-made folder of something else.
        if (settings.Jobs > 1)
        {
            folder.Open(plan, keepPlan: false, cancellationToken);
        }

        using var jobs = settings.Jobs > 1 ? ExperimentJobs.Start(settings.Jobs - 1, threads, Path.Combine(folder.Path, "jobs")) : null;
        if (jobs is not null)
        {
            console.MarkupLine($"[grey]{Markup.Escape($"{settings.Jobs} processes of {threads} thread(s) each share the cells; the others' output: {Path.Combine(folder.Path, "jobs")}")}[/]");
        }

        var results = Run(dataset, plan, folder, only, cancellationToken);
        var experiment = new Experiment(dataset, plan, folder);
        if (jobs is not null)
        {
            foreach (var failure in jobs.WaitAll(cancellationToken))
            {
                console.MarkupLine($"[red]{Markup.Escape(failure)}[/]");
            }

            // Whichever process wrote the summary last, it is rewritten now that every job has stopped; the cells this
            // process found locked were the jobs', and what they left is on disk.
            experiment.WriteSummary();
            results = [.. results.Where(r => r.Status != ExperimentCellStatus.Locked)];
        }

        if (only is not null && results[0].Status == ExperimentCellStatus.Locked)
        {
            return CellLocked;
        }

        PrintSummary(experiment.Summary(results));
        if (results.Any(r => r.Status == ExperimentCellStatus.Interrupted))
        {
            console.MarkupLine($"[yellow]stopped; run the same command again to continue ({Markup.Escape(folder.Path)})[/]");
            return CommandErrors.Cancelled;
        }

        // Figures only once every cell is finished, whichever process finished it: the last one to finish draws them.
        if (!experiment.Finished())
        {
            console.MarkupLine($"[grey]{Markup.Escape($"cells are still running or to run; the process finishing the last one draws the figures (or: mammo report {settings.OutFolder})")}[/]");
        }
        else if (!settings.NoPlots)
        {
            var plots = ExperimentPlots.Draw(folder, dataset, cancellationToken);
            console.MarkupLine($"drew {plots.Count} figures in [bold]{Markup.Escape(Path.Combine(folder.Path, ExperimentFolder.PlotsFolder))}[/]");
        }

        console.MarkupLine($"summary: [bold]{Markup.Escape(folder.File(ExperimentFolder.SummaryCsvFile))}[/]; report: mammo report {Markup.Escape(settings.OutFolder)} --out report.html");
        return 0;
    }

    private IReadOnlyList<ExperimentCellResult> Run(Dataset dataset, ExperimentPlan plan, ExperimentFolder folder, ExperimentCell? only, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExperimentCellResult> results = [];
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var grid = progress.AddTask("cells", maxValue: only is null ? plan.Cells().Count : 1);
                ProgressTask? current = null;
                var observer = new ExperimentObserver
                {
                    OnCellStart = (cell, index, count) => grid.Description = Markup.Escape($"cell {index + 1}/{count}: {cell.Name}"),
                    OnCellEnd = result =>
                    {
                        grid.Increment(1);
                        current?.StopTask();
                        current = null;
                        var colour = result.Status switch
                        {
                            ExperimentCellStatus.Failed => "red",
                            ExperimentCellStatus.Interrupted or ExperimentCellStatus.Locked => "yellow",
                            _ => "grey",
                        };
                        var seconds = result.Seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $", {s:0} s") : string.Empty;
                        console.MarkupLine($"[{colour}]{Markup.Escape($"{result.Cell.Name}: {result.Status.ToString().ToLowerInvariant()} ({result.Detail}{seconds})")}[/]");
                    },
                    Run = new RunObserver
                    {
                        OnUnitStart = (name, epochs) =>
                        {
                            current?.StopTask();
                            current = progress.AddTask(Markup.Escape($"  {name}"), maxValue: epochs);
                        },
                        OnBatch = b => current!.Value = b.Epoch - 1 + ((double)b.Batch / b.Batches),
                        OnEpoch = (e, _) => current!.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"  epoch {e.Epoch} val_loss {e.ValidationLoss:0.0000} val_acc {e.ValidationAccuracy:0.000}")),
                    },
                };
                var experiment = new Experiment(dataset, plan, folder, observer);
                results = only is null ? experiment.Run(cancellationToken) : [experiment.RunCell(only, cancellationToken)];
                current?.StopTask();
                grid.StopTask();
            });
        return results;
    }

    private void PrintSummary(IReadOnlyList<ExperimentSummaryRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("experiment summary (test part; positive class = malignant)")
            .AddColumn("cell").AddColumn("status").AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned())
            .AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("F1").RightAligned())
            .AddColumn(new TableColumn("AUC (95% CI)").RightAligned()).AddColumn(new TableColumn("metadata baseline AUC").RightAligned()).AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var r in rows)
        {
            var name = r.Leaky ? $"{Markup.Escape(r.Cell)} [yellow](leaky)[/]" : Markup.Escape(r.Cell);
            var auc = r.Auc is { } a ? string.Create(CultureInfo.InvariantCulture, $"{a:0.000} ({r.AucLower:0.000}–{r.AucUpper:0.000})") : "–";
            var metadata = r.Baselines.GetValueOrDefault("metadata") is { Auc: { } m } b ? string.Create(CultureInfo.InvariantCulture, $"{m:0.000} ({b.AucLower:0.000}–{b.AucUpper:0.000})") : "–";
            table.AddRow(name, Markup.Escape(ExperimentSummary.Text(r.Status)), Format(r.TestCount), Format(r.Accuracy), Format(r.Precision), Format(r.Recall), Format(r.F1), auc, metadata, r.Seconds is { } s ? s.ToString("0", CultureInfo.InvariantCulture) : "–");
        }

        console.Write(table);
        console.MarkupLine("[grey]n: test lesions (cv: all, out of fold) or test patches (leaky protocol, the original study's: its numbers are inflated). Metadata baseline: logistic regression on abnormality class and radius, no pixels, on the same folds.[/]");
    }

    private static string Format(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–";

    private static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";
}
