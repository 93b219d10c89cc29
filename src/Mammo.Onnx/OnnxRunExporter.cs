using Google.Protobuf;
using Mammo.Data;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Sampling;
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

    // The files and folders a run consists of: an export never replaces them, whatever it is allowed to overwrite.
    private static readonly string[] s_runFiles =
    [
        RunFolder.ConfigFile, RunFolder.StatusFile, RunFolder.WeightsFile, RunFolder.HistoryFile, RunFolder.PredictionsFile,
        RunFolder.PredictionsNoTtaFile, RunFolder.MetricsFile, RunFolder.ReportFile, RunFolder.LogFile, SplitManifest.FileName,
    ];

    /// <summary>Writes the run at <paramref name="run"/> to <paramref name="output"/> (atomically).</summary>
    /// <exception cref="MammoDataException">The run is incomplete, its network cannot be exported, or its files are unusable.</exception>
    /// <exception cref="IOException">The output exists and <paramref name="overwrite"/> is not set, or it is one of the run's own files.</exception>
    public static void Export(string run, string output, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        var folder = new RunFolder(run);
        folder.EnsureComplete();
        CheckOutput(folder, output, overwrite);
        var model = Build(folder);
        AtomicOutput.WriteFile(output, model.WriteTo);
    }

    /// <summary>The ONNX model of a complete run, checked against libtorch.</summary>
    /// <exception cref="MammoDataException">The run is incomplete, its network cannot be exported, or its files are unusable.</exception>
    public static ModelProto Build(RunFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.EnsureComplete();
        var config = folder.ReadConfig();
        var configFile = folder.File(RunFolder.ConfigFile);
        string network;
        try
        {
            network = ModelRegistry.Resolve(config.Model);
        }
        catch (ArgumentException e)
        {
            throw new MammoDataException($"{configFile}: model '{config.Model}' is not a network Mammo knows ({e.Message})", e);
        }

        if (!OnnxGraphWriter.SupportedNetworks.Contains(network))
        {
            throw new MammoDataException($"{configFile}: network '{network}' cannot be exported to ONNX (the exporter knows {string.Join(", ", OnnxGraphWriter.SupportedNetworks)})");
        }

        ClassificationTask task;
        try
        {
            task = ClassificationTask.Parse(config.Task);
        }
        catch (FormatException e)
        {
            throw new MammoDataException($"{configFile}: task '{config.Task}' is unknown ({e.Message})", e);
        }

        IReadOnlyList<int?> units = config.Protocol == EvaluationProtocol.Cv ? [.. Enumerable.Range(0, config.Folds).Select(f => (int?)f)] : [null];
        var networks = new List<nn.Module<Tensor, Tensor>>();
        try
        {
            foreach (var unit in units)
            {
                networks.Add(LoadWeights(folder, unit, network, task.ClassNames.Count));
            }

            var metadata = OnnxMetadata.ForRun(folder, config, task, networks.Count);
            var model = OnnxGraphWriter.Write(networks, config.PatchSize, metadata);
            SelfCheck(model, networks, config.PatchSize, config.Seed);
            return model;
        }
        finally
        {
            networks.ForEach(n => n.Dispose());
        }
    }

    /// <summary>Refuses an output that exists (unless <paramref name="overwrite"/>) or that is one of the run's own files.</summary>
    /// <exception cref="IOException">As above.</exception>
    public static void CheckOutput(RunFolder folder, string output, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(output);
        var full = Path.GetFullPath(output);
        var relative = Path.GetRelativePath(folder.Path, full);
        var inside = relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        if (relative == "." || (inside && (relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || s_runFiles.Contains(relative))))
        {
            throw new IOException($"{output}: is the run's own file or folder; an export never replaces it");
        }

        if (Directory.Exists(full))
        {
            throw new IOException($"{output}: is a folder, not a file");
        }

        if (File.Exists(full) && !overwrite)
        {
            throw new IOException($"{output}: exists and is kept (choose another name, or allow overwriting)");
        }
    }

    private static nn.Module<Tensor, Tensor> LoadWeights(RunFolder folder, int? unit, string network, int classes)
    {
        var path = Path.Combine(folder.UnitFolder(unit), RunFolder.WeightsFile);
        if (!File.Exists(path))
        {
            throw new MammoDataException($"{path}: missing (the run folder has no trained weights)");
        }

        var model = ModelRegistry.Create(network, classes);
        try
        {
            model.load(path);
            model.eval();
            return model;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException)
        {
            model.Dispose();
            throw new MammoDataException($"{path}: the weights do not fit network '{network}' for {classes} classes ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }

    // The graph is written by hand, so it is checked like any other translation: same patches, same probabilities.
    private static void SelfCheck(ModelProto model, List<nn.Module<Tensor, Tensor>> networks, int patchSize, int seed)
    {
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
            var probabilities = new PatchClassifier(network, patchSize).Predict(patches);
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
