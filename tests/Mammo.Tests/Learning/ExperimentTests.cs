using Mammo.Data;
using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary>Experiment grids on a small synthetic MIAS: 24 patients, one calcification per film.</summary>
[Collection(TorchGlobalState.Name)]
public sealed class ExperimentTests : IDisposable
{
    private const int Size = 128;
    private readonly TempFolder _folder = new();
    private readonly Dataset _dataset;

    public ExperimentTests()
    {
        _dataset = SyntheticMias.Calcifications(_folder.Path, Size);
    }

    public void Dispose() => _folder.Dispose();

    private ExperimentPlan Plan(params string[] tasks) => new()
    {
        Tasks = tasks,
        Balancings = [Balancing.Class],
        Protocols = [EvaluationProtocol.Leaky, EvaluationProtocol.Cv],
        Folds = 3,
        Epochs = 1,
        Threads = 1,
        Seed = 3,
        DataPath = _dataset.Source.Path,
        DataChecksum = "synthetic",
    };

    [Fact]
    public void Every_cell_becomes_a_complete_run_folder_and_a_summary_row()
    {
        var folder = new ExperimentFolder(_folder.File("experiment"));

        var results = new Experiment(_dataset, Plan("calc"), folder).Run();

        Assert.Equal(["calc-leaky-class", "calc-cv-class"], results.Select(r => r.Cell.Name));
        Assert.All(results, r => Assert.Equal(ExperimentCellStatus.Trained, r.Status));
        Assert.All(results, r => Assert.Equal(RunStatus.Complete, folder.Cell(r.Cell).ReadStatus()));
        var lines = File.ReadAllLines(folder.File(ExperimentFolder.SummaryCsvFile));
        Assert.Equal(ExperimentSummary.CsvHeader, lines[0]);
        Assert.Equal(3, lines.Length);
        var seed = lines[1].Split(',');
        Assert.Equal(("calc-leaky-class", "true", "complete", "malignant"), (seed[0], seed[4], seed[5], seed[8]));
        var cv = lines[2].Split(',');
        Assert.Equal(("calc-cv-class", "false", "48"), (cv[0], cv[4], cv[6]));
        Assert.NotEqual(string.Empty, cv[15]);
        var plan = folder.ReadPlan();
        Assert.Equal(["calc"], plan.Tasks);
        Assert.Equal([EvaluationProtocol.Leaky, EvaluationProtocol.Cv], plan.Protocols);
        Assert.Equal((3, 1, 3), (plan.Folds, plan.Epochs, plan.Seed));
    }

    [Fact]
    public void A_cell_served_patches_cut_for_an_earlier_cell_predicts_as_the_same_run_alone()
    {
        var folder = new ExperimentFolder(_folder.File("experiment"));
        var plan = Plan("calc");
        new Experiment(_dataset, plan, folder).Run();
        var cv = plan.Cells()[1];
        var alone = new RunFolder(_folder.File("alone"));

        new TrainingRun(_dataset, plan.ConfigFor(cv), alone).Execute();

        Assert.Equal(File.ReadAllText(alone.File(RunFolder.PredictionsFile)), File.ReadAllText(folder.Cell(cv).File(RunFolder.PredictionsFile)));
    }

    [Fact]
    public void A_rerun_skips_finished_cells_without_retraining_and_adds_new_ones()
    {
        var folder = new ExperimentFolder(_folder.File("resumable"));
        new Experiment(_dataset, Plan("calc"), folder).Run();
        var weights = folder.Cell(new ExperimentCell("calc", Balancing.Class, EvaluationProtocol.Leaky)).File(RunFolder.WeightsFile);
        var written = File.GetLastWriteTimeUtc(weights);
        var started = new List<string>();

        var results = new Experiment(_dataset, Plan("calc", "mass"), folder, new ExperimentObserver { Run = new RunObserver { OnUnitStart = (name, _) => started.Add(name) } }).Run();

        Assert.Equal([ExperimentCellStatus.Skipped, ExperimentCellStatus.Skipped], results.Take(2).Select(r => r.Status));
        Assert.Equal(written, File.GetLastWriteTimeUtc(weights));
        Assert.Empty(started);

        // The synthetic data has no masses: those cells fail with the reason, and the grid still finishes.
        Assert.All(results.Skip(2), r => Assert.Equal(ExperimentCellStatus.Failed, r.Status));
        Assert.Contains("has no samples", results[2].Detail, StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(folder.File(ExperimentFolder.SummaryCsvFile)).Length);
    }

    [Fact]
    public void A_cell_trained_with_other_options_is_an_error_not_a_silent_mix()
    {
        var folder = new ExperimentFolder(_folder.File("mixed"));
        new Experiment(_dataset, Plan("calc") with { Protocols = [EvaluationProtocol.Leaky] }, folder).Run();

        var error = Assert.Throws<MammoDataException>(() => new Experiment(_dataset, Plan("calc") with { Protocols = [EvaluationProtocol.Leaky], Epochs = 2 }, folder).Run());

        Assert.Contains("calc-leaky-class: was trained with epochs 1, not 2 as now asked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_stops_the_grid_and_a_rerun_completes_it()
    {
        var folder = new ExperimentFolder(_folder.File("cancelled"));
        using var cancel = new CancellationTokenSource();
        var observer = new ExperimentObserver { Run = new RunObserver { OnBatch = _ => cancel.Cancel() } };

        var stopped = new Experiment(_dataset, Plan("calc"), folder, observer).Run(cancel.Token);
        var summary = File.ReadAllLines(folder.File(ExperimentFolder.SummaryCsvFile));
        var finished = new Experiment(_dataset, Plan("calc"), folder).Run();

        Assert.Equal([ExperimentCellStatus.Interrupted], stopped.Select(r => r.Status));
        Assert.Equal(["interrupted", "not run"], summary.Skip(1).Select(l => l.Split(',')[5]));
        Assert.Equal([ExperimentCellStatus.Trained, ExperimentCellStatus.Trained], finished.Select(r => r.Status));
        Assert.Equal("resumed and completed", finished[0].Detail);
    }
}
