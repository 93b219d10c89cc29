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

    /// <summary>The status of a cell whose run is complete.</summary>
    public const string CompleteState = "complete";

    /// <summary>The status of a cell whose last attempt failed (its reason is the row's detail).</summary>
    public const string FailedState = "failed";

    /// <summary>A row for a cell: metrics read from its run folder when the run is complete.</summary>
    public static ExperimentSummaryRow Row(ExperimentFolder experiment, ExperimentCell cell, ExperimentCellStatus? status, string detail)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(cell);
        var run = experiment.Cell(cell);
        var seconds = experiment.ReadSeconds(cell);
        var complete = System.IO.File.Exists(run.File(RunFolder.StatusFile)) && run.ReadStatus() == RunStatus.Complete && System.IO.File.Exists(run.File(RunFolder.MetricsFile));
        var protocol = cell.Protocol.ToString().ToLowerInvariant();
        var balancing = cell.Balancing.ToString().ToLowerInvariant();
        var leaky = cell.Protocol == EvaluationProtocol.Seed;
        var failure = complete || status is not null ? null : experiment.ReadFailure(cell);
        var state = complete ? CompleteState : status switch
        {
            ExperimentCellStatus.Failed => FailedState,
            ExperimentCellStatus.Interrupted => "interrupted",
            _ when failure is not null => FailedState,
            _ => "not run",
        };
        detail = failure ?? detail;
        if (!complete)
        {
            return new ExperimentSummaryRow(cell.Name, cell.Task, balancing, protocol, leaky, state, detail, null, null, null, null, null, null, null, null, null, null, null, null, seconds);
        }

        var file = run.File(RunFolder.MetricsFile);
        using var metrics = InputFile.ReadJsonDocument(file);
        var test = metrics.RootElement.Property("test_tta", file);
        var positive = test.Text("positive_class", file);
        var classes = test.Property("classes", file);
        var classMetrics = (classes.ValueKind == JsonValueKind.Array ? classes.EnumerateArray() : default)
            .FirstOrDefault(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() == positive);
        if (classMetrics.ValueKind != JsonValueKind.Object)
        {
            throw new MammoDataException($"{file}: 'test_tta.classes' has no entry for the positive class '{positive}'");
        }

        double? fold(string name) =>
            metrics.RootElement.TryGetProperty("fold_auc_mean", out var mean) && mean.ValueKind == JsonValueKind.Object ? mean.Number(name, file) : null;
        return new ExperimentSummaryRow(
            cell.Name,
            cell.Task,
            balancing,
            protocol,
            leaky,
            state,
            detail,
            test.WholeNumber("count", file),
            test.Number("accuracy", file),
            positive,
            classMetrics.Number("precision", file),
            classMetrics.Number("recall", file),
            classMetrics.Number("f1_score", file),
            Nullable(test, "auc"),
            Nullable(test, "auc_lower"),
            Nullable(test, "auc_upper"),
            fold("mean"),
            fold("lower"),
            fold("upper"),
            seconds) with
        {
            Baselines = Baselines(metrics.RootElement, file),
        };
    }

    private static Dictionary<string, BaselineSummary> Baselines(JsonElement root, string file)
    {
        if (!root.TryGetProperty("baselines", out var baselines) || baselines.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        try
        {
            return baselines.Deserialize<Dictionary<string, BaselineSummary>>(Json.Options) ?? [];
        }
        catch (JsonException e)
        {
            throw new MammoDataException($"{file}: 'baselines' is not valid ({e.Message})", e);
        }
    }

    public static string ToCsv(IEnumerable<ExperimentSummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.Cell, r.Task, r.Balancing, r.Protocol, r.Leaky ? "true" : "false", r.Status, Number(r.TestCount), Number(r.Accuracy), r.PositiveClass ?? string.Empty,
                Number(r.Precision), Number(r.Recall), Number(r.F1), Number(r.Auc), Number(r.AucLower), Number(r.AucUpper),
                Number(r.FoldAucMean), Number(r.FoldAucLower), Number(r.FoldAucUpper), Number(r.Seconds),
                Number(r.Baselines.GetValueOrDefault("metadata")?.Auc), Number(r.Baselines.GetValueOrDefault("metadata")?.AucLower), Number(r.Baselines.GetValueOrDefault("metadata")?.AucUpper), Quote(r.Detail),
            ];
            text.AppendJoin(',', fields).Append('\n');
        }

        return text.ToString();
    }

    private static double? Nullable(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
