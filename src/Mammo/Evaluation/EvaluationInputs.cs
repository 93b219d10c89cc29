namespace Mammo.Evaluation;

/// <summary>Argument checks shared by the metrics, so every metric rejects bad input with the same words.</summary>
internal static class EvaluationInputs
{
    public static void CheckClassLabels(int[] yTrue, int[] yPred, int classCount)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (yTrue.Length != yPred.Length)
        {
            throw new ArgumentException(
                $"yTrue has {yTrue.Length} labels but yPred has {yPred.Length}; they must pair up sample by sample.",
                nameof(yPred));
        }

        CheckRange(yTrue, classCount, nameof(yTrue));
        CheckRange(yPred, classCount, nameof(yPred));
    }

    public static void CheckBinary(int[] yTrue, double[] scores)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(scores);
        if (yTrue.Length != scores.Length)
        {
            throw new ArgumentException(
                $"yTrue has {yTrue.Length} labels but scores has {scores.Length} values; they must pair up sample by sample.",
                nameof(scores));
        }

        if (yTrue.Length == 0)
        {
            throw new ArgumentException("At least one sample is needed.", nameof(yTrue));
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"scores[{i}] is {scores[i]}; scores must be finite.", nameof(scores));
            }
        }
    }

    public static string[] ClassNames(IReadOnlyList<string>? classNames, int classCount)
    {
        if (classNames is null)
        {
            // scikit-learn names unnamed classes by their label.
            return [.. Enumerable.Range(0, classCount).Select(c => c.ToString())];
        }

        if (classNames.Count != classCount)
        {
            throw new ArgumentException(
                $"{classNames.Count} class names were given for {classCount} classes.", nameof(classNames));
        }

        foreach (var name in classNames)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(classNames));
        }

        return [.. classNames];
    }

    private static void CheckRange(int[] labels, int classCount, string parameterName)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException(
                    $"{parameterName}[{i}] is {labels[i]}; labels must be in 0..{classCount - 1}.", parameterName);
            }
        }
    }
}
