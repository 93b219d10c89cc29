namespace Mammo.Learning.Inference;

/// <summary>
/// Dense scoring for a network that has no fully convolutional form: every window cut and scored by the patch
/// classifier, in batches. Slower by the windows' overlap, but any network in the registry gets heat maps.
/// </summary>
/// <param name="owned">Disposed with this scorer (the patch scorer when this one made it); null leaves it to its owner.</param>
public sealed class CropByCropScorer(IPatchScorer scorer, int window, int stride = FullyConvolutionalSeedCnn.Stride, int batch = 256, IDisposable? owned = null) : IDenseScorer
{
    private readonly IPatchScorer _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));

    public int Window { get; } = window > 0 ? window : throw new ArgumentOutOfRangeException(nameof(window));

    public int Stride { get; } = stride > 0 ? stride : throw new ArgumentOutOfRangeException(nameof(stride));

    public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass) => Score(pixels, height, width, positiveClass, null);

    /// <summary>Only the windows <paramref name="needed"/> marks are cut and scored; the others are NaN.</summary>
    public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass, bool[]? needed)
    {
        var (rows, columns) = (DenseScoring.Windows(height, Window, Stride), DenseScoring.Windows(width, Window, Stride));
        var map = new float[rows * columns];
        if (needed is not null && needed.Length != map.Length)
        {
            throw new ArgumentException($"needed marks {needed.Length} windows, the image has {rows}×{columns}", nameof(needed));
        }

        var cells = needed is null ? Enumerable.Range(0, map.Length).ToList() : [.. Enumerable.Range(0, map.Length).Where(c => needed[c])];
        if (needed is not null)
        {
            Array.Fill(map, float.NaN);
        }

        var crops = new List<byte[]>(batch);
        var first = 0;
        for (var n = 0; n < cells.Count; n++)
        {
            var cell = cells[n];
            var (top, left) = (cell / columns * Stride, cell % columns * Stride);
            var crop = new byte[Window * Window];
            for (var r = 0; r < Window; r++)
            {
                pixels.Slice(((top + r) * width) + left, Window).CopyTo(crop.AsSpan(r * Window));
            }

            crops.Add(crop);
            if (crops.Count == batch || n == cells.Count - 1)
            {
                var probabilities = _scorer.Predict(crops);
                for (var k = 0; k < probabilities.Length; k++)
                {
                    map[cells[first + k]] = (float)probabilities[k][positiveClass];
                }

                first += crops.Count;
                crops.Clear();
            }
        }

        return map;
    }

    public void Dispose() => owned?.Dispose();
}
