using Mammo.Data;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// Finds the MIAS data: <c>--data PATH</c>, else the <c>MAMMO_DATA</c> environment variable, else
/// <c>./data</c> (a folder with Info.txt, or holding the <c>all-mias.tar.gz</c> that <c>mammo download</c> saves).
/// </summary>
public static class DataLocator
{
    public const string EnvironmentVariable = "MAMMO_DATA";
    public const string DefaultFolder = "data";
    public const string ArchiveName = "all-mias.tar.gz";

    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var archive = Path.Combine(DefaultFolder, ArchiveName);
        return File.Exists(archive) && !File.Exists(Path.Combine(DefaultFolder, MiasLabelReader.FileName)) ? archive : DefaultFolder;
    }

    public static MiasDataset Load(DataSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = Resolve(settings.Data);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new MammoDataException($"{path}: no such folder or archive (pass --data, set {EnvironmentVariable}, or run 'mammo download')");
        }

        var source = DatasetSource.Open(path, settings.Limits);
        return MiasDataset.Load(source, new DatasetLoadOptions(settings.Strict));
    }

    /// <summary>
    /// For a command that works on something trained earlier (a run, an experiment): <c>--data</c> if given, else
    /// the path recorded when it was trained, else the usual lookup.
    /// </summary>
    public static MiasDataset Load(DataSettings settings, string? recordedPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Load(settings.Data is null && !string.IsNullOrEmpty(recordedPath) ? new DataSettings { Data = recordedPath, Strict = settings.Strict, MaxPixels = settings.MaxPixels } : settings);
    }
}
