using Mammo.Data;
using Mammo.Learning.Training;
using Mammo.Storage;

namespace Mammo.Learning.Experiments;

/// <summary>
/// An experiment on disk. Every cell is an ordinary run folder, so <c>mammo evaluate</c>, <c>predict</c> and
/// <c>localise</c> work on it as on any run:
/// <code>
/// experiment.json      the plan: grid and shared options
/// cells/NAME/          one run folder per cell (NAME = task-protocol-balancing), plus timing.json
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

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public RunFolder Cell(ExperimentCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new RunFolder(System.IO.Path.Combine(Path, "cells", cell.Name));
    }

    public ExperimentPlan ReadPlan()
    {
        var file = File(PlanFile);
        if (!System.IO.File.Exists(file))
        {
            throw new MammoDataException($"{Path}: not an experiment folder (no {PlanFile}; run 'mammo experiment --out {Path}' first)");
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
        if (System.IO.File.Exists(Path))
        {
            throw new OutputConflictException(Path, OutputConflict.NotAFolder);
        }

        if (Directory.Exists(Path) && Directory.EnumerateFileSystemEntries(Path).Any())
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

        Directory.CreateDirectory(Path);
        if (OutputMarker.Read(Path) is null)
        {
            OutputMarker.Write(Path, OutputKind.Experiment);
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
}
