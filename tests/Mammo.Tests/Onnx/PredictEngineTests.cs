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
        var torch = CliRunner.Run("predict", _world.Run, _world.Image, "--at", "500,524,30", "--json", "--engine", "torch");
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
    public void ONNX_Runtime_is_the_default_engine()
    {
        var result = CliRunner.Run("predict", _world.Run, _world.Image, "--at", "500,524,30", "--json");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("onnx", json.RootElement.GetProperty("engine").GetString());
    }

    [Fact]
    public void A_heat_map_through_ONNX_Runtime_lists_libtorch_s_regions_and_scores()
    {
        var torch = CliRunner.Run("predict", _world.Run, _world.Image, "--json", "--out", _world.File("t.png"), "--min-inside", "0", "--engine", "torch");
        var onnx = CliRunner.Run("predict", _world.Run, _world.Image, "--json", "--out", _world.File("o.png"), "--min-inside", "0", "--engine", "onnx");

        Assert.True(onnx.ExitCode == 0, onnx.Errors);
        using var a = JsonDocument.Parse(torch.Output);
        using var b = JsonDocument.Parse(onnx.Output);
        var (ra, rb) = (a.RootElement.GetProperty("regions").EnumerateArray().ToList(), b.RootElement.GetProperty("regions").EnumerateArray().ToList());
        Assert.NotEmpty(ra);
        Assert.Equal(ra.Count, rb.Count);
        foreach (var (x, y) in ra.Zip(rb))
        {
            Assert.Equal(x.GetProperty("x").GetDouble(), y.GetProperty("x").GetDouble());
            Assert.Equal(x.GetProperty("row").GetDouble(), y.GetProperty("row").GetDouble());
            Assert.Equal(x.GetProperty("score").GetDouble(), y.GetProperty("score").GetDouble(), 1e-5);
        }
    }
}
