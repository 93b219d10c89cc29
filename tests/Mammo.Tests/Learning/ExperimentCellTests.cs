using Mammo.Data;
using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary>One cell at a time into a shared experiment folder, as a cluster's job array runs it.</summary>
[Collection(TorchGlobalState.Name)]
public sealed class ExperimentCellTests : IDisposable
{
    private const int Size = 128;
    private static readonly ExperimentCell s_seed = new("calc", Balancing.Class, EvaluationProtocol.Leaky);
    private static readonly ExperimentCell s_cv = new("calc", Balancing.Class, EvaluationProtocol.Cv);
    private readonly TempFolder _folder = new();
    private readonly Dataset _dataset;

    public ExperimentCellTests()
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
    public void A_cell_runs_alone_and_the_last_one_leaves_the_summary_complete()
    {
        var folder = new ExperimentFolder(_folder.File("shared"));
        var started = new List<string>();
        var observer = new ExperimentObserver { Run = new RunObserver { OnUnitStart = (name, _) => started.Add(name) } };

        var first = new Experiment(_dataset, Plan("calc"), folder, observer).RunCell(s_seed);

        Assert.Equal(ExperimentCellStatus.Trained, first.Status);
        Assert.Equal(["calc-leaky-class"], Directory.GetDirectories(folder.File("cells")).Select(Path.GetFileName));
        Assert.Equal(["complete", "not run"], Statuses(folder));
        Assert.Equal(["calc"], folder.ReadPlan().Tasks);
        Assert.False(new Experiment(_dataset, Plan("calc"), folder).Finished());

        var second = new Experiment(_dataset, Plan("calc"), folder).RunCell(s_cv);
        var again = new Experiment(_dataset, Plan("calc"), folder, observer).RunCell(s_seed);

        Assert.Equal(ExperimentCellStatus.Trained, second.Status);
        Assert.Equal(ExperimentCellStatus.Skipped, again.Status);
        Assert.Single(started);
        Assert.Equal(["complete", "complete"], Statuses(folder));
        Assert.True(new Experiment(_dataset, Plan("calc"), folder).Finished());
    }

    [Fact]
    public void A_folder_holding_another_plan_is_refused_before_anything_is_trained()
    {
        var folder = new ExperimentFolder(_folder.File("planned"));
        new Experiment(_dataset, Plan("calc"), folder).RunCell(s_seed);
        var plan = File.ReadAllText(folder.File(ExperimentFolder.PlanFile));

        var epochs = Assert.Throws<MammoDataException>(() => new Experiment(_dataset, Plan("calc") with { Epochs = 2 }, folder).RunCell(s_cv));
        var tasks = Assert.Throws<MammoDataException>(() => new Experiment(_dataset, Plan("calc", "mass"), folder).RunCell(s_cv));

        Assert.Equal($"{folder.File(ExperimentFolder.PlanFile)}: holds another plan (epochs 1, not 2 as now asked); use another experiment folder, or ask for the plan it holds", epochs.Message);
        Assert.Contains("(tasks calc, not calc,mass as now asked)", tasks.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Cell(s_cv).Path));
        Assert.Equal(plan, File.ReadAllText(folder.File(ExperimentFolder.PlanFile)));

        // Where the data lies and the thread count are each machine's own: the same plan.
        var elsewhere = new Experiment(_dataset, Plan("calc") with { Threads = 2, DataPath = "/mnt/other/mias" }, folder).RunCell(s_seed);
        Assert.Equal(ExperimentCellStatus.Skipped, elsewhere.Status);
    }

    [Fact]
    public void A_locked_cell_is_left_to_its_holder_and_a_grid_goes_on_to_the_next()
    {
        var folder = new ExperimentFolder(_folder.File("locked"));
        folder.Open(Plan("calc"), keepPlan: true);
        using var held = FileLock.TryAcquire(folder.CellLockFile(s_seed));
        Assert.NotNull(held);

        var alone = new Experiment(_dataset, Plan("calc"), folder).RunCell(s_seed);
        var grid = new Experiment(_dataset, Plan("calc"), folder).Run();

        Assert.Equal(ExperimentCellStatus.Locked, alone.Status);
        Assert.Contains(folder.CellLockFile(s_seed), alone.Detail, StringComparison.Ordinal);
        Assert.Equal([ExperimentCellStatus.Locked, ExperimentCellStatus.Trained], grid.Select(r => r.Status));
        Assert.False(Directory.Exists(folder.Cell(s_seed).Path));
        Assert.Equal(["not run", "complete"], Statuses(folder));
    }

    [Fact]
    public void An_unknown_cell_is_refused_with_the_plans_cells()
    {
        var folder = new ExperimentFolder(_folder.File("unknown"));

        var error = Assert.Throws<InvalidSettingException>(() => new Experiment(_dataset, Plan("calc"), folder).RunCell(new ExperimentCell("mass", Balancing.Class, EvaluationProtocol.Leaky)));

        Assert.Equal("no cell 'mass-leaky-class' in this plan; its cells are calc-leaky-class, calc-cv-class", error.Message);
        Assert.False(Directory.Exists(folder.Path));
    }

    [Fact]
    public void A_failed_cell_is_recorded_on_disk_for_every_process_to_see()
    {
        var folder = new ExperimentFolder(_folder.File("failed"));
        var mass = new ExperimentCell("mass", Balancing.Class, EvaluationProtocol.Leaky);
        var plan = Plan("mass") with { Protocols = [EvaluationProtocol.Leaky] };

        var failed = new Experiment(_dataset, plan, folder).RunCell(mass);
        var seen = new Experiment(_dataset, plan, folder);

        Assert.Equal(ExperimentCellStatus.Failed, failed.Status);
        Assert.Equal(failed.Detail, folder.ReadFailure(mass));
        var row = Assert.Single(seen.Summary());
        Assert.Equal((ExperimentCellState.Failed, failed.Detail), (row.Status, row.Detail));
        Assert.True(seen.Finished());
    }

    [Fact]
    public void An_experiment_written_with_the_former_names_is_continued_where_it_is()
    {
        var folder = new ExperimentFolder(_folder.File("former"));
        new Experiment(_dataset, Plan("calc"), folder).RunCell(s_seed);
        AsWrittenBeforeTheRename(folder);

        var resumed = new Experiment(_dataset, Plan("calc"), folder).RunCell(s_seed);
        var byFormerName = new Experiment(_dataset, Plan("calc"), folder).RunCell(Plan("calc").Cell("calc-seed-class"));
        var row = new Experiment(_dataset, Plan("calc"), folder).Summary()[0];

        Assert.Equal((ExperimentCellStatus.Skipped, "already complete"), (resumed.Status, resumed.Detail));
        Assert.Equal(ExperimentCellStatus.Skipped, byFormerName.Status);
        Assert.Equal(["calc-seed-class"], Directory.GetDirectories(folder.File("cells")).Select(Path.GetFileName));
        Assert.Equal(folder.File(Path.Combine("cells", "calc-seed-class")), folder.Cell(s_seed).Path);
        Assert.Equal(folder.Cell(s_seed).Path + ".lock", folder.CellLockFile(s_seed));
        Assert.Equal(("calc-leaky-class", EvaluationProtocol.Leaky, true, ExperimentCellState.Complete), (row.Cell, row.Protocol, row.Leaky, row.Status));
        Assert.NotNull(row.Auc);
        Assert.Equal(("keras", EvaluationProtocol.Leaky), (folder.Cell(s_seed).ReadConfig().Model, folder.Cell(s_seed).ReadConfig().Protocol));
    }

    // As Mammo wrote it while "seed" named the network, the protocol and the cell: the names in the plan, the cell's
    // folder, its config.json and metrics.json.
    private static void AsWrittenBeforeTheRename(ExperimentFolder folder)
    {
        static void Rename(string file) =>
            File.WriteAllText(file, File.ReadAllText(file)
                .Replace(": \"leaky\"", ": \"seed\"", StringComparison.Ordinal)
                .Replace(": \"keras\"", ": \"seed\"", StringComparison.Ordinal)
                .Replace(": \"original\"", ": \"seed\"", StringComparison.Ordinal)
                .Replace("\"leaky\",", "\"seed\",", StringComparison.Ordinal));

        var cell = folder.Cell(s_seed).Path;
        Rename(folder.File(ExperimentFolder.PlanFile));
        Rename(Path.Combine(cell, RunFolder.ConfigFile));
        Rename(Path.Combine(cell, RunFolder.MetricsFile));
        Assert.DoesNotContain("leaky", File.ReadAllText(folder.File(ExperimentFolder.PlanFile)), StringComparison.Ordinal);
        Assert.Contains("\"protocol\": \"seed\"", File.ReadAllText(Path.Combine(cell, RunFolder.ConfigFile)), StringComparison.Ordinal);
        Assert.Contains("\"model\": \"seed\"", File.ReadAllText(Path.Combine(cell, RunFolder.MetricsFile)), StringComparison.Ordinal);
        Directory.Move(cell, folder.File(Path.Combine("cells", "calc-seed-class")));
    }

    private static string[] Statuses(ExperimentFolder folder) =>
        [.. File.ReadAllLines(folder.File(ExperimentFolder.SummaryCsvFile)).Skip(1).Select(l => l.Split(',')[5])];
}
