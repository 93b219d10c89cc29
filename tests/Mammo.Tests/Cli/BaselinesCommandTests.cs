using System.Text.Json;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Cli;

public sealed class BaselinesCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Normal_vs_abnormal_has_no_lesion_metadata_so_only_prevalence_and_features()
    {
        // MIAS-sized scans (the command line accepts no other); a normal scan's region is centred near (506, 506), radius 48.
        SyntheticMias.Write(_folder.Path, Enumerable.Range(1, 24).Select(n => n % 2 == 0 ? $"mdb{n:000} F NORM" : $"mdb{n:000} F CIRC B 300 300 {20 + n}"), size: 1024);

        var result = CliRunner.Run("baselines", "--data", _folder.Path, "--task", "normal-abnormal", "--protocol", "cv", "--folds", "3", "--json");

        Assert.True(result.ExitCode == 0, result.Errors);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(["prevalence", "features"], json.RootElement.EnumerateObject().Select(p => p.Name));
        // The discs are bright, normal regions dark: the image features separate them.
        Assert.True(json.RootElement.GetProperty("features").GetProperty("auc").GetDouble() > 0.9);
        Assert.Equal(24, json.RootElement.GetProperty("features").GetProperty("count").GetInt32());
    }
}
