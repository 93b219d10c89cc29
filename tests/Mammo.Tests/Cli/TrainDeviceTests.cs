using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Cli;

/// <summary>This build is CPU-only: <c>--device cuda</c> is refused when the command line is read, before any data.</summary>
public sealed class TrainDeviceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Cuda_is_refused_at_parse_time_with_one_line_and_nothing_written()
    {
        Assert.False(TorchDevice.CudaAvailable);

        var result = CliRunner.Run("train", "--data", _folder.File("no-data-needed"), "--device", "cuda", "--out", _folder.File("run"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--device cuda: this build uses TorchSharp's CPU package", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("run")));
    }

    [Fact]
    public void The_device_is_one_typed_value_through_the_run_config()
    {
        Assert.Equal(TorchSharp.DeviceType.CPU, TorchDevice.Of(ComputeDevice.Cpu).type);
        var error = Assert.Throws<InvalidSettingException>(() => TorchDevice.Of(ComputeDevice.Cuda));
        Assert.Contains("CPU libtorch package", error.Message, StringComparison.Ordinal);
        Assert.Equal("\"cpu\"", Mammo.Storage.Json.Serialize(new TrainingOptions().Device));
    }

    [Fact]
    public void A_bad_context_or_a_fixed_one_under_the_leaky_protocol_is_refused_at_parse_time()
    {
        var small = CliRunner.Run("train", "--data", _folder.File("none"), "--context", "fixed:4", "--out", _folder.File("a"));
        var leaky = CliRunner.Run("train", "--data", _folder.File("none"), "--protocol", "leaky", "--context", "fixed:64", "--out", _folder.File("b"));

        Assert.Equal(2, small.ExitCode);
        Assert.Contains("--context: context 'fixed:4': expected lesion or fixed:N", small.Errors, StringComparison.Ordinal);
        Assert.Equal(2, leaky.ExitCode);
        Assert.Contains("the leaky protocol (the original study's) keeps the original recipe", leaky.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--gain-jitter needs --augment", "--gain-jitter", "0.2")]
    [InlineData("--min-epoch must lie between 1 and --epochs (60)", "--min-epoch", "61")]
    [InlineData("--intensity: intensity 'minmax': expected unit", "--intensity", "minmax")]
    [InlineData("--input must lie between 8 and 512", "--input", "4")]
    [InlineData("--weight-decay must not be negative", "--weight-decay", "-1")]
    [InlineData("--fusion: task detect has regions without a lesion's class and radius", "--fusion", "metadata", "--task", "detect")]
    [InlineData("--fusion: the leaky protocol (the original study's) has no honest split", "--fusion", "metadata", "--protocol", "leaky")]
    [InlineData("the leaky protocol (the original study's) keeps the original recipe (48, unit)", "--input", "64", "--protocol", "seed")]
    [InlineData("--hard-negatives: mining needs --task detect and held-out patients", "--hard-negatives", "2", "--task", "calc")]
    [InlineData("--hard-negatives: mining needs --task detect and held-out patients", "--hard-negatives", "2", "--task", "detect", "--protocol", "leaky")]
    [InlineData("--hard-negatives must lie between 0 and 50", "--hard-negatives", "51", "--task", "detect")]
    public void Model_options_that_cannot_work_are_refused_at_parse_time(string expected, params string[] options)
    {
        var result = CliRunner.Run(["train", "--data", _folder.File("none"), "--out", _folder.File("run"), .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("run")));
    }
}
