namespace Mammo.Learning.Inference;

/// <summary>
/// Two dense scorers of the same windows combined: each window's probability is σ of the mean of the two
/// log-odds (a product of experts with equal weights, nothing fitted). A window both call likely stays likely;
/// one that only one of them likes is pulled toward the middle.
/// </summary>
public sealed class LogOddsMeanScorer : IDenseScorer
{
    private readonly IDenseScorer _first;
    private readonly IDenseScorer _second;

    /// <exception cref="ArgumentException">The scorers' windows or strides differ: they would not score the same squares.</exception>
    public LogOddsMeanScorer(IDenseScorer first, IDenseScorer second)
    {
        (_first, _second) = (first ?? throw new ArgumentNullException(nameof(first)), second ?? throw new ArgumentNullException(nameof(second)));
        if ((first.Window, first.Stride) != (second.Window, second.Stride))
        {
            throw new ArgumentException($"windows {first.Window} at stride {first.Stride} and {second.Window} at stride {second.Stride} are not the same squares", nameof(second));
        }
    }

    public int Window => _first.Window;

    public int Stride => _first.Stride;

    public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass) =>
        Combine(_first.Score(pixels, height, width, positiveClass), _second.Score(pixels, height, width, positiveClass));

    // Each scorer is asked for the needed windows only; a window either leaves NaN stays NaN.
    public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass, bool[] needed) =>
        Combine(_first.Score(pixels, height, width, positiveClass, needed), _second.Score(pixels, height, width, positiveClass, needed));

    private static float[] Combine(float[] a, float[] b)
    {
        var combined = new float[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            combined[i] = (float)Sigmoid((ScanRelativeScores.LogOdds(a[i]) + ScanRelativeScores.LogOdds(b[i])) / 2);
        }

        return combined;
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
