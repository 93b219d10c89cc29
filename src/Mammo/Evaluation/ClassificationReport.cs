using System.Text;

namespace Mammo.Evaluation;

/// <summary>
/// Per-class precision, recall, F1 and support, with accuracy and the macro and support-weighted averages:
/// scikit-learn's <c>classification_report(y_true, y_pred, labels=range(classCount), target_names=...)</c>
/// with its default <c>zero_division="warn"</c>, which scores an undefined ratio as 0.
/// <see cref="ToString"/> prints the same text as scikit-learn, character for character.
/// </summary>
/// <param name="Classes">One row per class, in class order.</param>
/// <param name="Accuracy">Fraction of samples predicted correctly.</param>
/// <param name="MicroAverage">
/// Ratios of the summed counts. Every sample's labels are among the classes, so all three equal the accuracy.
/// </param>
/// <param name="MacroAverage">Unweighted mean over classes, including classes with no samples.</param>
/// <param name="WeightedAverage">Mean over classes weighted by support.</param>
/// <param name="AllClassesObserved">
/// Whether every class occurs in yTrue or yPred. scikit-learn then prints an "accuracy" row; otherwise the
/// labels it was given are a superset of those it saw, and it prints the "micro avg" row instead.
/// </param>
public sealed record ClassificationReport(
    IReadOnlyList<ClassMetrics> Classes,
    double Accuracy,
    ClassMetrics MicroAverage,
    ClassMetrics MacroAverage,
    ClassMetrics WeightedAverage,
    bool AllClassesObserved)
{
    /// <summary>scikit-learn's default number of decimals.</summary>
    public const int DefaultDigits = 2;

    private static readonly string[] s_headers = ["precision", "recall", "f1-score", "support"];

    // scikit-learn widens the name column to fit its longest fixed heading.
    private const string LongestAverageHeading = "weighted avg";

    private readonly int _digits = DefaultDigits;

    /// <summary>Decimals printed by <see cref="ToString"/> (scikit-learn's <c>digits</c>).</summary>
    public int Digits
    {
        get => _digits;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _digits = value;
        }
    }

    /// <summary>The total number of samples.</summary>
    public int Support => WeightedAverage.Support;

    /// <param name="classNames">Display names (scikit-learn's target_names); defaults to "0", "1", ...</param>
    public static ClassificationReport Compute(
        int[] yTrue, int[] yPred, int classCount, IReadOnlyList<string>? classNames = null) =>
        FromConfusionMatrix(ConfusionMatrix.Compute(yTrue, yPred, classCount, classNames));

    public static ClassificationReport FromConfusionMatrix(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Total == 0)
        {
            throw new ArgumentException("A classification report needs at least one sample.", nameof(matrix));
        }

        var k = matrix.ClassCount;
        var classes = new ClassMetrics[k];
        var allObserved = true;
        for (var c = 0; c < k; c++)
        {
            var truePositives = matrix[c, c];
            var support = matrix.Support(c);
            var predicted = matrix.PredictedCount(c);
            allObserved &= support + predicted > 0;
            classes[c] = new ClassMetrics(
                matrix.ClassNames[c],
                Ratio(truePositives, predicted),
                Ratio(truePositives, support),
                // scikit-learn computes F1 from counts, 2TP / (2TP + FP + FN), not from the rounded ratios.
                Ratio(2 * truePositives, support + predicted),
                support);
        }

        var total = matrix.Total;
        var accuracy = matrix.Accuracy;
        var macro = new ClassMetrics(
            "macro avg",
            classes.Average(m => m.Precision),
            classes.Average(m => m.Recall),
            classes.Average(m => m.F1Score),
            total);
        var weighted = new ClassMetrics(
            "weighted avg",
            classes.Sum(m => m.Precision * m.Support) / total,
            classes.Sum(m => m.Recall * m.Support) / total,
            classes.Sum(m => m.F1Score * m.Support) / total,
            total);
        var micro = new ClassMetrics("micro avg", accuracy, accuracy, accuracy, total);
        return new ClassificationReport(classes, accuracy, micro, macro, weighted, allObserved);
    }

    /// <summary>
    /// scikit-learn's text layout: names right-aligned to the longest of the class names, "weighted avg" and
    /// <see cref="Digits"/>; each number right-aligned in 9 characters after two spaces; blank lines after the
    /// header and after the classes; a newline after every row, the last included.
    /// </summary>
    public override string ToString()
    {
        var width = Math.Max(
            Math.Max(Classes.Max(c => ReportText.CodePoints(c.Name)), LongestAverageHeading.Length),
            Digits);
        var text = new StringBuilder();
        text.Append(' ', width).Append(' ');
        foreach (var header in s_headers)
        {
            text.Append(' ').Append(ReportText.AlignRight(header, 9));
        }

        text.Append("\n\n");
        foreach (var row in Classes)
        {
            AppendRow(text, row, width);
        }

        text.Append('\n');
        if (AllClassesObserved)
        {
            text.Append(ReportText.AlignRight("accuracy", width)).Append(' ');
            text.Append(' ', 10).Append(' ', 10);
            text.Append(' ').Append(ReportText.AlignRight(ReportText.Fixed(Accuracy, Digits), 9));
            text.Append(' ').Append(ReportText.AlignRight(Support.ToString(), 9)).Append('\n');
        }
        else
        {
            AppendRow(text, MicroAverage, width);
        }

        AppendRow(text, MacroAverage, width);
        AppendRow(text, WeightedAverage, width);
        return text.ToString();
    }

    private void AppendRow(StringBuilder text, ClassMetrics row, int width)
    {
        text.Append(ReportText.AlignRight(row.Name, width)).Append(' ');
        foreach (var value in (ReadOnlySpan<double>)[row.Precision, row.Recall, row.F1Score])
        {
            text.Append(' ').Append(ReportText.AlignRight(ReportText.Fixed(value, Digits), 9));
        }

        text.Append(' ').Append(ReportText.AlignRight(row.Support.ToString(), 9)).Append('\n');
    }

    private static double Ratio(int numerator, int denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;
}
