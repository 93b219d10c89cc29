using Mammo.Data;
using Mammo.Runs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Mammo.Onnx;

/// <summary>
/// Class probabilities for patches from a model Mammo exported to ONNX, run by ONNX Runtime: the same shape as
/// <c>PatchClassifier</c> / <c>TrainedModel.Predict</c> (a list of 8-bit patches in, one probability row per
/// patch out), without libtorch. A model that ONNX Runtime cannot load, or that is not a Mammo export (no
/// <c>producer</c> metadata, or not one float input [N, 1, size, size] and one output [N, classes]), is refused.
/// </summary>
public sealed class OnnxPatchClassifier : Mammo.Learning.Inference.IPatchScorer, IDisposable
{
    /// <summary>No Mammo export comes near this (the seed network is 0.3 MB a fold); a larger file is refused unread.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private const int BatchSize = 256;

    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly string _output;

    private OnnxPatchClassifier(InferenceSession session, string source)
    {
        _session = session;
        var metadata = session.ModelMetadata.CustomMetadataMap;
        if (!metadata.TryGetValue(OnnxMetadata.Producer, out var producer) || producer != OnnxMetadata.ProducerValue)
        {
            throw new MammoDataException($"{source}: not a Mammo export (its metadata has no '{OnnxMetadata.Producer}: {OnnxMetadata.ProducerValue}')");
        }

        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1)
        {
            throw new MammoDataException($"{source}: a Mammo model has one input and one output; this one has {session.InputMetadata.Count} and {session.OutputMetadata.Count}");
        }

        var (input, inputInfo) = session.InputMetadata.Single();
        var (output, outputInfo) = session.OutputMetadata.Single();
        var inputShape = inputInfo.IsTensor ? inputInfo.Dimensions : [];
        if (!inputInfo.IsTensor || inputInfo.ElementDataType != TensorElementType.Float || inputShape.Length != 4
            || inputShape[1] != 1 || inputShape[2] <= 0 || inputShape[2] != inputShape[3])
        {
            throw new MammoDataException($"{source}: input '{input}' is not float32 [N, 1, size, size] (shape [{string.Join(", ", inputShape)}])");
        }

        var outputShape = outputInfo.IsTensor ? outputInfo.Dimensions : [];
        if (!outputInfo.IsTensor || outputInfo.ElementDataType != TensorElementType.Float || outputShape.Length != 2 || outputShape[1] < 2)
        {
            throw new MammoDataException($"{source}: output '{output}' is not float32 [N, classes] (shape [{string.Join(", ", outputShape)}])");
        }

        ClassNames = metadata.TryGetValue(OnnxMetadata.Classes, out var names) ? names.Split(',') : [];
        if (ClassNames.Count != outputShape[1])
        {
            throw new MammoDataException($"{source}: its '{OnnxMetadata.Classes}' metadata names {ClassNames.Count} classes, its output has {outputShape[1]}");
        }

        _input = input;
        _output = output;
        PatchSize = inputShape[2];
        Metadata = metadata;
    }

    /// <summary>The side of the square patches the model takes.</summary>
    public int PatchSize { get; }

    /// <summary>The output's columns, in order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The model's <c>metadata_props</c> (see <see cref="OnnxMetadata"/>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <param name="threads">ONNX Runtime's intra-op threads; 0 lets it choose (one per core).</param>
    /// <exception cref="MammoDataException">The file is missing, too large, not a model ONNX Runtime loads, or not a Mammo export.</exception>
    public static OnnxPatchClassifier Open(string path, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new MammoDataException($"{path}: no such file");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new MammoDataException($"{path}: {file.Length:N0} bytes, larger than any Mammo export ({MaxFileBytes:N0} at most)");
        }

        return Load(File.ReadAllBytes(path), path, threads);
    }

    /// <summary>A model held in memory; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="MammoDataException">Not a model ONNX Runtime loads, or not a Mammo export.</exception>
    public static OnnxPatchClassifier Load(byte[] model, string source = "model", int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        InferenceSession session;
        using (var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 })
        {
            // Idle ONNX Runtime threads would otherwise spin and take the cores from libtorch in the same process.
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
#if ONNXRUNTIME_GPU
            // Built with -p:OnnxRuntimeGpu=true: CUDA first, CPU for whatever CUDA does not take.
            options.AppendExecutionProvider_CUDA(0);
#endif
            try
            {
                session = new InferenceSession(model, options);
            }
            catch (OnnxRuntimeException e)
            {
                var reason = e.Message.ReplaceLineEndings(" ").Trim();
                throw new MammoDataException($"{source}: not an ONNX model that ONNX Runtime can load ({reason})", e);
            }
        }

        try
        {
            return new OnnxPatchClassifier(session, source);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>A loaded run's networks (all its folds, or the one fold it was loaded with), exported in memory and loaded.</summary>
    /// <exception cref="MammoDataException">A network the exporter does not know, or unusable run files.</exception>
    public static OnnxPatchClassifier For(Mammo.Learning.Inference.TrainedModel model, Mammo.Runs.RunFolder run, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        // In memory the contract is this process's own: the metadata a reader of the file would need is not.
        var metadata = new Dictionary<string, string> { [OnnxMetadata.Producer] = OnnxMetadata.ProducerValue, [OnnxMetadata.Classes] = string.Join(',', model.ClassNames) };
        var graph = OnnxGraphWriter.Write(model.Networks, model.Config.PatchSize, metadata);
        return Load(Google.Protobuf.MessageExtensions.ToByteArray(graph), run.Path, threads);
    }

    /// <summary>Class probabilities per patch (row-major 8-bit grey patches of <see cref="PatchSize"/>²), in batches.</summary>
    public double[][] Predict(IReadOnlyList<byte[]> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        var area = PatchSize * PatchSize;
        var classes = ClassNames.Count;
        var result = new double[patches.Count][];
        for (var start = 0; start < patches.Count; start += BatchSize)
        {
            var length = Math.Min(BatchSize, patches.Count - start);
            var data = new float[length * area];
            for (var i = 0; i < length; i++)
            {
                var source = patches[start + i];
                if (source.Length != area)
                {
                    throw new ArgumentException($"patch {start + i} has {source.Length} pixels, expected {area}", nameof(patches));
                }

                // Grey levels as they are: the graph divides by 255 itself.
                for (var j = 0; j < area; j++)
                {
                    data[(i * area) + j] = source[j];
                }
            }

            using var input = OrtValue.CreateTensorValueFromMemory(data, [length, 1, PatchSize, PatchSize]);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, [_input], [input], [_output]);
            var probabilities = outputs[0].GetTensorDataAsSpan<float>();
            for (var i = 0; i < length; i++)
            {
                var row = new double[classes];
                for (var c = 0; c < classes; c++)
                {
                    row[c] = probabilities[(i * classes) + c];
                }

                result[start + i] = row;
            }
        }

        return result;
    }

    public void Dispose() => _session.Dispose();
}
