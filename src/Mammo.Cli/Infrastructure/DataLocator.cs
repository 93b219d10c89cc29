using Mammo.Data;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// Finds the data (MIAS, a manifest or CBIS-DDSM): <c>--data PATH</c>, else the <c>MAMMO_DATA</c> environment variable, else
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

    /// <summary>
    /// What an output must stay out of: the data path, and for a manifest also its folder, where the images it
    /// names live (relative paths).
    /// </summary>
    public static string[] Inputs(string? option)
    {
        var path = Resolve(option);
        return File.Exists(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? [path, Path.GetDirectoryName(Path.GetFullPath(path))!]
            : [path];
    }

    public static Dataset Load(DataSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = Resolve(settings.Data);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new MammoDataException($"{path}: no such folder or archive, nor a manifest (pass --data, set {EnvironmentVariable}, or run 'mammo download')");
        }

        return DatasetLoader.Load(path, new DatasetLoadOptions(settings.Strict, Limits: settings.Limits));
    }

    /// <summary>
    /// For a command that works on something trained earlier (a run, an experiment): <c>--data</c> if given, else
    /// the path recorded when it was trained, else the usual lookup.
    /// </summary>
    public static Dataset Load(DataSettings settings, string? recordedPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Load(settings.Data is null && !string.IsNullOrEmpty(recordedPath) ? new DataSettings { Data = recordedPath, Strict = settings.Strict, MaxPixels = settings.MaxPixels } : settings);
    }
}
