using System.Collections.Concurrent;
using System.Globalization;
using Mammo.Evaluation;
using Mammo.Learning.Training;
using Mammo.Reporting.Figures;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;
using Mammo.Web.Api;

namespace Mammo.Web.Services;

/// <summary>
/// A complete run's figures, drawn by Mammo.Reporting from the files the run wrote (history, predictions, metrics)
/// exactly as an experiment's report draws a cell's, and kept in memory until the run's predictions change.
/// </summary>
public sealed class RunFigures
{
    private readonly ConcurrentDictionary<(string Path, RunFigure Figure, DateTime Stamp), Lazy<byte[]?>> _drawn = new();

    /// <summary>The figures this run can be drawn as (calibration only for two classes, ROC when both classes were tested).</summary>
    public static IReadOnlyList<RunFigure> Available(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var figures = new List<RunFigure>();
        var config = run.ReadConfig();
        if (Units(config).Any(u => File.Exists(Path.Combine(run.UnitFolder(u), RunFolder.HistoryFile))))
        {
            figures.Add(RunFigure.Curves);
        }

        if (File.Exists(run.File(RunFolder.PredictionsFile)))
        {
            figures.AddRange([RunFigure.Confusion, RunFigure.Roc]);
            if (ClassificationTask.Parse(config.Task).ClassNames.Count == 2)
            {
                figures.Add(RunFigure.Calibration);
            }
        }

        return figures;
    }

    /// <summary>The figure's PNG, or null where the run has nothing to draw it from.</summary>
    public byte[]? Draw(RunFolder run, string name, RunFigure figure)
    {
        ArgumentNullException.ThrowIfNull(run);
        var predictions = run.File(RunFolder.PredictionsFile);
        var stamp = File.Exists(predictions) ? File.GetLastWriteTimeUtc(predictions) : DateTime.MinValue;
        return _drawn.GetOrAdd((run.Path, figure, stamp), _ => new Lazy<byte[]?>(() => Render(run, name, figure))).Value;
    }

    private static IEnumerable<int?> Units(RunConfig config) =>
        config.Protocol == EvaluationProtocol.Cv ? Enumerable.Range(0, config.Folds).Select(f => (int?)f) : [null];

    private static byte[]? Render(RunFolder run, string name, RunFigure figure)
    {
        var config = run.ReadConfig();
        var task = ClassificationTask.Parse(config.Task);
        var leaky = config.Leaky ? " (leaky protocol)" : string.Empty;
        if (figure == RunFigure.Curves)
        {
            var curves = Units(config).Select(u => (Unit: u, File: Path.Combine(run.UnitFolder(u), RunFolder.HistoryFile)))
                .Where(u => File.Exists(u.File))
                .Select(u =>
                {
                    var epochs = HistoryFile.Read(u.File);
                    var best = epochs.MinBy(e => e.ValidationLoss)?.Epoch ?? 0;
                    return new CurveSet(u.Unit is { } f ? $"fold {f}" : "model", [.. epochs.Select(e => new EpochPoint(e.Epoch, e.Loss, e.Accuracy, e.ValidationLoss, e.ValidationAccuracy))], best);
                })
                .ToList();
            return curves.Count == 0 ? null : TrainingCurvesFigure.RenderPng($"{name}{leaky}: training curves", curves);
        }

        var file = run.File(RunFolder.PredictionsFile);
        if (!File.Exists(file))
        {
            return null;
        }

        var predictions = PredictionTable.Read(InputFile.ReadText(file, InputFile.MaxCsvBytes), task.ClassNames, file);
        var positive = task.PositiveClass;
        switch (figure)
        {
            case RunFigure.Confusion:
                var counts = Enumerable.Range(0, task.ClassCount).Select(t => Enumerable.Range(0, task.ClassCount).Select(p => predictions.Count(x => x.TrueLabel == t && x.PredictedLabel == p)).ToArray()).ToArray();
                return ConfusionFigure.RenderPng($"{name}{leaky}", task.ClassNames, counts);
            case RunFigure.Roc:
                var standing = File.Exists(run.File(RunFolder.MetricsFile)) ? HeldOutPerformance.Read(run) : null;
                var pooled = Roc(predictions.Count > 0 && config.Protocol == EvaluationProtocol.Cv ? "pooled out-of-fold" : "test", predictions, positive);
                if (pooled is null)
                {
                    return null;
                }

                var folds = config.Protocol == EvaluationProtocol.Cv
                    ? Enumerable.Range(0, config.Folds).Select(f => Roc(string.Create(CultureInfo.InvariantCulture, $"fold {f}"), [.. predictions.Where(p => p.Fold == f)], positive)).OfType<RocLine>().ToList()
                    : [];
                return RocFigure.RenderPng($"{name}{leaky}: ROC", pooled with { AucLower = standing?.AucLower, AucUpper = standing?.AucUpper }, folds);
            case RunFigure.Calibration:
                return task.ClassNames.Count != 2 || predictions.Count == 0 ? null
                    : ReliabilityFigure.RenderPng($"{name}{leaky}", CalibrationSummary.Of(predictions, positive), task.ClassNames[positive]);
            default:
                return null;
        }
    }

    private static RocLine? Roc(string name, IReadOnlyList<Prediction> predictions, int positive)
    {
        var labels = predictions.Select(p => p.TrueLabel == positive ? 1 : 0).ToArray();
        if (labels.All(l => l == 1) || labels.All(l => l == 0))
        {
            return null;
        }

        var curve = RocCurve.Compute(labels, [.. predictions.Select(p => p.Probabilities[positive])]);
        return new RocLine(name, [.. curve.Points.Select(p => p.FalsePositiveRate)], [.. curve.Points.Select(p => p.TruePositiveRate)], curve.Auc, null, null);
    }
}
