using System.Text.Json;
using Mammo.Tests.Cli.Reliability;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Onnx;

/// <summary>`mammo predict --engine onnx`: the run's networks exported in memory and run by ONNX Runtime.</summary>
[Collection(Mammo.Tests.Learning.TorchGlobalState.Name)]
public sealed class PredictEngineTests : IDisposable
{
    private readonly BatteryWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void A_region_scored_by_ONNX_Runtime_gets_libtorch_s_probabilities()
    {
        var torch = CliRunner.Run("predict", _world.Run, _world.Image, "--at", "500,524,30", "--json");
        var onnx = CliRunner.Run("predict", _world.Run, _world.Image, "--at", "500,524,30", "--json", "--engine", "onnx");

        Assert.Equal(0, torch.ExitCode);
        Assert.True(onnx.ExitCode == 0, onnx.Errors);
        using var a = JsonDocument.Parse(torch.Output);
        using var b = JsonDocument.Parse(onnx.Output);
        Assert.Equal("onnx", b.RootElement.GetProperty("engine").GetString());
        foreach (var name in new[] { "benign", "malignant" })
        {
            Assert.Equal(a.RootElement.GetProperty("probabilities").GetProperty(name).GetDouble(), b.RootElement.GetProperty("probabilities").GetProperty(name).GetDouble(), 1e-5);
        }
    }

    [Fact]
    public void A_heat_map_through_ONNX_is_refused_in_one_line()
    {
        var result = CliRunner.Run("predict", _world.Run, _world.Image, "--engine", "onnx");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("mammo: error: --engine onnx scores regions (--at); heat maps run in libtorch, whose fully convolutional pass has no ONNX export yet", result.Errors.Trim());
    }
}
