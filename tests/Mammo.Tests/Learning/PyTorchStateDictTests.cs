using System.Diagnostics;
using System.Globalization;
using Mammo.Data;
using Mammo.Learning.Export;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Tests.Onnx;
using Mammo.Tests.TestSupport;
using TorchSharp.PyBridge;

namespace Mammo.Tests.Learning;

/// <summary>PyTorch state_dict files out of and into Mammo, checked against Debian's PyTorch with docs/mammo_networks.py.</summary>
[Collection(TorchGlobalState.Name)]
public sealed class PyTorchStateDictTests : IDisposable
{
    // Loads (or, with "write", creates and saves) a documented network and prints its probabilities for the patches.
    private const string Script = """
        import sys, numpy as np, torch
        sys.path.insert(0, sys.argv[1])
        from mammo_networks import SeedCnn, BatchNormCnn, FoldEnsemble
        mode, network, folds, weights, patches = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
        make = {"keras": SeedCnn, "batchnorm": BatchNormCnn}[network]
        model = make(2) if folds == 1 else FoldEnsemble([make(2) for _ in range(folds)])
        if mode == "write":
            torch.manual_seed(5)
            model = make(2)
            with torch.no_grad():
                for name, value in model.named_buffers():
                    if name.endswith("running_mean"): value.uniform_(-0.2, 0.2)
                    if name.endswith("running_var"): value.uniform_(0.5, 2.0)
            torch.save(model.state_dict(), weights)
        else:
            model.load_state_dict(torch.load(weights), strict=True)
        model.eval()
        x = torch.from_numpy(np.fromfile(patches, dtype=np.uint8).astype(np.float32).reshape(-1, 1, 48, 48) / 255.0)
        with torch.no_grad():
            out = model(x)
            p = out if folds > 1 else out.softmax(1)
        for row in p.tolist():
            print(" ".join(repr(v) for v in row))
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Docs()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Mammo.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("repository root not found above the test binaries"), "docs");
    }

    private double[][] Python(string mode, string network, int folds, string weights, IReadOnlyList<byte[]> patches)
    {
        var script = _folder.File("script.py");
        File.WriteAllText(script, Script);
        var patchFile = _folder.File("patches.u8");
        File.WriteAllBytes(patchFile, [.. patches.SelectMany(p => p)]);
        var start = new ProcessStartInfo(PythonOnnxFactAttribute.Python, [script, Docs(), mode, network, folds.ToString(CultureInfo.InvariantCulture), weights, patchFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors.Result);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
    }

    [PythonTorchFact]
    public void An_exported_patient_run_loads_into_the_documented_PyTorch_seed_network_and_predicts_the_same()
    {
        Exported_run_predicts_the_same_in_PyTorch("keras", EvaluationProtocol.Patient, 1);
    }

    [PythonTorchFact]
    public void An_exported_batchnorm_run_loads_into_the_documented_PyTorch_network_and_predicts_the_same()
    {
        Exported_run_predicts_the_same_in_PyTorch("batchnorm", EvaluationProtocol.Patient, 1);
    }

    [PythonTorchFact]
    public void An_exported_cv_run_loads_into_the_documented_fold_ensemble_and_predicts_the_same()
    {
        Exported_run_predicts_the_same_in_PyTorch("keras", EvaluationProtocol.Cv, 2);
    }

    private void Exported_run_predicts_the_same_in_PyTorch(string network, EvaluationProtocol protocol, int folds)
    {
        var run = OnnxFixtures.Run(_folder.File("run"), network, protocol, folds: 2);
        var output = _folder.File("model.pt");
        var result = CliRunner.Run("export", run.Path, "--format", "pytorch", "--out", output);
        Assert.Equal(0, result.ExitCode);
        var patches = OnnxFixtures.Patches(16, seed: 4);

        using var trained = TrainedModel.Load(run);
        var difference = OnnxFixtures.MaxDifference(trained.Predict(patches), Python("read", network, folds, output, patches));

        Assert.True(difference < 1e-5, $"max difference {difference:E2}");
    }

    [PythonTorchFact]
    public void A_state_dict_written_by_PyTorch_loads_into_Mammo_and_predicts_the_same()
    {
        foreach (var network in ModelRegistry.Names)
        {
            var weights = _folder.File($"{network}.pt");
            var patches = OnnxFixtures.Patches(16, seed: 6);
            var expected = Python("write", network, 1, weights, patches);

            using var model = ModelRegistry.Create(network, 2, seed: 0);
            PyTorchStateDict.Load(model, weights, network);
            var difference = OnnxFixtures.MaxDifference(expected, new PatchClassifier(model).Predict(patches));

            Assert.True(difference < 1e-5, $"{network}: max difference {difference:E2}");
        }
    }

    [Fact]
    public void Saved_weights_load_back_exactly()
    {
        using var source = OnnxFixtures.Network("batchnorm", 3, seed: 2);
        var path = _folder.File("bn.pt");
        PyTorchStateDict.Save([source], path);
        using var copy = ModelRegistry.Create("batchnorm", 3, seed: 99);

        PyTorchStateDict.Load(copy, path, "batchnorm");

        var patches = OnnxFixtures.Patches(8, seed: 3);
        Assert.Equal(OnnxFixtures.TorchMean([source], patches), OnnxFixtures.TorchMean([copy], patches));
    }

    [Fact]
    public void A_cv_export_holds_every_fold_under_its_prefix()
    {
        var run = OnnxFixtures.Run(_folder.File("run"), protocol: EvaluationProtocol.Cv, folds: 2);
        var output = _folder.File("cv.pt");

        PyTorchRunExporter.Export(run.Path, output, overwrite: false);

        var keys = PyTorchUnpickler.UnpickleStateDict(output).Keys.Cast<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(20, keys.Count);
        Assert.Contains("folds.0.conv1.weight", keys);
        Assert.Contains("folds.1.logits.bias", keys);
    }

    [Fact]
    public void Weights_of_another_network_are_refused_naming_the_keys()
    {
        using var seed = OnnxFixtures.Network("keras", 2, seed: 1);
        var path = _folder.File("seed.pt");
        PyTorchStateDict.Save([seed], path);
        using var target = ModelRegistry.Create("batchnorm", 2, seed: 0);

        var e = Assert.Throws<MammoDataException>(() => PyTorchStateDict.Load(target, path, "batchnorm"));

        Assert.StartsWith($"{path}: does not fit network 'batchnorm': missing bn1.weight, bn1.bias, ", e.Message, StringComparison.Ordinal);
        Assert.Contains("bn6.num_batches_tracked; unexpected conv1.bias, conv2.bias, conv3.bias, dense.bias, dense.weight; ", e.Message, StringComparison.Ordinal);
        Assert.Contains("conv1.weight is [32, 1, 3, 3] in the file, [16, 1, 3, 3] in the network", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Weights_for_another_class_count_are_refused_naming_the_shapes()
    {
        using var three = OnnxFixtures.Network("keras", 3, seed: 1);
        var path = _folder.File("three.pt");
        PyTorchStateDict.Save([three], path);
        using var target = ModelRegistry.Create("keras", 2, seed: 0);

        var e = Assert.Throws<MammoDataException>(() => PyTorchStateDict.Load(target, path, "keras"));

        Assert.Equal($"{path}: does not fit network 'keras': logits.weight is [3, 6400] in the file, [2, 6400] in the network; logits.bias is [3] in the file, [2] in the network", e.Message);
    }

    [Fact]
    public void A_corrupt_file_is_not_a_state_dict()
    {
        var path = _folder.File("corrupt.pt");
        var bytes = new byte[2048];
        new Random(2).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        using var target = ModelRegistry.Create("keras", 2, seed: 0);

        var e = Assert.Throws<MammoDataException>(() => PyTorchStateDict.Load(target, path, "keras"));

        Assert.StartsWith($"{path}: not a PyTorch state_dict (", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
