namespace Mammo.Learning.Inference;

/// <summary>
/// Scores every window of an image at once: the positive class's probability for the <see cref="Window"/>-pixel
/// square whose top-left corner is at each multiple of <see cref="Stride"/>, as the patch classifier would score
/// that square. The heat map and the localisation study are written against this, so any network gets heat maps:
/// one fully convolutional pass where the network has that form, crop by crop in batches otherwise, and the same
/// pass in ONNX Runtime.
/// </summary>
public interface IDenseScorer : IDisposable
{
    /// <summary>The side of the square scored (the network's patch size).</summary>
    int Window { get; }

    /// <summary>Pixels between neighbouring windows.</summary>
    int Stride { get; }

    /// <summary>
    /// p(<paramref name="positiveClass"/>) of every window of the <paramref name="height"/> × <paramref name="width"/>
    /// grey image <paramref name="pixels"/> (row-major, 0..255), row-major, <see cref="DenseScoring.Windows"/> by
    /// rows and columns.
    /// </summary>
    float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass);

    /// <summary>
    /// As <see cref="Score(ReadOnlySpan{byte}, int, int, int)"/>, for the windows <paramref name="needed"/> marks (in the
    /// same row-major order); the others may be left NaN. A scorer that pays per window (<see cref="CropByCropScorer"/>)
    /// scores only those; one whose pass covers the image at once scores them all, which is what this default does.
    /// </summary>
    float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass, bool[] needed) => Score(pixels, height, width, positiveClass);
}
