using System.Diagnostics;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Storage;

namespace Mammo.Learning.Experiments;

/// <summary>
/// Runs an experiment grid cell by cell. Resumable: a cell already complete with the same configuration is
/// skipped, an interrupted one continues from its checkpoint, and a cell trained with other options is an error
/// rather than silently mixed in. A cell the data cannot support (a class left empty) is recorded as failed and
/// the grid goes on. The summary is rewritten at the end, also when the user stops the grid.
/// Several processes may share the folder (a cluster's job array, each running one cell with <see cref="RunCell"/>,
/// or whole grids side by side): a process trains a cell only while it holds the cell's lock, and a cell another
/// process holds is left to it; the plan and summary are written under the folder's lock.
/// </summary>
public sealed class Experiment(Dataset dataset, ExperimentPlan plan, ExperimentFolder folder, ExperimentObserver? observer = null)
{
    private readonly Dataset _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
    private readonly ExperimentPlan _plan = plan ?? throw new ArgumentNullException(nameof(plan));
    private readonly ExperimentFolder _folder = folder ?? throw new ArgumentNullException(nameof(folder));
    private readonly ExperimentObserver _observer = observer ?? new ExperimentObserver();

    // The cells share their preprocessing: each region is cut once per process, not once per cell.
    private readonly PatchCache _patches = new();

    public IReadOnlyList<ExperimentCellResult> Run(CancellationToken cancellationToken = default)
    {
        _folder.Open(_plan, keepPlan: false, cancellationToken);
        var cells = _plan.Cells();
        var results = new List<ExperimentCellResult>();
        foreach (var (cell, index) in cells.Select((c, i) => (c, i)))
        {
            _observer.OnCellStart?.Invoke(cell, index, cells.Count);
            var result = Attempt(cell, cancellationToken);
            results.Add(result);
            _observer.OnCellEnd?.Invoke(result);
            if (result.Status == ExperimentCellStatus.Interrupted)
            {
                break;
            }
        }

        WriteSummary(results);
        return results;
    }

    /// <summary>
    /// Runs the one cell of the plan into the folder, which is created with the plan, or continued when it holds the
    /// same plan; then rewrites the summary from what is on disk, so the last cell to finish leaves it complete.
    /// </summary>
    /// <exception cref="MammoDataException">The folder holds another plan.</exception>
    /// <exception cref="InvalidSettingException">The plan has no such cell.</exception>
    public ExperimentCellResult RunCell(ExperimentCell cell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell = _plan.Cell(cell.Name);
        _folder.Open(_plan, keepPlan: true, cancellationToken);
        _observer.OnCellStart?.Invoke(cell, 0, 1);
        var result = Attempt(cell, cancellationToken);
        _observer.OnCellEnd?.Invoke(result);
        if (result.Status != ExperimentCellStatus.Locked)
        {
            WriteSummary([result]);
        }

        return result;
    }

    /// <summary>Whether every cell of the plan is complete or has failed, by what is on disk (cells run by any process).</summary>
    public bool Finished() => Summary().All(r => r.Status is ExperimentCellState.Complete or ExperimentCellState.Failed);

    /// <summary>Rewrites summary.csv and summary.json from what is on disk, under the folder's lock.</summary>
    public void WriteSummary() => WriteSummary([]);

    /// <summary>The summary rows for the plan's cells, from what is on disk (also for cells not reached).</summary>
    public IReadOnlyList<ExperimentSummaryRow> Summary(IReadOnlyList<ExperimentCellResult>? results = null) =>
        [.. _plan.Cells().Select(c =>
        {
            var result = results?.FirstOrDefault(r => r.Cell == c);
            return ExperimentSummary.Row(_folder, c, result?.Status, result?.Detail ?? string.Empty);
        })];

    // The cell's state is read only once its lock is held: another process may have completed it meanwhile.
    private ExperimentCellResult Attempt(ExperimentCell cell, CancellationToken cancellationToken)
    {
        using var held = FileLock.TryAcquire(_folder.CellLockFile(cell));
        if (held is null)
        {
            return new ExperimentCellResult(cell, ExperimentCellStatus.Locked, $"another process is training it ({_folder.CellLockFile(cell)} is locked)", null);
        }

        return Train(cell, cancellationToken);
    }

    private ExperimentCellResult Train(ExperimentCell cell, CancellationToken cancellationToken)
    {
        var run = _folder.Cell(cell);
        var config = _plan.ConfigFor(cell);
        var resume = false;
        if (File.Exists(run.File(RunFolder.ConfigFile)))
        {
            var existing = run.ReadConfig();
            if (Difference(existing, config) is { } difference)
            {
                throw new MammoDataException($"{run.Path}: was trained with {difference}; use another experiment folder, or delete this cell to retrain it");
            }

            if (File.Exists(run.File(RunFolder.StatusFile)) && run.ReadStatus() == RunStatus.Complete)
            {
                return new ExperimentCellResult(cell, ExperimentCellStatus.Skipped, "already complete", _folder.ReadSeconds(cell));
            }

            resume = File.Exists(run.File(RunFolder.StatusFile));
        }

        _folder.ClearFailure(cell);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = new TrainingRun(_dataset, config, run, _observer.Run, _patches).Execute(resume, cancellationToken);
            if (result.Status != RunStatus.Complete)
            {
                return new ExperimentCellResult(cell, ExperimentCellStatus.Interrupted, result.Detail, null);
            }

            var seconds = clock.Elapsed.TotalSeconds + (resume ? _folder.ReadSeconds(cell) ?? 0 : 0);
            _folder.WriteSeconds(cell, seconds);
            return new ExperimentCellResult(cell, ExperimentCellStatus.Trained, resume ? "resumed and completed" : "trained", seconds);
        }
        catch (MammoDataException e)
        {
            _folder.WriteFailure(cell, e.Message);
            return new ExperimentCellResult(cell, ExperimentCellStatus.Failed, e.Message, null);
        }
    }

    // Rows are read under the lock, so whichever process writes last has seen every cell finished before it. Not
    // cancellable: a stopped grid still leaves its summary, and the lock is only ever held for a moment.
    private void WriteSummary(IReadOnlyList<ExperimentCellResult> results)
    {
        using var held = _folder.Lock();
        var rows = Summary(results);
        AtomicOutput.WriteAllText(_folder.File(ExperimentFolder.SummaryCsvFile), ExperimentSummary.ToCsv(rows));
        AtomicOutput.WriteAllText(_folder.File(ExperimentFolder.SummaryJsonFile), Json.Serialize(new { Cells = rows.Count, Rows = rows }) + "\n");
    }

    // The options that change what a cell learns; where the data lies may change, its checksum may not.
    private static string? Difference(RunConfig existing, RunConfig planned)
    {
        (string Name, object Existing, object Planned)[] fields =
        [
            ("model", existing.Model, planned.Model),
            ("folds", existing.Folds, planned.Folds),
            ("seed", existing.Seed, planned.Seed),
            ("epochs", existing.Training.MaxEpochs, planned.Training.MaxEpochs),
            ("patience", existing.Training.Patience, planned.Training.Patience),
            ("batch size", existing.Training.BatchSize, planned.Training.BatchSize),
            ("learning rate", existing.Training.LearningRate, planned.Training.LearningRate),
            ("data checksum", existing.DataChecksum, planned.DataChecksum),
        ];
        return fields.FirstOrDefault(f => !Equals(f.Existing, f.Planned)) is { Name: not null } d
            ? $"{d.Name} {d.Existing}, not {d.Planned} as now asked"
            : null;
    }
}
