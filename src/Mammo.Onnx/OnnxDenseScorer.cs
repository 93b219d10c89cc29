using Google.Protobuf;
using Mammo.Data;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Runs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Mammo.Onnx;

/// <summary>
/// A run's seed network(s) as one fully convolutional ONNX graph (<see cref="OnnxGraphWriter.WriteDense"/>), scored by
/// ONNX Runtime: the heat map's pass outside libtorch, with the same maps within 1e-5 (a test).
/// </summary>
public sealed class OnnxDenseScorer : IDenseScorer
{
    private readonly InferenceSession _session;

    private OnnxDenseScorer(InferenceSession session) => _session = session;

    public int Window => FullyConvolutionalSeedCnn.Window;

    public int Stride => FullyConvolutionalSeedCnn.Stride;

    /// <summary>The dense graph of <paramref name="networks"/>, loaded into ONNX Runtime.</summary>
    public static OnnxDenseScorer Create(IReadOnlyList<SeedCnn> networks, int threads = 0)
    {
        var bytes = OnnxGraphWriter.WriteDense(networks, new Dictionary<string, string> { [OnnxMetadata.Producer] = OnnxMetadata.ProducerValue }).ToByteArray();
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new OnnxDenseScorer(new InferenceSession(bytes, options));
    }

    /// <summary>
    /// A loaded run's networks (all its folds, or the one fold it was loaded with) as a dense scorer in ONNX Runtime:
    /// the fully convolutional graph for the seed network on 48×48 patches, the exported patch classifier crop by
    /// crop for any other.
    /// </summary>
    public static IDenseScorer For(TrainedModel model, RunFolder run, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        var seeds = model.Networks.OfType<SeedCnn>().ToList();
        if (seeds.Count == model.Networks.Count && model.Config.PatchSize == FullyConvolutionalSeedCnn.Window)
        {
            return Create(seeds, threads);
        }

        var patches = OnnxPatchClassifier.For(model, run, threads);
        return new CropByCropScorer(patches, model.Config.PatchSize, owned: patches);
    }

    public float[] Score(ReadOnlySpan<byte> pixels, int height, int width, int positiveClass)
    {
        var values = new float[pixels.Length];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = pixels[k];
        }

        var input = new DenseTensor<float>(values, [1, 1, height, width]);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(OnnxGraphWriter.InputName, input)]);
        var output = results[0].AsTensor<float>();
        var (rows, columns) = (output.Dimensions[2], output.Dimensions[3]);
        var map = new float[rows * columns];
        Array.Copy(output.ToArray(), positiveClass * rows * columns, map, 0, map.Length);
        return map;
    }

    public void Dispose() => _session.Dispose();
}
