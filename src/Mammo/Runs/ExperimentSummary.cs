using System.Globalization;
using System.Text;
using System.Text.Json;
using Mammo.Baselines;
using Mammo.Data;
using Mammo.Storage;

namespace Mammo.Runs;

/// <summary>Builds the summary rows from the cells' metrics.json files, and writes them as CSV.</summary>
public static class ExperimentSummary
{
    public const string CsvHeader =
        "cell,task,balancing,protocol,leaky,status,test_count,accuracy,positive_class,precision,recall,f1,auc,auc_lower,auc_upper,fold_auc_mean,fold_auc_lower,fold_auc_upper,seconds,metadata_auc,metadata_auc_lower,metadata_auc_upper,detail";

    /// <summary>A state as the CSV and the report write it: complete, failed, interrupted, not run.</summary>
    public static string Text(ExperimentCellState state) => state == ExperimentCellState.NotRun ? "not run" : state.ToString().ToLowerInvariant();

    /// <summary>A protocol or balancing as the CSV writes it (the command line's spelling).</summary>
    public static string Text<T>(T value)
        where T : struct, Enum => EnumNames.Of(value);

    /// <summary>A row for a cell: metrics read from its run folder when the run is complete.</summary>
    public static ExperimentSummaryRow Row(ExperimentFolder experiment, ExperimentCell cell, ExperimentCellStatus? status, string detail)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(cell);
        var run = experiment.Cell(cell);
        var seconds = experiment.ReadSeconds(cell);
        var complete = System.IO.File.Exists(run.File(RunFolder.StatusFile)) && run.ReadStatus() == RunStatus.Complete && System.IO.File.Exists(run.File(RunFolder.MetricsFile));
        var leaky = cell.Protocol == EvaluationProtocol.Leaky;
        var failure = complete || status is not null ? null : experiment.ReadFailure(cell);
        var state = complete ? ExperimentCellState.Complete : status switch
        {
            ExperimentCellStatus.Failed => ExperimentCellState.Failed,
            ExperimentCellStatus.Interrupted => ExperimentCellState.Interrupted,
            _ when failure is not null => ExperimentCellState.Failed,
            _ => ExperimentCellState.NotRun,
        };
        detail = failure ?? detail;
        if (!complete)
        {
            return new ExperimentSummaryRow(cell.Name, cell.Task, cell.Balancing, cell.Protocol, leaky, state, detail, null, null, null, null, null, null, null, null, null, null, null, null, seconds);
        }

        var file = run.File(RunFolder.MetricsFile);
        var metrics = InputFile.ReadJson<RunMetrics>(file);
        var test = metrics.TestTta ?? throw new MammoDataException($"{file}: no 'test_tta'");
        var positive = test.PositiveClass;
        var classMetrics = test.Classes?.FirstOrDefault(c => c?.Name == positive)
            ?? throw new MammoDataException($"{file}: 'test_tta.classes' has no entry for the positive class '{positive}'");
        return new ExperimentSummaryRow(
            cell.Name,
            cell.Task,
            cell.Balancing,
            cell.Protocol,
            leaky,
            state,
            detail,
            test.Count,
            test.Accuracy,
            positive,
            classMetrics.Precision,
            classMetrics.Recall,
            classMetrics.F1Score,
            test.Auc,
            test.AucLower,
            test.AucUpper,
            metrics.FoldAucMean?.Mean,
            metrics.FoldAucMean?.Lower,
            metrics.FoldAucMean?.Upper,
            seconds) with
        {
            Baselines = metrics.Baselines ?? new Dictionary<string, BaselineSummary>(),
        };
    }

    public static string ToCsv(IEnumerable<ExperimentSummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.Cell, r.Task, Text(r.Balancing), Text(r.Protocol), r.Leaky ? "true" : "false", Text(r.Status), Number(r.TestCount), Number(r.Accuracy), r.PositiveClass ?? string.Empty,
                Number(r.Precision), Number(r.Recall), Number(r.F1), Number(r.Auc), Number(r.AucLower), Number(r.AucUpper),
                Number(r.FoldAucMean), Number(r.FoldAucLower), Number(r.FoldAucUpper), Number(r.Seconds),
                Number(r.Baselines.GetValueOrDefault("metadata")?.Auc), Number(r.Baselines.GetValueOrDefault("metadata")?.AucLower), Number(r.Baselines.GetValueOrDefault("metadata")?.AucUpper), Quote(r.Detail),
            ];
            text.AppendJoin(',', fields).Append('\n');
        }

        return text.ToString();
    }

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
