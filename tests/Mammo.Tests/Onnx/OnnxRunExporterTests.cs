using Mammo.Data;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Onnx;
using Mammo.Runs;
using Mammo.Tests.Learning;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Onnx;

/// <summary><c>mammo export</c> on run folders: what it writes, and what it refuses.</summary>
[Collection(TorchGlobalState.Name)]
public sealed class OnnxRunExporterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("keras", EvaluationProtocol.Patient, 1)]
    [InlineData("batchnorm", EvaluationProtocol.Leaky, 1)]
    [InlineData("keras", EvaluationProtocol.Cv, 2)]
    public void The_exported_file_predicts_what_the_run_predicts_and_states_its_contract(string network, EvaluationProtocol protocol, int models)
    {
        var run = OnnxFixtures.Run(_folder.File("run"), network, protocol, folds: 2);
        var output = _folder.File("model.onnx");

        var result = CliRunner.Run("export", run.Path, "--format", "onnx", "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("wrote", result.Output, StringComparison.Ordinal);
        var patches = OnnxFixtures.Patches(32, seed: 8);
        using var trained = TrainedModel.Load(run);
        using var classifier = OnnxPatchClassifier.Open(output);
        Assert.True(OnnxFixtures.MaxDifference(trained.Predict(patches), classifier.Predict(patches)) < 1e-5);

        var metadata = classifier.Metadata;
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(run.File(RunFolder.MetricsFile)));
        var test = metrics.RootElement.GetProperty("test_tta");
        Assert.Equal("benign,malignant", metadata["classes"]);
        Assert.Equal("malignant", metadata["positive_class"]);
        Assert.Equal("48", metadata["input_size"]);
        Assert.DoesNotContain('\n', metadata["preprocessing"]);
        var pipeline = System.Text.Json.JsonSerializer.Deserialize<Mammo.Preprocessing.PatchPipeline>(metadata["preprocessing"], Mammo.Storage.Json.Options)!;
        Assert.Equal(protocol == EvaluationProtocol.Leaky ? Mammo.Preprocessing.PatchPipeline.Original : Mammo.Preprocessing.PatchPipeline.Default, pipeline);
        Assert.Equal(test.GetProperty("auc").GetDouble(), double.Parse(metadata["test_auc"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(test.GetProperty("auc_lower").GetDouble(), double.Parse(metadata["test_auc_ci95_lower"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(test.GetProperty("auc_upper").GetDouble(), double.Parse(metadata["test_auc_ci95_upper"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("12", metadata["test_count"]);
        Assert.Equal("calc", metadata["task"]);
        Assert.Equal(protocol.ToString().ToLowerInvariant(), metadata["protocol"]);
        Assert.Equal(protocol == EvaluationProtocol.Leaky ? "true" : "false", metadata["leaky"]);
        Assert.Equal(protocol == EvaluationProtocol.Leaky, metadata.ContainsKey("warning"));
        Assert.Equal(network, metadata["network"]);
        Assert.Equal(models.ToString(System.Globalization.CultureInfo.InvariantCulture), metadata["models"]);
        Assert.Contains("resized bicubically to 48×48", metadata["crop"], StringComparison.Ordinal);
        Assert.Contains("r = the lesion's labelled radius", metadata["crop"], StringComparison.Ordinal);
        Assert.Contains("from the BOTTOM", metadata["coordinates"], StringComparison.Ordinal);
        Assert.Contains("divides by 255", metadata["intensity"], StringComparison.Ordinal);
        Assert.Equal(OnnxMetadata.MammoVersion, metadata["mammo_version"]);
    }

    [Fact]
    public void An_incomplete_run_is_refused()
    {
        var run = OnnxFixtures.Run(_folder.File("run"), status: RunStatus.Training);

        var e = Assert.Throws<MammoDataException>(() => OnnxRunExporter.Export(run.Path, _folder.File("model.onnx"), overwrite: false));

        Assert.Contains("the run is training, not complete", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("model.onnx")));
    }

    [Fact]
    public void A_network_the_exporter_does_not_know_is_refused_naming_config_json()
    {
        var run = OnnxFixtures.Run(_folder.File("run"), model: "resnet50");

        var result = CliRunner.Run("export", run.Path, "--out", _folder.File("model.onnx"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"mammo: error: {run.File(RunFolder.ConfigFile)}: model 'resnet50' is not a network Mammo knows", result.Errors, StringComparison.Ordinal);
        Assert.Single(result.Errors.TrimEnd().Split('\n'));
        Assert.False(File.Exists(_folder.File("model.onnx")));
    }

    [Fact]
    public void Missing_fold_weights_are_named()
    {
        var run = OnnxFixtures.Run(_folder.File("run"), protocol: EvaluationProtocol.Cv, folds: 2);
        File.Delete(Path.Combine(run.UnitFolder(1), RunFolder.WeightsFile));

        var e = Assert.Throws<MammoDataException>(() => OnnxRunExporter.Export(run.Path, _folder.File("model.onnx"), overwrite: false));

        Assert.Equal($"{Path.Combine(run.UnitFolder(1), RunFolder.WeightsFile)}: missing (the run folder has no trained weights)", e.Message);
    }

    [Fact]
    public void An_existing_output_is_kept_unless_overwriting_is_allowed()
    {
        var run = OnnxFixtures.Run(_folder.File("run"));
        var output = _folder.File("model.onnx");
        File.WriteAllText(output, "keep me");

        var refused = CliRunner.Run("export", run.Path, "--out", output);

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"mammo: error: {output}: exists (choose another path, or pass --overwrite to replace it)", refused.Errors.TrimEnd());
        Assert.Equal("keep me", File.ReadAllText(output));

        Assert.Equal(0, CliRunner.Run("export", run.Path, "--out", output, "--overwrite").ExitCode);
        using var classifier = OnnxPatchClassifier.Open(output);
        Assert.Equal(2, classifier.ClassNames.Count);
    }

    [Theory]
    [InlineData("weights.bin")]
    [InlineData("metrics.json")]
    [InlineData("feature-detector.json")]
    [InlineData("fusion.json")]
    [InlineData("predictions-fusion.csv")]
    [InlineData("baselines.csv")]
    [InlineData("network.json")]
    [InlineData("hard-negatives.csv")]
    [InlineData("fold-0/model.onnx")]
    [InlineData("checkpoint/model.onnx")]
    [InlineData("")]
    public void The_runs_own_files_are_never_replaced_even_when_overwriting(string name)
    {
        var run = OnnxFixtures.Run(_folder.File("run"));
        var output = name.Length == 0 ? run.Path : Path.Combine(run.Path, name);
        var before = File.Exists(output) ? File.ReadAllBytes(output) : null;

        var e = Assert.Throws<Mammo.Storage.OutputConflictException>(() => OnnxRunExporter.Export(run.Path, output, overwrite: true));

        Assert.Contains(name.Length == 0 ? "is the input" : "lies inside the input", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.Exists(output) ? File.ReadAllBytes(output) : null);
    }

    [Fact]
    public void A_new_file_directly_in_the_run_folder_is_allowed()
    {
        var run = OnnxFixtures.Run(_folder.File("run"));

        OnnxRunExporter.Export(run.Path, run.File("model.onnx"), overwrite: false);

        using var classifier = OnnxPatchClassifier.Open(run.File("model.onnx"));
        Assert.Equal("keras", classifier.Metadata["network"]);
    }
}
