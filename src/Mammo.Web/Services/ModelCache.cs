using System.Collections.Concurrent;
using Mammo.Learning.Training;
using Mammo.Runs;

namespace Mammo.Web.Services;

/// <summary>
/// Loaded models, shared: each run (and, for a cv run, each fold model that scores its own held-out scans) is loaded
/// on first use and kept. Loading never changes libtorch's or ONNX Runtime's process-wide settings.
/// </summary>
public sealed class ModelCache : IDisposable
{
    private readonly ConcurrentDictionary<(string Path, int? Fold), Lazy<LoadedModel>> _models = new();

    /// <summary>
    /// The model that answers for <paramref name="imageName"/>, chosen as <c>mammo predict</c> chooses it: a scan of
    /// the run's own data that a cv fold held out is scored by that fold's model alone.
    /// </summary>
    public (LoadedModel Model, HeldOutAssignment? Assignment) For(RunFolder run, string imageName)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.EnsureComplete();
        var config = run.ReadConfig();
        var assignment = config.Leaky ? null : HeldOutAssignment.Find(run, imageName);
        var fold = assignment is { HeldOut: true, Fold: { } f } ? f : (int?)null;
        var key = (run.Path, fold);
        var lazy = _models.GetOrAdd(key, k => new Lazy<LoadedModel>(() => new LoadedModel(new RunFolder(k.Path), k.Fold), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (lazy.Value, assignment);
        }
        catch
        {
            // A failed load is not remembered: the next request tries again (the run may have been repaired).
            _models.TryRemove(new KeyValuePair<(string, int?), Lazy<LoadedModel>>(key, lazy));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var lazy in _models.Values.Where(l => l.IsValueCreated))
        {
            lazy.Value.Dispose();
        }

        _models.Clear();
    }
}
