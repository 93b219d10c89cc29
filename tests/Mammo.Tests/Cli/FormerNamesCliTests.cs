using Mammo.Cli.Commands;
using Mammo.Cli.Infrastructure;
using Mammo.Imaging;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Cli;

/// <summary>
/// The command line's new words (network keras, protocol leaky, variants original) and the former "seed" for each,
/// still accepted where it was.
/// </summary>
public sealed class FormerNamesCliTests
{
    [Theory]
    [InlineData("leaky", EvaluationProtocol.Leaky)]
    [InlineData("seed", EvaluationProtocol.Leaky)]
    [InlineData("Patient", EvaluationProtocol.Patient)]
    [InlineData("official", EvaluationProtocol.Official)]
    public void Protocol_takes_the_names_and_the_former_one(string text, EvaluationProtocol expected)
    {
        Assert.Equal(expected, new ProtocolConverter().Parse(text));
    }

    [Theory]
    [InlineData("original", VariantScheme.Original)]
    [InlineData("seed", VariantScheme.Original)]
    [InlineData("dihedral", VariantScheme.Dihedral)]
    [InlineData("none", VariantScheme.None)]
    public void Variants_take_the_names_and_the_former_one(string text, VariantScheme expected)
    {
        Assert.Equal(expected, new VariantsConverter().Parse(text));
    }

    [Fact]
    public void The_former_protocol_name_reaches_the_same_checks_as_the_new_one()
    {
        var leaky = CliRunner.Run("train", "--data", "none", "--protocol", "leaky", "--fusion", "metadata");
        var seed = CliRunner.Run("train", "--data", "none", "--protocol", "seed", "--fusion", "metadata");

        Assert.Equal(2, seed.ExitCode);
        Assert.Contains("--fusion: the leaky protocol (the original study's) has no honest split", seed.Errors, StringComparison.Ordinal);
        Assert.Equal(leaky.Errors, seed.Errors);
    }

    [Fact]
    public void Model_list_shows_keras_and_its_former_name()
    {
        var result = CliRunner.Run("model", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("keras (formerly seed)", result.Output, StringComparison.Ordinal);
        Assert.Contains("batchnorm", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_summary_takes_the_former_name()
    {
        var keras = CliRunner.Run("model", "summary", "--name", "keras");
        var seed = CliRunner.Run("model", "summary", "--name", "seed");

        Assert.Equal(0, seed.ExitCode);
        Assert.Contains("72,706", seed.Output, StringComparison.Ordinal);
        Assert.Equal(keras.Output, seed.Output);
    }

    [Fact]
    public void The_default_run_folder_uses_the_new_names()
    {
        var byDefault = new TrainSettings { Task = "calc", Protocol = EvaluationProtocol.Patient, Balancing = Balancing.Class, Model = "keras" };

        Assert.Equal(Path.Combine("runs", "calc-patient-class-keras-s0"), byDefault.DefaultFolder);
        Assert.Equal(Path.Combine("runs", "calc-patient-class-keras-s0"), new TrainSettings { Task = "calc", Balancing = Balancing.Class, Model = "seed" }.DefaultFolder);
        Assert.Equal(Path.Combine("runs", "mass-leaky-weights-batchnorm-s3"), new TrainSettings { Task = "mass", Protocol = EvaluationProtocol.Leaky, Balancing = Balancing.Weights, Model = "batchnorm", Seed = 3 }.DefaultFolder);
    }

    [Fact]
    public void Help_shows_keras_as_the_default_network()
    {
        var train = CliRunner.Run("train", "--help").Output.Split('\n');
        var summary = CliRunner.Run("model", "summary", "--help").Output.Split('\n');

        Assert.Contains(" keras ", train.Single(l => l.Contains("--model <NAME>", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(" keras ", summary.Single(l => l.Contains("--name <NAME>", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
