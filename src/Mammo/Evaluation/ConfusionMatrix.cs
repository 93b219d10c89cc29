using System.Text;

namespace Mammo.Evaluation;

/// <summary>
/// Counts of (true class, predicted class) pairs in scikit-learn's orientation: rows are true classes and
/// columns predicted ones, so in a binary problem <c>[1, 0]</c> holds the false negatives and <c>[0, 1]</c>
/// the false positives.
/// </summary>
public sealed class ConfusionMatrix
{
    private const string CornerLabel = "true\\pred";

    private readonly int[,] _counts;

    private ConfusionMatrix(int[,] counts, string[] classNames)
    {
        _counts = counts;
        ClassNames = classNames;
        foreach (var count in counts)
        {
            Total += count;
        }
    }

    public IReadOnlyList<string> ClassNames { get; }

    public int ClassCount => ClassNames.Count;

    /// <summary>Number of samples counted.</summary>
    public int Total { get; }

    /// <summary>Samples whose predicted class is their true class (the diagonal).</summary>
    public int Correct
    {
        get
        {
            var correct = 0;
            for (var c = 0; c < ClassCount; c++)
            {
                correct += _counts[c, c];
            }

            return correct;
        }
    }

    /// <summary>Fraction of samples predicted correctly; 0 for an empty matrix.</summary>
    public double Accuracy => Total == 0 ? 0.0 : (double)Correct / Total;

    public int this[int trueClass, int predictedClass] => _counts[trueClass, predictedClass];

    /// <summary>Counts the pairs (yTrue[i], yPred[i]); labels are class indices in 0..classCount-1.</summary>
    /// <param name="classNames">Display names, one per class; defaults to "0", "1", ... as scikit-learn does.</param>
    public static ConfusionMatrix Compute(int[] yTrue, int[] yPred, int classCount, IReadOnlyList<string>? classNames = null)
    {
        EvaluationInputs.CheckClassLabels(yTrue, yPred, classCount);
        var names = EvaluationInputs.ClassNames(classNames, classCount);
        var counts = new int[classCount, classCount];
        for (var i = 0; i < yTrue.Length; i++)
        {
            counts[yTrue[i], yPred[i]]++;
        }

        return new ConfusionMatrix(counts, names);
    }

    /// <summary>Wraps counts already tallied elsewhere (rows true, columns predicted); the array is copied.</summary>
    public static ConfusionMatrix FromCounts(int[,] counts, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var classCount = counts.GetLength(0);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1, nameof(counts));
        if (counts.GetLength(1) != classCount)
        {
            throw new ArgumentException(
                $"A confusion matrix is square; got {classCount} x {counts.GetLength(1)}.", nameof(counts));
        }

        foreach (var count in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(counts));
        }

        return new ConfusionMatrix((int[,])counts.Clone(), EvaluationInputs.ClassNames(classNames, classCount));
    }

    /// <summary>A copy of the counts, [true, predicted].</summary>
    public int[,] ToArray() => (int[,])_counts.Clone();

    /// <summary>Samples whose true class is <paramref name="trueClass"/> (its row total).</summary>
    public int Support(int trueClass)
    {
        var total = 0;
        for (var p = 0; p < ClassCount; p++)
        {
            total += _counts[trueClass, p];
        }

        return total;
    }

    /// <summary>Samples predicted as <paramref name="predictedClass"/> (its column total).</summary>
    public int PredictedCount(int predictedClass)
    {
        var total = 0;
        for (var t = 0; t < ClassCount; t++)
        {
            total += _counts[t, predictedClass];
        }

        return total;
    }

    /// <summary>
    /// Percentage of the true class's samples that were predicted as <paramref name="predictedClass"/>
    /// (scikit-learn's <c>normalize="true"</c>, times 100). A class with no samples gives 0, as scikit-learn's
    /// <c>nan_to_num</c> does.
    /// </summary>
    public double RowPercentage(int trueClass, int predictedClass)
    {
        var support = Support(trueClass);
        return support == 0 ? 0.0 : 100.0 * _counts[trueClass, predictedClass] / support;
    }

    /// <summary>All row percentages, [true, predicted]; each non-empty row sums to 100.</summary>
    public double[,] RowPercentages()
    {
        var percentages = new double[ClassCount, ClassCount];
        for (var t = 0; t < ClassCount; t++)
        {
            for (var p = 0; p < ClassCount; p++)
            {
                percentages[t, p] = RowPercentage(t, p);
            }
        }

        return percentages;
    }

    /// <summary>The counts as an aligned table: one row per true class, one column per predicted class.</summary>
    public override string ToString() =>
        FormatTable((t, p) => _counts[t, p].ToString());

    /// <summary>The row percentages as an aligned table, e.g. "66.7%".</summary>
    public string ToPercentageString(int decimals = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        return FormatTable((t, p) => ReportText.Fixed(RowPercentage(t, p), decimals) + "%");
    }

    private string FormatTable(Func<int, int, string> cell)
    {
        var cells = new string[ClassCount, ClassCount];
        var columnWidths = new int[ClassCount];
        for (var p = 0; p < ClassCount; p++)
        {
            columnWidths[p] = ReportText.CodePoints(ClassNames[p]);
            for (var t = 0; t < ClassCount; t++)
            {
                cells[t, p] = cell(t, p);
                columnWidths[p] = Math.Max(columnWidths[p], cells[t, p].Length);
            }
        }

        var firstWidth = ClassNames.Append(CornerLabel).Max(ReportText.CodePoints);
        var text = new StringBuilder();
        text.Append(ReportText.AlignLeft(CornerLabel, firstWidth));
        for (var p = 0; p < ClassCount; p++)
        {
            text.Append("  ").Append(ReportText.AlignRight(ClassNames[p], columnWidths[p]));
        }

        for (var t = 0; t < ClassCount; t++)
        {
            text.Append('\n').Append(ReportText.AlignLeft(ClassNames[t], firstWidth));
            for (var p = 0; p < ClassCount; p++)
            {
                text.Append("  ").Append(ReportText.AlignRight(cells[t, p], columnWidths[p]));
            }
        }

        return text.ToString();
    }
}
