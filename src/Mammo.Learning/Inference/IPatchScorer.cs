namespace Mammo.Learning.Inference;

/// <summary>
/// Anything that gives class probabilities for grey patches of the size it was trained on: a run's networks in
/// libtorch (<see cref="TrainedModel"/>), or the same networks exported and run elsewhere (ONNX Runtime). Region
/// prediction is written against this, so an engine is a choice, not a second code path.
/// </summary>
public interface IPatchScorer
{
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>One probability row per patch (8-bit grey, row-major, side × side).</summary>
    double[][] Predict(IReadOnlyList<byte[]> patches);
}
