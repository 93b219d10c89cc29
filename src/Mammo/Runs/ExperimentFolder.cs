using Mammo.Data;
using Mammo.Storage;

namespace Mammo.Runs;

/// <summary>
/// An experiment on disk. Every cell is an ordinary run folder, so <c>mammo evaluate</c>, <c>predict</c> and
/// <c>localise</c> work on it as on any run:
/// <code>
/// experiment.json      the plan: grid and shared options
/// cells/NAME/          one run folder per cell (NAME = task-protocol-balancing; an older experiment's cells may have their
///                      former names, calc-seed-class), plus timing.json (failure.json if it failed)
/// cells/NAME.lock       held by the process training the cell (beside it: a fresh run starts in an empty folder)
/// experiment.lock       held while a process writes the plan, the summary or the figures
/// summary.csv, summary.json   one row per cell: status, test metrics, AUC with CI, seconds
/// plots/               the figures (mammo experiment and mammo report draw them)
/// </code>
/// </summary>
public sealed class ExperimentFolder(string path)
{
    public const string PlanFile = "experiment.json";
    public const string SummaryCsvFile = "summary.csv";
    public const string SummaryJsonFile = "summary.json";
    public const string TimingFile = "timing.json";
    public const string PlotsFolder = "plots";
    public const string LockFile = "experiment.lock";
    public const string FailureFile = "failure.json";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public RunFolder Cell(ExperimentCell cell) => new(CellPath(cell));

    /// <summary>The lock file a process holds while it trains <paramref name="cell"/>.</summary>
    public string CellLockFile(ExperimentCell cell) => CellPath(cell) + ".lock";

    // A folder trained before the cell's name changed is continued, and reported, where it is (not retrained beside
    // it under the new name); the lock follows it, so processes of old and new versions sharing a grid still agree.
    private string CellPath(ExperimentCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var path = System.IO.Path.Combine(Path, "cells", cell.Name);
        if (cell.FormerName is { } former && !Directory.Exists(path))
        {
            var formerPath = System.IO.Path.Combine(Path, "cells", former);
            if (Directory.Exists(formerPath))
            {
                return formerPath;
            }
        }

        return path;
    }

    /// <summary>
    /// Takes the folder's lock, waiting for it: processes sharing the folder take it to write the plan, the summary or
    /// the figures, so each of those is read and written by one process at a time.
    /// </summary>
    public FileLock Lock(CancellationToken cancellationToken = default) => FileLock.Acquire(File(LockFile), cancellationToken);

    /// <summary>
    /// <see cref="Prepare"/> and the plan, safe when several processes open the folder at once: the plan is written
    /// (<paramref name="keepPlan"/> false: replaced, so a grid can be extended), or checked to be the plan already
    /// there (<paramref name="keepPlan"/> true, as one cell of a shared grid needs).
    /// </summary>
    /// <exception cref="MammoDataException">The folder holds another plan (<paramref name="keepPlan"/>).</exception>
    public void Open(ExperimentPlan plan, bool keepPlan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);

        // A folder with the lock file is one another process is setting up; anything else is checked before the
        // lock file is created in it, so a folder of something else is never written to.
        if (!System.IO.File.Exists(File(LockFile)))
        {
            Check();
        }

        Directory.CreateDirectory(Path);
        using var held = Lock(cancellationToken);
        Prepare();
        if (keepPlan && System.IO.File.Exists(File(PlanFile)))
        {
            if (plan.DifferenceFrom(ReadPlan()) is { } difference)
            {
                throw new MammoDataException($"{File(PlanFile)}: holds another plan ({difference}); use another experiment folder, or ask for the plan it holds");
            }

            return;
        }

        WritePlan(plan);
    }

    public ExperimentPlan ReadPlan()
    {
        var file = File(PlanFile);
        if (!System.IO.File.Exists(file))
        {
            throw new MammoDataException($"{Path}: not an experiment folder (no {PlanFile})") { Remedy = DataRemedy.CreateExperiment, Subject = Path };
        }

        return InputFile.ReadJson<ExperimentPlan>(file);
    }

    /// <summary>
    /// Creates the folder, or checks that an existing one is an experiment (it is then continued): cells are trained
    /// into it, so a folder of anything else is refused rather than filled.
    /// </summary>
    /// <exception cref="OutputConflictException">The folder holds something that is not an experiment.</exception>
    public void Prepare()
    {
        Check();
        Directory.CreateDirectory(Path);
        if (OutputMarker.Read(Path) is null)
        {
            OutputMarker.Write(Path, OutputKind.Experiment);
        }
    }

    private void Check()
    {
        if (System.IO.File.Exists(Path))
        {
            throw new OutputConflictException(Path, OutputConflict.NotAFolder);
        }

        if (Directory.Exists(Path) && Directory.EnumerateFileSystemEntries(Path).Any(e => System.IO.Path.GetFileName(e) != LockFile))
        {
            var kind = OutputMarker.Read(Path);
            if (kind is null && !System.IO.File.Exists(File(PlanFile)))
            {
                throw new OutputConflictException(Path, OutputConflict.NotMammoOutput);
            }

            if (kind is { } other && other != OutputKind.Experiment)
            {
                throw new OutputConflictException(Path, OutputConflict.OtherKind, kind: OutputKind.Experiment);
            }
        }
    }

    public void WritePlan(ExperimentPlan plan) => AtomicOutput.WriteAllText(File(PlanFile), Json.Serialize(plan) + "\n");

    /// <summary>Seconds the cell's training took, when it was trained by an experiment.</summary>
    public double? ReadSeconds(ExperimentCell cell)
    {
        var file = Cell(cell).File(TimingFile);
        if (!System.IO.File.Exists(file))
        {
            return null;
        }

        using var document = InputFile.ReadJsonDocument(file);
        return document.RootElement.OptionalNumber("seconds");
    }

    public void WriteSeconds(ExperimentCell cell, double seconds) => Cell(cell).WriteJson(TimingFile, new { Seconds = seconds });

    /// <summary>Why the cell failed, when its last attempt did: kept on disk so every process sharing the folder sees it.</summary>
    public string? ReadFailure(ExperimentCell cell)
    {
        var file = Cell(cell).File(FailureFile);
        if (!System.IO.File.Exists(file))
        {
            return null;
        }

        using var document = InputFile.ReadJsonDocument(file);
        return document.RootElement.Text("detail", file);
    }

    public void WriteFailure(ExperimentCell cell, string detail) => Cell(cell).WriteJson(FailureFile, new { Detail = detail });

    public void ClearFailure(ExperimentCell cell)
    {
        var file = Cell(cell).File(FailureFile);
        if (System.IO.File.Exists(file))
        {
            System.IO.File.Delete(file);
        }
    }
}
