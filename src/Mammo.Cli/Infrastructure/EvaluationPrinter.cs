using System.Globalization;
using Mammo.Baselines;
using Mammo.Evaluation;
using Mammo.Learning.Training;
using Mammo.Runs;
using Spectre.Console;

namespace Mammo.Cli.Infrastructure;

/// <summary>Prints an evaluation the same way after <c>train</c> and from <c>evaluate</c>.</summary>
public static class EvaluationPrinter
{
    public static void Print(IAnsiConsole console, RunConfig config, ModelEvaluation evaluation, bool tta, FoldAucSummary? folds = null, IReadOnlyList<BaselineSummary>? baselines = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (config.Leaky)
        {
            console.MarkupLine($"[bold yellow]{Markup.Escape(RunMetrics.LeakyWarning)}[/]");
        }

        var unit = config.Leaky ? "test patches" : tta ? "test lesions, mean over 8 variants (TTA)" : "test lesions, one variant (no TTA)";
        console.Write(new Rule($"[bold]{config.Task}[/] · {config.Protocol.ToString().ToLowerInvariant()} protocol · {evaluation.Count} {unit}").LeftJustified());
        console.Profile.Out.Writer.WriteLine(evaluation.Report.ToString());
        var matrix = new Table().Border(TableBorder.Rounded).Title("confusion matrix (rows: true, columns: predicted)").AddColumn(string.Empty);
        var names = evaluation.Confusion.ClassNames;
        foreach (var name in names)
        {
            matrix.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        for (var t = 0; t < names.Count; t++)
        {
            matrix.AddRow([Markup.Escape(names[t]), .. Enumerable.Range(0, names.Count).Select(p => $"{evaluation.Confusion[t, p]} ({evaluation.Confusion.RowPercentage(t, p):0}%)")]);
        }

        console.Write(matrix);
        if (evaluation.Auc is { } auc)
        {
            var ci = evaluation.AucInterval!;
            var at = evaluation.AtThreshold!;
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"ROC AUC ({evaluation.PositiveClass} vs rest) [bold]{auc:0.000}[/] (95% CI {ci.Lower:0.000}–{ci.Upper:0.000}, {ci.Used} bootstrap resamples) · average precision {evaluation.AveragePrecision:0.000}"));
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"at p({evaluation.PositiveClass}) ≥ {at.Threshold:0.00}: sensitivity {at.Sensitivity:0.000}, specificity {at.Specificity:0.000}"));
        }
        else
        {
            console.MarkupLine("[yellow]ROC AUC undefined: the test part holds only one class[/]");
        }

        if (folds?.Aucs is { } aucs)
        {
            console.MarkupLine($"per-fold AUC: {string.Join(", ", aucs.Select(a => a?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a"))}");
            if (folds.Mean is { } mean)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"mean AUC over folds [bold]{mean.Mean:0.000}[/] (95% t-interval {mean.Lower:0.000}–{mean.Upper:0.000})"));
            }
        }

        if (baselines is { Count: > 0 })
        {
            var network = new BaselineSummary("network", evaluation.Count, evaluation.Auc, evaluation.AucInterval?.Lower, evaluation.AucInterval?.Upper, folds?.Aucs ?? [], folds?.Mean?.Mean, folds?.Mean?.Lower, folds?.Mean?.Upper);
            BaselinePrinter.Print(console, baselines, network);
        }
    }
}
