using System.Globalization;
using System.Text.Json;
using Mammo.Baselines;
using Mammo.Data;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary>
/// Baselines, calibration and the validation threshold inside whole runs, on a synthetic MIAS whose malignant
/// lesions are drawn larger (as in the real data), and <c>mammo baselines</c> on the same split.
/// </summary>
[Collection(TorchGlobalState.Name)]
public sealed class RunBaselinesTests : IDisposable
{
    // The command line accepts MIAS-sized scans only.
    private const int Size = 1024;
    private readonly TempFolder _folder = new();
    private readonly string _data;
    private readonly Dataset _dataset;

    public RunBaselinesTests()
    {
        _data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(_data);
        // 48 films of 24 patients; even patients malignant; every third film a calcification, the rest masses.
        SyntheticMias.Write(_data, Enumerable.Range(1, 48).Select(n =>
        {
            var malignant = (n + 1) / 2 % 2 == 0;
            var radius = malignant ? 12 + (n % 5) : 5 + (n % 4);
            return $"mdb{n:000} F {(n % 3 == 0 ? "CALC" : "CIRC")} {(malignant ? "M" : "B")} {40 + (n % 5 * 10)} {50 + (n % 3 * 10)} {radius}";
        }), Size);
        _dataset = MiasDataset.Load(DatasetSource.Open(_data), new DatasetLoadOptions(Strict: true, ImageSize: Size));
    }

    public void Dispose() => _folder.Dispose();

    private (RunFolder Folder, RunConfig Config) Run(EvaluationProtocol protocol, string name, bool calibrate = false)
    {
        var folder = new RunFolder(Path.Combine(_folder.Path, name));
        var config = new RunConfig
        {
            Task = "all",
            Protocol = protocol,
            Folds = 3,
            Seed = 4,
            Calibrate = calibrate,
            DataPath = _dataset.Source.Path,
            Training = new TrainingOptions { MaxEpochs = 1, Threads = 1 },
        };
        Assert.Equal(RunStatus.Complete, new TrainingRun(_dataset, config, folder).Execute().Status);
        return (folder, config);
    }

    [Fact]
    public void A_cv_run_scores_the_baselines_on_its_own_folds_and_mammo_baselines_reproduces_them()
    {
        var (folder, config) = Run(EvaluationProtocol.Cv, "cv");

        var plan = RunSplit.Plan(_dataset, config);
        Assert.Equal(File.ReadAllText(folder.File(SplitManifest.FileName)), SplitManifest.Write(plan.Units.SelectMany(u => new SplitAssignment(u.Train, u.Validation, u.Test).Rows(u.Fold))));
        var baselines = BaselineTable.Read(File.ReadAllText(folder.File(BaselineTable.FileName)), "baselines.csv");
        Assert.Equal([BaselineKind.Prevalence, BaselineKind.Radius, BaselineKind.Metadata, BaselineKind.Features], baselines.Kinds);
        var predictions = File.ReadAllLines(folder.File(RunFolder.PredictionsFile)).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(predictions, baselines.Rows.Select(r => r.SampleId));
        var testFold = plan.Units.SelectMany(u => u.Test.Select(s => (s.Id, u.Fold))).ToDictionary(x => x.Id, x => x.Fold);
        Assert.All(baselines.Rows, r => Assert.Equal(testFold[r.SampleId], r.Fold));
        // The radius separates the classes perfectly here, in every fold.
        Assert.All(baselines.Rows.GroupBy(r => r.Fold), fold =>
            Assert.True(fold.Where(r => r.Label == 1).Min(r => r.Scores[1]) > fold.Where(r => r.Label == 0).Max(r => r.Scores[1])));

        using var metrics = JsonDocument.Parse(File.ReadAllText(folder.File(RunFolder.MetricsFile)));
        var root = metrics.RootElement;
        var radius = root.GetProperty("baselines").GetProperty("radius");
        Assert.Equal(1.0, radius.GetProperty("auc").GetDouble());
        Assert.Equal(3, radius.GetProperty("fold_aucs").GetArrayLength());
        Assert.Equal(1.0, radius.GetProperty("fold_auc_mean").GetDouble());
        Assert.True(root.GetProperty("baselines").GetProperty("metadata").GetProperty("auc_lower").GetDouble() > 0.5);
        Assert.InRange(root.GetProperty("calibration").GetProperty("brier").GetDouble(), 0, 1);
        Assert.Equal(10, root.GetProperty("calibration").GetProperty("bins").GetArrayLength());
        Assert.Equal(48, root.GetProperty("calibration").GetProperty("bins").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(3, root.GetProperty("validation_threshold").GetProperty("thresholds").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("calibrated").ValueKind);

        var command = CliRunner.Run("baselines", "--data", _data, "--task", "all", "--protocol", "cv", "--folds", "3", "--seed", "4", "--json");
        Assert.True(command.ExitCode == 0, command.Errors);
        using var alone = JsonDocument.Parse(command.Output);
        foreach (var name in new[] { "prevalence", "radius", "metadata", "features" })
        {
            var inRun = root.GetProperty("baselines").GetProperty(name);
            var byCommand = alone.RootElement.GetProperty(name);
            foreach (var key in new[] { "auc", "auc_lower", "auc_upper", "fold_auc_mean" })
            {
                Assert.Equal(inRun.GetProperty(key).GetDouble(), byCommand.GetProperty(key).GetDouble());
            }
        }

        var evaluate = CliRunner.Run("evaluate", folder.Path);
        Assert.Equal(0, evaluate.ExitCode);
        Assert.Contains("baseline: metadata", evaluate.Output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{radius.GetProperty("auc").GetDouble():0.000} ("), evaluate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patient_run_with_calibrate_records_platt_scaling_beside_the_raw_probabilities()
    {
        var (folder, config) = Run(EvaluationProtocol.Patient, "patient", calibrate: true);

        var plan = RunSplit.Plan(_dataset, config);
        var unit = Assert.Single(plan.Units);
        Assert.Equal(File.ReadAllText(folder.File(SplitManifest.FileName)), new SplitAssignment(unit.Train, unit.Validation, unit.Test).ToCsv());
        var baselines = BaselineTable.Read(File.ReadAllText(folder.File(BaselineTable.FileName)), "baselines.csv");
        Assert.All(baselines.Rows, r => Assert.Null(r.Fold));
        Assert.Equal(unit.Test.Count, baselines.Rows.Count);

        using var metrics = JsonDocument.Parse(File.ReadAllText(folder.File(RunFolder.MetricsFile)));
        var calibrated = metrics.RootElement.GetProperty("calibrated");
        var platt = Assert.Single(calibrated.GetProperty("platt").EnumerateArray());
        Assert.True(double.IsFinite(platt.GetProperty("a").GetDouble()));
        Assert.InRange(calibrated.GetProperty("calibration").GetProperty("ece").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Null, metrics.RootElement.GetProperty("baselines").GetProperty("prevalence").GetProperty("fold_auc_mean").ValueKind);
        Assert.True(folder.ReadConfig().Calibrate);
    }

    [Fact]
    public void Mammo_baselines_refuses_the_leaky_protocol_and_prints_a_table()
    {
        var leaky = CliRunner.Run("baselines", "--data", _data, "--protocol", "leaky");
        var formerName = CliRunner.Run("baselines", "--data", _data, "--protocol", "seed");
        var table = CliRunner.Run("baselines", "--data", _data, "--task", "all", "--out", Path.Combine(_folder.Path, "b.csv"));

        Assert.Equal(2, leaky.ExitCode);
        Assert.Contains("--protocol leaky: baselines need an honest split", leaky.Errors, StringComparison.Ordinal);
        Assert.Equal(leaky.Errors, formerName.Errors);
        Assert.True(table.ExitCode == 0, table.Errors);
        Assert.Contains("baseline: features", table.Output, StringComparison.Ordinal);
        Assert.StartsWith("sample_id,fold,label,prevalence,radius,metadata,features\n", File.ReadAllText(Path.Combine(_folder.Path, "b.csv")), StringComparison.Ordinal);
    }
}
