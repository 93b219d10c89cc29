using Google.Protobuf;
using Mammo.Data;
using Mammo.Learning.Export;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Preprocessing;
using Mammo.Runs;
using Mammo.Storage;
using Onnx;
using static TorchSharp.torch;

namespace Mammo.Onnx;

/// <summary>
/// Exports a finished run to one ONNX file: its network (or, for cross-validation, its k fold networks averaged in
/// the graph) with the run's contract in the metadata. Before anything is written the graph is run by ONNX Runtime
/// on seeded random patches and must give libtorch's probabilities within <see cref="Tolerance"/>.
/// </summary>
public static class OnnxRunExporter
{
    /// <summary>Largest difference allowed between ONNX Runtime's and libtorch's probabilities in the export's self-check.</summary>
    public const double Tolerance = 1e-5;

    private const int CheckPatches = 16;

    /// <summary>Writes the run at <paramref name="run"/> to <paramref name="output"/> (atomically).</summary>
    /// <exception cref="MammoDataException">The run is incomplete, its network cannot be exported, or its files are unusable.</exception>
    /// <exception cref="IOException">The output exists and <paramref name="overwrite"/> is not set, or it is one of the run's own files.</exception>
    public static void Export(string run, string output, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        var folder = new RunFolder(run);
        folder.EnsureComplete();
        ExportOutput.Check(folder, output, overwrite);
        var model = Build(folder);
        AtomicOutput.WriteFile(output, model.WriteTo);
    }

    /// <summary>The ONNX model of a complete run, checked against libtorch.</summary>
    /// <exception cref="MammoDataException">The run is incomplete, its network cannot be exported, or its files are unusable.</exception>
    public static ModelProto Build(RunFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.EnsureComplete();
        using var run = RunNetworks.Load(folder);
        if (!OnnxGraphWriter.SupportedNetworks.Contains(run.Network))
        {
            throw new MammoDataException($"{folder.File(RunFolder.ConfigFile)}: network '{run.Network}' cannot be exported to ONNX (the exporter knows {string.Join(", ", OnnxGraphWriter.SupportedNetworks)})");
        }

        // The graph scales intensities itself, as the pipeline's unit range does; another scaling needs its own nodes.
        if (run.Config.Preprocessing.Intensity != IntensityScaling.UnitRange)
        {
            throw new MammoDataException($"{folder.File(RunFolder.ConfigFile)}: intensity scaling '{run.Config.Preprocessing.Intensity}' cannot be exported to ONNX yet");
        }

        var networks = run.Networks.ToList();
        var metadata = OnnxMetadata.ForRun(folder, run.Config, run.Task, networks.Count);
        var model = OnnxGraphWriter.Write(networks, run.Config.PatchSize, metadata);
        SelfCheck(model, networks, run.Config.Preprocessing, run.Config.Seed);
        return model;
    }

    // The graph is written by hand, so it is checked like any other translation: same patches, same probabilities.
    private static void SelfCheck(ModelProto model, List<nn.Module<Tensor, Tensor>> networks, PatchPipeline pipeline, int seed)
    {
        var patchSize = pipeline.Size;
        var random = new Random(seed);
        var patches = Enumerable.Range(0, CheckPatches).Select(_ =>
        {
            var patch = new byte[patchSize * patchSize];
            random.NextBytes(patch);
            return patch;
        }).ToList();
        var sums = patches.Select(_ => (double[]?)null).ToArray();
        foreach (var network in networks)
        {
            var probabilities = new PatchClassifier(network, pipeline).Predict(patches);
            for (var i = 0; i < CheckPatches; i++)
            {
                sums[i] ??= new double[probabilities[i].Length];
                for (var c = 0; c < probabilities[i].Length; c++)
                {
                    sums[i]![c] += probabilities[i][c] / networks.Count;
                }
            }
        }

        using var classifier = OnnxPatchClassifier.Load(model.ToByteArray(), "the exported graph");
        var actual = classifier.Predict(patches);
        var worst = 0.0;
        for (var i = 0; i < CheckPatches; i++)
        {
            for (var c = 0; c < actual[i].Length; c++)
            {
                worst = Math.Max(worst, Math.Abs(actual[i][c] - sums[i]![c]));
            }
        }

        if (worst > Tolerance)
        {
            throw new InvalidOperationException($"the exported graph disagrees with libtorch by {worst:E2} (more than {Tolerance:E0}): an exporter bug, nothing was written");
        }
    }
}
