using System.Globalization;
using Mammo.Baselines;
using Mammo.Learning.Training;
using Mammo.Runs;
using Spectre.Console;

namespace Mammo.Cli.Infrastructure;

/// <summary>The baselines as one small table: pooled AUC with its bootstrap interval, and the mean over folds with its t-interval.</summary>
public static class BaselinePrinter
{
    /// <param name="network">The network's own row, printed first for comparison; null for the baselines alone.</param>
    public static void Print(IAnsiConsole console, IReadOnlyList<BaselineSummary> baselines, BaselineSummary? network = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(baselines);
        var table = new Table().Border(TableBorder.Rounded).Title("held-out ROC AUC beside baselines on the same split")
            .AddColumn("model").AddColumn(new TableColumn("n").RightAligned())
            .AddColumn(new TableColumn("pooled AUC (95% bootstrap CI)").RightAligned())
            .AddColumn(new TableColumn("mean over folds (95% t-interval)").RightAligned());
        foreach (var row in network is null ? baselines : [network, .. baselines])
        {
            table.AddRow(
                Markup.Escape(row == network ? row.Name : row.Name == Learning.Fusion.MetadataFusion.Name ? "fusion: network + metadata" : $"baseline: {row.Name}"),
                row.Count.ToString(CultureInfo.InvariantCulture),
                row.Auc is { } auc ? string.Create(CultureInfo.InvariantCulture, $"{auc:0.000} ({row.AucLower:0.000}–{row.AucUpper:0.000})") : "n/a",
                row.FoldAucMean is { } mean ? string.Create(CultureInfo.InvariantCulture, $"{mean:0.000} ({row.FoldAucLower:0.000}–{row.FoldAucUpper:0.000})") : "–");
        }

        console.Write(table);
    }

    /// <summary>One line each: calibration of the test probabilities, the validation-chosen threshold, and Platt scaling when asked for.</summary>
    public static void PrintCalibration(IAnsiConsole console, RunAssessment? assessment)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (assessment?.Calibration is { } calibration)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"calibration: Brier {calibration.Brier:0.000}, ECE {calibration.Ece:0.000} ({calibration.Bins.Count} bins)"));
        }

        if (assessment?.Threshold is { } threshold)
        {
            var chosen = string.Join(", ", threshold.Thresholds.Select(t => t?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a"));
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"threshold chosen on validation (Youden's J): {chosen} → test sensitivity {threshold.Sensitivity:0.000}, specificity {threshold.Specificity:0.000}"));
        }

        if (assessment?.Calibrated is { } platt)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"after Platt scaling (fitted on validation): Brier {platt.Calibration.Brier:0.000}, ECE {platt.Calibration.Ece:0.000}, pooled AUC {platt.Auc:0.000}"));
        }
    }
}
