using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Web.Api;

namespace Mammo.Web.Services;

/// <summary>
/// The runs and experiments under the runs folder, found afresh on each listing (training may add some while the
/// server runs). A request names a run by its listed name; nothing else under the folder, or outside it, is reachable.
/// </summary>
public sealed class RunCatalog(WebOptions options)
{
    // Deep enough for runs/EXPERIMENT/cells/CELL; links are not followed, so the walk cannot leave the folder.
    private const int MaxDepth = 4;

    public string Root { get; } = Path.GetFullPath((options ?? throw new ArgumentNullException(nameof(options))).RunsPath);

    public IReadOnlyList<ListedRun> List()
    {
        var found = new List<ListedRun>();
        if (Directory.Exists(Root))
        {
            Walk(new DirectoryInfo(Root), 0, null, found);
        }

        return [.. found.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    public ListedRun? Find(string name) => List().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>The listing's line for one run: its config, status and held-out standing where it has them.</summary>
    public static RunSummary Summarise(ListedRun listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        if (listed.Kind == RunKind.Experiment)
        {
            return new RunSummary(listed.Name, listed.Kind, null, null, null, null, null, null, File.Exists(Path.Combine(listed.Path, ExperimentFolder.SummaryJsonFile)), null);
        }

        var run = new RunFolder(listed.Path);
        try
        {
            var config = run.ReadConfig();
            var status = File.Exists(run.File(RunFolder.StatusFile)) ? run.ReadStatus() : (RunStatus?)null;
            var complete = status == RunStatus.Complete;
            var standing = complete && File.Exists(run.File(RunFolder.MetricsFile)) ? HeldOutPerformance.Read(run) : null;
            return new RunSummary(listed.Name, listed.Kind, listed.Experiment, config.Task, config.Protocol, config.Balancing, config.Model, status, complete, standing);
        }
        catch (MammoException)
        {
            // A damaged run is listed, as not complete, rather than hiding every other run.
            return new RunSummary(listed.Name, listed.Kind, listed.Experiment, null, null, null, null, null, false, null);
        }
    }

    private void Walk(DirectoryInfo folder, int depth, string? experiment, List<ListedRun> found)
    {
        var name = Path.GetRelativePath(Root, folder.FullName).Replace(Path.DirectorySeparatorChar, '/');
        if (depth > 0 && File.Exists(Path.Combine(folder.FullName, RunFolder.ConfigFile)))
        {
            found.Add(new ListedRun(name, RunKind.Run, folder.FullName, experiment));
            return;
        }

        if (File.Exists(Path.Combine(folder.FullName, ExperimentFolder.PlanFile)))
        {
            found.Add(new ListedRun(name == "." ? Path.GetFileName(Root) : name, RunKind.Experiment, folder.FullName, null));
            experiment = name;
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        IEnumerable<DirectoryInfo> children;
        try
        {
            children = folder.EnumerateDirectories().Where(d => d.LinkTarget is null && !d.Name.StartsWith('.')).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var child in children)
        {
            Walk(child, depth + 1, experiment, found);
        }
    }
}
