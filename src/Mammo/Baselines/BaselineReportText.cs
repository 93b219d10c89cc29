using System.Globalization;
using System.Text;

namespace Mammo.Baselines;

/// <summary>The baselines (and a fused model, when the run has one) as plain text under a run's classification report (report.txt), one line each.</summary>
public static class BaselineReportText
{
    public static string Format(IReadOnlyList<BaselineSummary> baselines)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        var text = new StringBuilder("baselines on the same test parts (ROC AUC: pooled with 95% bootstrap CI; mean of fold AUCs with 95% t CI)\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{"model",-12}{"n",5}  {"pooled AUC",-22}fold mean\n");
        foreach (var b in baselines)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{b.Name,-12}{b.Count,5}  {Interval(b.Auc, b.AucLower, b.AucUpper),-22}{Interval(b.FoldAucMean, b.FoldAucLower, b.FoldAucUpper)}");
            text.Append(line.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Interval(double? value, double? lower, double? upper) => value is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{v:0.000} ({lower:0.000}–{upper:0.000})")
        : "n/a";
}
