using Mammo.Learning.Training;
using Mammo.Sampling;

namespace Mammo.Learning.Export;

/// <summary>Where an export may be written: never over one of the run's own files, and over an existing file only when allowed.</summary>
public static class ExportOutput
{
    // The files a run consists of: an export never replaces them, whatever it is allowed to overwrite.
    private static readonly string[] s_runFiles =
    [
        RunFolder.ConfigFile, RunFolder.StatusFile, RunFolder.WeightsFile, RunFolder.HistoryFile, RunFolder.PredictionsFile,
        RunFolder.PredictionsNoTtaFile, RunFolder.MetricsFile, RunFolder.ReportFile, RunFolder.LogFile, SplitManifest.FileName,
    ];

    /// <summary>
    /// Refuses an output that is the run folder, one of its files, anything in its subfolders (fold-N/, checkpoint/),
    /// a folder, or an existing file unless <paramref name="overwrite"/>. A new file directly in the run folder is fine.
    /// </summary>
    /// <exception cref="IOException">As above.</exception>
    public static void Check(RunFolder folder, string output, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(output);
        var full = Path.GetFullPath(output);
        var relative = Path.GetRelativePath(folder.Path, full);
        var inside = relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        if (relative == "." || (inside && (relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || s_runFiles.Contains(relative))))
        {
            throw new IOException($"{output}: is the run's own file or folder; an export never replaces it");
        }

        if (Directory.Exists(full))
        {
            throw new IOException($"{output}: is a folder, not a file");
        }

        if (File.Exists(full) && !overwrite)
        {
            throw new IOException($"{output}: exists and is kept (choose another name, or allow overwriting)");
        }
    }
}
