using Mammo.Data;
using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;
using Mammo.Tests.Learning;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Cli;

/// <summary>
/// <c>mammo experiment --list-cells</c> and <c>--cell ID</c> through the command line, as a cluster's job array uses
/// them: a tiny grid (the calcification group under both protocols, one epoch, synthetic full-size films) run cell by
/// cell into one folder, with a locked cell, another plan and an unknown id along the way.
/// </summary>
[Collection(TorchGlobalState.Name)]
public sealed class ExperimentCellsTests : IClassFixture<ExperimentCellsTests.CellByCell>, IDisposable
{
    private readonly CellByCell _grid;
    private readonly TempFolder _folder = new();

    public ExperimentCellsTests(CellByCell grid) => _grid = grid;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Listing_prints_the_plans_cells_one_a_line_and_nothing_else()
    {
        var folder = _folder.File("listed");
        var grid = CliRunner.Run("experiment", "--tasks", "calc,mass", "--balancing", "class,weights", "--protocols", "seed,cv", "--out", folder, "--list-cells");
        var defaults = CliRunner.Run("experiment", "--out", folder, "--list-cells");
        var quick = CliRunner.Run("experiment", "--quick", "--out", folder, "--list-cells");
        var plan = new ExperimentPlan { Tasks = ["calc", "mass"], Balancings = [Balancing.Class, Balancing.Weights], Protocols = [EvaluationProtocol.Leaky, EvaluationProtocol.Cv] };

        Assert.Equal((0, string.Empty), (grid.ExitCode, grid.Errors));
        Assert.Equal(plan.Cells().Select(c => c.Name + "\n"), Lines(grid.Output));
        Assert.Equal(new ExperimentPlan().Cells().Select(c => c.Name + "\n"), Lines(defaults.Output));
        Assert.Equal(ExperimentPlan.QuickPlan.Cells().Select(c => c.Name + "\n"), Lines(quick.Output));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void One_cell_runs_alone_and_leaves_the_others_and_the_figures_for_later()
    {
        Assert.Equal(0, _grid.First.ExitCode);
        Assert.Equal(["calc-leaky-class"], _grid.CellsAfterFirst);
        Assert.Equal(["complete", "not run"], _grid.StatusesAfterFirst);
        Assert.False(_grid.PlotsAfterFirst);
        Assert.Equal(["calc"], new ExperimentFolder(_grid.Folder).ReadPlan().Tasks);
    }

    [Fact]
    public void The_last_cell_leaves_the_summary_complete_and_draws_the_figures()
    {
        Assert.Equal(0, _grid.Last.ExitCode);
        Assert.Equal(["complete", "complete"], _grid.StatusesAfterLast);
        Assert.True(File.Exists(Path.Combine(_grid.Folder, ExperimentFolder.PlotsFolder, "leaky-vs-cv.png")));
        Assert.Single(File.ReadAllLines(Path.Combine(_grid.Folder, "cells", "calc-cv-class", "log.txt")), l => l.Contains(" started: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_locked_cell_is_reported_in_one_line_and_left_untouched()
    {
        Assert.Equal(75, _grid.Locked.ExitCode);
        var line = Assert.Single(_grid.Locked.Output.Split('\n'), l => l.Contains("locked", StringComparison.Ordinal));
        Assert.StartsWith("calc-cv-class: locked (another process is training it (", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _grid.Locked.Errors);
        Assert.False(_grid.CvExistedWhileLocked);
    }

    [Fact]
    public void Another_plan_is_refused_in_one_line()
    {
        Assert.Equal(1, _grid.OtherPlan.ExitCode);
        var plan = Path.Combine(_grid.Folder, ExperimentFolder.PlanFile);
        Assert.Equal($"mammo: error: {plan}: holds another plan (epochs 1, not 2 as now asked); use another experiment folder, or ask for the plan it holds", _grid.OtherPlan.Errors.TrimEnd('\n'));
    }

    [Fact]
    public void An_unknown_cell_is_refused_with_the_valid_ones()
    {
        Assert.Equal(2, _grid.Unknown.ExitCode);
        Assert.Equal("mammo: error: no cell 'mass-leaky-class' in this plan; its cells are calc-leaky-class, calc-cv-class", _grid.Unknown.Errors.TrimEnd('\n'));
    }

    private static IEnumerable<string> Lines(string output) => output.Split('\n').SkipLast(1).Select(l => l + "\n");

    public sealed class CellByCell : IDisposable
    {
        private readonly TempFolder _folder = new();

        public CellByCell()
        {
            var data = _folder.File("data");
            Directory.CreateDirectory(data);
            var lesions = Enumerable.Range(1, 32).Select(n => $"mdb{n:000} F CALC {((n + 1) / 2 % 2 == 0 ? "M" : "B")} {300 + (n % 5 * 60)} {400 + (n % 3 * 80)} {20 + (n % 4 * 5)}");
            var normals = Enumerable.Range(33, 8).Select(n => $"mdb{n:000} G NORM");
            SyntheticMias.Write(data, lesions.Concat(normals), MiasDataset.ImageSize);
            Folder = _folder.File("experiment");
            string[] grid = ["experiment", "--data", data, "--tasks", "calc", "--balancing", "class", "--protocols", "leaky,cv", "--folds", "3", "--epochs", "1", "--threads", "1", "--out", Folder];
            var folder = new ExperimentFolder(Folder);
            var cv = new ExperimentCell("calc", Balancing.Class, EvaluationProtocol.Cv);

            First = CliRunner.Run([.. grid, "--cell", "calc-leaky-class"]);
            var cells = Path.Combine(Folder, "cells");
            CellsAfterFirst = Directory.Exists(cells) ? [.. Directory.GetDirectories(cells).Select(Path.GetFileName)] : [];
            StatusesAfterFirst = Statuses();
            PlotsAfterFirst = Directory.Exists(Path.Combine(Folder, ExperimentFolder.PlotsFolder));
            using (FileLock.TryAcquire(folder.CellLockFile(cv)) ?? throw new InvalidOperationException("the cell's lock is held"))
            {
                Locked = CliRunner.Run([.. grid, "--cell", "calc-cv-class"]);
            }

            CvExistedWhileLocked = Directory.Exists(folder.Cell(cv).Path);
            OtherPlan = CliRunner.Run([.. grid, "--epochs", "2", "--cell", "calc-cv-class"]);
            Unknown = CliRunner.Run([.. grid, "--cell", "mass-leaky-class"]);
            Last = CliRunner.Run([.. grid, "--cell", "calc-cv-class"]);
            StatusesAfterLast = Statuses();
        }

        public string Folder { get; }

        public CliRunner.Result First { get; }

        public IReadOnlyList<string?> CellsAfterFirst { get; }

        public IReadOnlyList<string> StatusesAfterFirst { get; }

        public bool PlotsAfterFirst { get; }

        public CliRunner.Result Locked { get; }

        public bool CvExistedWhileLocked { get; }

        public CliRunner.Result OtherPlan { get; }

        public CliRunner.Result Unknown { get; }

        public CliRunner.Result Last { get; }

        public IReadOnlyList<string> StatusesAfterLast { get; }

        public void Dispose() => _folder.Dispose();

        private string[] Statuses() => [.. File.ReadAllLines(Path.Combine(Folder, ExperimentFolder.SummaryCsvFile)).Skip(1).Select(l => l.Split(',')[5])];
    }
}
