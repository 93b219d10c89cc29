using Mammo.Data;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;

namespace Mammo.Learning.Inference;

/// <summary>
/// A detect run's <c>feature-detector.json</c>: each unit's <see cref="FeatureDetectorModel"/>, fitted at training
/// time on that unit's training and validation regions, so that <c>mammo predict</c>, <c>mammo serve</c> and
/// <c>mammo localise</c> can score with the features or the combination without the data.
/// </summary>
public static class FeatureDetectorFile
{
    /// <summary>
    /// Whether a run of this task and protocol stores one: a two-class task that samples breast tissue (detect),
    /// held out by patient. A leaky run has no held-out patients to fit apart from.
    /// </summary>
    public static bool Applies(RunConfig config, ClassificationTask task)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(task);
        return task.SamplesTissue && task.ClassCount == 2 && !config.Leaky;
    }

    /// <summary>
    /// What <see cref="DetectorKind.Auto"/> stands for on this run: combined where it stores a feature detector (the
    /// heat map measured best, docs/prediction.md), the network otherwise.
    /// </summary>
    public static DetectorKind DefaultDetector(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return File.Exists(run.File(RunFolder.FeatureDetectorFile)) ? DetectorKind.Combined : DetectorKind.Network;
    }

    /// <summary>The run's stored fits, in unit order; null for a run without the file (trained by an older Mammo, or of another task).</summary>
    /// <exception cref="MammoDataException">The file is unreadable, or a fit does not match the run's patch size, classes or features.</exception>
    public static IReadOnlyList<FeatureDetectorModel>? Read(RunFolder run, RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(config);
        var path = run.File(RunFolder.FeatureDetectorFile);
        if (!File.Exists(path))
        {
            return null;
        }

        var models = InputFile.ReadJson<List<FeatureDetectorModel>>(path);
        var features = Mammo.Baselines.WindowFeatures.Names.Count;
        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var problem = m is null ? "is null"
                : m.Side != config.PatchSize ? $"has window side {m.Side}, the run's patches {config.PatchSize}"
                : m.PositiveClass is < 0 or > 1 ? $"has positive class {m.PositiveClass}"
                : m.Model?.Weights is not { } w || w.Count != features || m.Model.Scaler is not { } s || s.Means.Count != features || s.Scales.Count != features ? $"does not hold {features} weights, means and scales"
                : m.Model.Weights.Append(m.Model.Intercept).Concat(m.Model.Scaler.Means).Concat(m.Model.Scaler.Scales).Any(v => !double.IsFinite(v)) || m.Model.Scaler.Scales.Any(v => v <= 0) ? "holds a value that is not finite, or a scale that is not positive"
                : null;
            if (problem is not null)
            {
                throw new MammoDataException($"{path}: fit {i} {problem}");
            }
        }

        return models.Count > 0 ? models : throw new MammoDataException($"{path}: holds no fit");
    }

    /// <summary>
    /// The detector that scores for a run's <paramref name="fold"/> model (that fold's fit alone), or for the run's
    /// whole model (every fit, averaged) when <paramref name="fold"/> is null; null for a run without the file.
    /// </summary>
    /// <exception cref="MammoDataException">The file is unreadable, or holds no fit for the fold.</exception>
    public static FeatureDetector? For(RunFolder run, RunConfig config, int? fold, int threads = 0) =>
        Read(run, config) is { } models ? Choose(models, run, config, fold, threads) : null;

    /// <summary>As <see cref="For"/>, from fits already <see cref="Read"/>.</summary>
    /// <exception cref="MammoDataException">No fit for the fold.</exception>
    public static FeatureDetector Choose(IReadOnlyList<FeatureDetectorModel> models, RunFolder run, RunConfig config, int? fold, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(config);
        var chosen = fold is { } f ? [.. models.Where(m => m.Fold == f)] : models;
        return chosen.Count > 0
            ? FeatureDetector.Of(chosen, ClassificationTask.Parse(config.Task).ClassNames, threads)
            : throw new MammoDataException($"{run.File(RunFolder.FeatureDetectorFile)}: holds no fit for fold {fold}");
    }
}
