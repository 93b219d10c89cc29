namespace Mammo.Evaluation;

/// <summary>
/// Cumulative true and false positives at each distinct score, highest score first: scikit-learn's
/// <c>_binary_clf_curve</c> without sample weights. Tied scores make one step, because no threshold can
/// separate them.
/// </summary>
internal sealed class BinaryScoreCurve
{
    private BinaryScoreCurve(double[] thresholds, int[] truePositives, int[] falsePositives)
    {
        Thresholds = thresholds;
        TruePositives = truePositives;
        FalsePositives = falsePositives;
    }

    /// <summary>Distinct scores, decreasing; sample i counts as positive at step k when its score is at least Thresholds[k].</summary>
    public double[] Thresholds { get; }

    public int[] TruePositives { get; }

    public int[] FalsePositives { get; }

    public int Positives => TruePositives[^1];

    public int Negatives => FalsePositives[^1];

    public static BinaryScoreCurve Build(int[] yTrue, double[] scores, int positiveLabel)
    {
        EvaluationInputs.CheckBinary(yTrue, scores);
        var n = scores.Length;
        var sorted = (double[])scores.Clone();
        var positive = new int[n];
        for (var i = 0; i < n; i++)
        {
            positive[i] = yTrue[i] == positiveLabel ? 1 : 0;
        }

        // The order inside a run of tied scores does not matter: only the totals at the end of the run are kept.
        Array.Sort(sorted, positive);

        var thresholds = new List<double>();
        var tps = new List<int>();
        var fps = new List<int>();
        int tp = 0, fp = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            tp += positive[i];
            fp += 1 - positive[i];
            if (i == 0 || sorted[i - 1] != sorted[i])
            {
                thresholds.Add(sorted[i]);
                tps.Add(tp);
                fps.Add(fp);
            }
        }

        return new BinaryScoreCurve([.. thresholds], [.. tps], [.. fps]);
    }
}
