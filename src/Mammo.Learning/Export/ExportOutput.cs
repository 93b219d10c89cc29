using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;

namespace Mammo.Learning.Export;

/// <summary>Where an export may be written: never over one of the run's own files, and over an existing file only when allowed.</summary>
public static class ExportOutput
{
    // The files a run consists of: an export never replaces them, whatever it is allowed to overwrite.
    private static readonly string[] s_runFiles =
    [
        RunFolder.ConfigFile, RunFolder.StatusFile, RunFolder.WeightsFile, RunFolder.HistoryFile, RunFolder.PredictionsFile,
        RunFolder.PredictionsNoTtaFile, RunFolder.MetricsFile, RunFolder.ReportFile, RunFolder.LogFile, SplitManifest.FileName,
        RunFolder.NetworkFile, RunFolder.FusionFile, RunFolder.PredictionsFusionFile, RunFolder.HardNegativesFile,
        RunFolder.FeatureDetectorFile, Mammo.Baselines.BaselineTable.FileName,
    ];

    /// <summary>
    /// The output rule every writer follows (<see cref="OutputGuard"/>: never an input, never inside one, an existing
    /// file only with <paramref name="overwrite"/>), with one slot in the run: a new file directly in the run folder
    /// that is not one of the run's own files. Its subfolders (fold-N/, checkpoint/) are never written into.
    /// </summary>
    /// <exception cref="OutputConflictException">As above.</exception>
    public static void Check(RunFolder folder, string output, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(output);
        var real = RealPath.Resolve(output);
        var name = Path.GetFileName(real);
        IReadOnlyList<string> slot = Path.GetDirectoryName(real) == RealPath.Resolve(folder.Path) && !s_runFiles.Contains(name) && name != OutputMarker.FileName ? [name] : [];
        new OutputGuard([new InputPath(folder.Path, slot)]).CheckFile(output, overwrite);
    }
}
