using Mammo.Baselines;
using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.Learning.Baselines;

/// <summary>
/// Fits every baseline on each unit's training and validation samples together (the baselines choose no epoch)
/// and scores that unit's test samples, so the baselines are read on exactly the network's folds.
/// <see cref="BaselineKind.Radius"/> and <see cref="BaselineKind.Metadata"/> need a located lesion behind every
/// sample; tasks with normal scans get <see cref="BaselineKind.Prevalence"/> and <see cref="BaselineKind.Features"/> only.
/// Logistic regressions use C = 1 on standardised inputs.
/// </summary>
public static class BaselineRunner
{
    public const double C = 1.0;

    /// <param name="seed">The bootstrap seed for the AUC intervals (a run passes its own seed).</param>
    /// <exception cref="MammoDataException">A scan cannot be read, or a region lies outside its scan.</exception>
    public static BaselineReport Run(DatasetSource source, ClassificationTask task, IReadOnlyList<EvaluationUnit> units, int seed, int resamples = Bootstrap.DefaultResamples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(units);
        var all = units.SelectMany(u => u.Train.Concat(u.Validation).Concat(u.Test)).DistinctBy(s => s.Id).ToList();
        var withMetadata = all.All(s => MetadataFeatures.Of(s) is not null);
        BaselineKind[] kinds = withMetadata
            ? [BaselineKind.Prevalence, BaselineKind.Radius, BaselineKind.Metadata, BaselineKind.Features]
            : [BaselineKind.Prevalence, BaselineKind.Features];
        var features = SampleFeatures.Compute(source, all, cancellationToken: cancellationToken);
        var rows = new List<BaselineRow>();
        foreach (var unit in units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<Sample> fit = [.. unit.Train, .. unit.Validation];
            var positive = fit.Select(s => s.Label == task.PositiveClass).ToList();
            var prevalence = positive.Count(p => p) / (double)fit.Count;
            // With one class only, the unpenalised intercept has no finite optimum; the share is the honest answer.
            var bothClasses = prevalence is > 0 and < 1;
            var imageModel = bothClasses ? LogisticRegression.Fit([.. fit.Select(s => features[s.Id])], positive, C) : null;
            var metadataModel = bothClasses && withMetadata ? LogisticRegression.Fit([.. fit.Select(s => MetadataFeatures.Of(s)!)], positive, C) : null;
            foreach (var sample in unit.Test)
            {
                double[] scores = [.. kinds.Select(kind => kind switch
                {
                    BaselineKind.Prevalence => prevalence,
                    BaselineKind.Radius => MetadataFeatures.Radius(sample)!.Value,
                    BaselineKind.Metadata => metadataModel?.Probability(MetadataFeatures.Of(sample)!) ?? prevalence,
                    BaselineKind.Features => imageModel?.Probability(features[sample.Id]) ?? prevalence,
                    _ => throw new InvalidOperationException($"unknown baseline {kind}"),
                })];
                rows.Add(new BaselineRow(sample.Id, unit.Fold, sample.Label, scores));
            }
        }

        var scoresTable = new BaselineScores(kinds, rows);
        return new BaselineReport(scoresTable, [.. kinds.Select(k => BaselineSummary.Of(scoresTable, k, task.PositiveClass, seed, resamples))]);
    }
}
