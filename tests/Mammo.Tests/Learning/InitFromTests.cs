using Mammo.Data;
using Mammo.Learning.Export;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Tests.Onnx;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary>Training that starts from a PyTorch state_dict (<c>mammo train --init-from</c>).</summary>
[Collection(TorchGlobalState.Name)]
public sealed class InitFromTests : IDisposable
{
    private const int Size = 128;
    private readonly TempFolder _folder = new();
    private readonly Dataset _dataset;

    public InitFromTests()
    {
        _dataset = SyntheticMias.Calcifications(_folder.Path, Size);
    }

    public void Dispose() => _folder.Dispose();

    private RunConfig Config(string initFrom, EvaluationProtocol protocol = EvaluationProtocol.Patient) => new()
    {
        Task = "calc",
        Protocol = protocol,
        Folds = 2,
        Seed = 4,
        DataPath = _dataset.Source.Path,
        InitFrom = initFrom,
        // Adam with learning rate 0 leaves the weights where they started, so the run's weights must be the file's.
        Training = new TrainingOptions { MaxEpochs = 1, Threads = 1, LearningRate = 0 },
    };

    [Theory]
    [InlineData(EvaluationProtocol.Patient)]
    [InlineData(EvaluationProtocol.Cv)]
    public void Every_model_of_the_run_starts_from_the_files_weights(EvaluationProtocol protocol)
    {
        using var start = OnnxFixtures.Network("keras", 2, seed: 21);
        var weights = _folder.File("start.pt");
        PyTorchStateDict.Save([start], weights);
        var folder = new RunFolder(_folder.File("run"));

        var result = new TrainingRun(_dataset, Config(weights, protocol), folder).Execute();

        Assert.Equal(RunStatus.Complete, result.Status);
        Assert.Equal(weights, folder.ReadConfig().InitFrom);
        var patches = OnnxFixtures.Patches(8, seed: 1);
        using var trained = TrainedModel.Load(folder);
        Assert.Equal(protocol == EvaluationProtocol.Cv ? 2 : 1, trained.Models);
        Assert.True(OnnxFixtures.MaxDifference(OnnxFixtures.TorchMean([start], patches), trained.Predict(patches)) < 1e-6);
    }

    [Fact]
    public void A_state_dict_that_does_not_fit_fails_the_run_before_anything_is_written()
    {
        using var other = OnnxFixtures.Network("batchnorm", 2, seed: 1);
        var weights = _folder.File("batchnorm.pt");
        PyTorchStateDict.Save([other], weights);
        var folder = new RunFolder(_folder.File("run"));

        var e = Assert.Throws<MammoDataException>(() => new TrainingRun(_dataset, Config(weights), folder).Execute());

        Assert.StartsWith($"{weights}: does not fit network 'keras': missing conv1.bias, ", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Path));
    }
}
