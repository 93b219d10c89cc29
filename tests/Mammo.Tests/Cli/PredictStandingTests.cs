using System.Text.Json;
using Mammo.Tests.Cli.Reliability;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Cli;

/// <summary>Every prediction is printed beside what the run is worth on held-out patients, and its baseline.</summary>
[Collection(Mammo.Tests.Learning.TorchGlobalState.Name)]
public sealed class PredictStandingTests : IDisposable
{
    private readonly BatteryWorld _world = new();

    public void Dispose() => _world.Dispose();

    private void Metrics(double auc, double lower, double upper, bool leaky = false) =>
        File.WriteAllText(Path.Combine(_world.Run, "metrics.json"), string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{{\"leaky\": {(leaky ? "true" : "false")}, \"test_tta\": {{\"auc\": {auc}, \"auc_lower\": {lower}, \"auc_upper\": {upper}}}, \"baselines\": {{\"prevalence\": {{\"auc\": 0.49}}, \"metadata\": {{\"auc\": 0.719, \"auc_lower\": 0.625, \"auc_upper\": 0.814}}}}}}"));

    [Fact]
    public void A_run_at_chance_says_so_and_names_the_baseline_that_beats_it()
    {
        Metrics(0.488, 0.385, 0.591);

        var result = CliRunner.Run("predict", _world.Run, _world.Image, "--at", "500,524,30");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("held-out AUC of this run: 0.488 (95% CI 0.385–0.591); metadata baseline (abnormality class and radius, no pixels) 0.719 (95% CI 0.625–0.814)", result.Output, StringComparison.Ordinal);
        Assert.Contains("not better than chance on held-out patients", result.Output, StringComparison.Ordinal);
        Assert.Contains("the metadata baseline does better than this network", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_whose_interval_clears_chance_gets_no_warning_and_its_JSON_carries_the_numbers()
    {
        Metrics(0.85, 0.80, 0.90);

        var text = CliRunner.Run("predict", _world.Run, _world.Image, "--at", "500,524,30");
        var json = CliRunner.Run("predict", _world.Run, _world.Image, "--at", "500,524,30", "--json");

        Assert.DoesNotContain("chance", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("does better", text.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        var heldOut = document.RootElement.GetProperty("held_out");
        Assert.Equal(0.85, heldOut.GetProperty("auc").GetDouble());
        Assert.Equal(0.80, heldOut.GetProperty("auc_lower").GetDouble());
        Assert.True(heldOut.GetProperty("better_than_chance").GetBoolean());
        Assert.Equal("metadata", heldOut.GetProperty("baseline_name").GetString());
        Assert.Equal(0.719, heldOut.GetProperty("baseline_auc").GetDouble());
    }

    [Fact]
    public void A_leaky_run_is_never_called_better_than_chance()
    {
        Metrics(0.95, 0.90, 0.99, leaky: true);

        var result = CliRunner.Run("predict", _world.Run, _world.Image, "--at", "500,524,30");

        Assert.Contains("trained under the leaky protocol (the original study's)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not better than chance", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scan_of_the_run_s_own_data_says_whether_the_run_held_its_patient_out()
    {
        Metrics(0.85, 0.80, 0.90);
        var test = _world.File("mdb001.pgm");
        var train = _world.File("mdb005.pgm");
        File.Copy(_world.Image, test);
        File.Copy(_world.Image, train);
        File.AppendAllText(Path.Combine(_world.Run, "split.csv"), "mdb005,P003,0,train\n");

        var heldOut = CliRunner.Run("predict", _world.Run, test, "--at", "500,524,30");
        var trained = CliRunner.Run("predict", _world.Run, train, "--at", "500,524,30");
        var unknown = CliRunner.Run("predict", _world.Run, _world.Image, "--at", "500,524,30");

        Assert.Contains("mdb001 is a scan of patient P001, a test patient of this run: a held-out answer", heldOut.Output, StringComparison.Ordinal);
        Assert.Contains("this run trained on patient P003 (mdb005): its answer here is not a held-out one", trained.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("patient", unknown.Output, StringComparison.Ordinal);
    }
}
