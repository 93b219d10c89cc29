using Mammo.Baselines;
using Mammo.Evaluation;
using Mammo.Learning.Baselines;
using Mammo.Learning.Training;
using Mammo.Sampling;

namespace Mammo.Learning.Fusion;

/// <summary>
/// Fits a <see cref="FusionModel"/> per unit and scores the unit's test samples with it. Nothing is fitted on a
/// test sample: the metadata model sees the training and validation parts (as the metadata baseline does, so
/// the two are read on the same footing), the stacker only the validation part, where the network's scores
/// come from a network that did not train on those samples. In-sample network scores would be nearly perfect
/// and teach the stacker to trust the network far more than it deserves.
/// </summary>
public static class MetadataFusion
{
    /// <summary>Inverse regularisation of both regressions, as the baselines (standardised inputs).</summary>
    public const double C = 1.0;

    /// <summary>The summary's name beside the baselines.</summary>
    public const string Name = "fusion";

    /// <summary>True when every sample is a located lesion, which the metadata features need.</summary>
    public static bool Applies(IEnumerable<Sample> samples) => samples.All(s => MetadataFeatures.Of(s) is not null);

    /// <param name="validation">The unit's network predictions on its validation samples.</param>
    /// <exception cref="ArgumentException">A sample is not a located lesion, or the training part holds one class only.</exception>
    public static FusionModel Fit(EvaluationUnit unit, IReadOnlyList<Prediction> validation, int positiveClass)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(validation);
        List<Sample> fit = [.. unit.Train, .. unit.Validation];
        var labels = fit.Select(s => s.Label == positiveClass).ToList();
        if (labels.Distinct().Count() < 2)
        {
            throw new ArgumentException($"unit {unit.Fold?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(single)"}: the training part holds one class only; no fusion can be fitted");
        }

        var metadata = LogisticRegression.Fit([.. fit.Select(Features)], labels, C);
        var network = validation.ToDictionary(p => p.SampleId, p => p.Probabilities[positiveClass], StringComparer.Ordinal);
        var stackRows = unit.Validation.Select(s => new[] { metadata.DecisionValue(Features(s)), FusionModel.LogOdds(network[s.Id]) }).ToList();
        var stackLabels = unit.Validation.Select(s => s.Label == positiveClass).ToList();
        var stacker = stackLabels.Distinct().Count() == 2 ? LogisticRegression.Fit(stackRows, stackLabels, C) : null;
        return new FusionModel(unit.Fold, metadata, stacker);
    }

    /// <summary>Every unit's fusion and its test samples' fused predictions (two classes: negative, positive).</summary>
    /// <param name="validation">Every unit's network predictions on its validation part (fold set in cross-validation).</param>
    /// <param name="test">Every unit's network predictions on its test part.</param>
    public static (IReadOnlyList<FusionModel> Models, IReadOnlyList<Prediction> Predictions) Run(IReadOnlyList<EvaluationUnit> units, IReadOnlyList<Prediction> validation, IReadOnlyList<Prediction> test, int positiveClass)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        var models = new List<FusionModel>();
        var fused = new List<Prediction>();
        foreach (var unit in units)
        {
            var model = Fit(unit, [.. validation.Where(p => p.Fold == unit.Fold)], positiveClass);
            models.Add(model);
            var samples = unit.Test.ToDictionary(s => s.Id, StringComparer.Ordinal);
            foreach (var p in test.Where(p => p.Fold == unit.Fold))
            {
                var probability = model.Probability(Features(samples[p.SampleId]), p.Probabilities[positiveClass]);
                double[] probabilities = [.. p.Probabilities.Select((_, c) => c == positiveClass ? probability : (1 - probability) / (p.Probabilities.Count - 1))];
                fused.Add(p with { Probabilities = probabilities });
            }
        }

        return (models, fused);
    }

    private static double[] Features(Sample sample) =>
        MetadataFeatures.Of(sample) ?? throw new ArgumentException($"{sample.Id}: not a located lesion; the metadata fusion needs the abnormality class and radius");
}
