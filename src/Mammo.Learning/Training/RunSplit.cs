using Mammo.Data;
using Mammo.Imaging;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>
/// The split a <see cref="TrainingRun"/> with this config makes, without cutting a patch: the same sample plan
/// (seeded from labels alone), the same protocol calls with the same seeds and fractions. <c>mammo baselines</c>
/// uses it to score the baselines on exactly the folds <c>mammo train</c> would use (a test compares the two).
/// </summary>
public static class RunSplit
{
    /// <exception cref="ArgumentException">The leaky protocol, whose split has no honest baselines.</exception>
    /// <exception cref="MammoDataException">The task has no samples in the data.</exception>
    /// <exception cref="SplitException">The samples cannot be split as asked.</exception>
    public static PlannedSplit Plan(Dataset dataset, RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        if (config.Protocol == EvaluationProtocol.Leaky)
        {
            throw new ArgumentException("the leaky protocol splits augmented patches, not samples", nameof(config));
        }

        var task = ClassificationTask.Parse(config.Task);
        var extractor = config.Preprocessing.Extractor(config.Seed);
        var samples = task.Samples(RunPlan.Of(dataset, config, task, extractor).Origins);
        if (samples.Count == 0)
        {
            throw new MammoDataException($"task '{task.Name}' has no samples in {dataset.Source.Path}");
        }

        IReadOnlyList<EvaluationUnit> units;
        if (config.Protocol is EvaluationProtocol.Patient or EvaluationProtocol.Official)
        {
            var split = HeldOut(samples, config, task.ClassNames);
            units = [new EvaluationUnit(null, split.Train, split.Validation, split.Test)];
        }
        else
        {
            var folds = GroupedStratifiedKFold.Split(samples, config.Folds, config.Seed, config.ValidationFraction / (config.TrainFraction + config.ValidationFraction), task.ClassNames);
            units = [.. folds.Select(f => new EvaluationUnit(f.Index, f.Train, f.Validation, f.Test))];
        }

        return new PlannedSplit(task, samples, units);
    }

    /// <summary>The one train/validation/test split of the patient and official protocols.</summary>
    /// <exception cref="SplitException">The samples cannot be split as asked.</exception>
    public static SplitAssignment HeldOut(IReadOnlyList<Sample> samples, RunConfig config, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Protocol == EvaluationProtocol.Official
            ? OfficialSplit.Split(samples, config.Seed, config.ValidationFraction / (config.TrainFraction + config.ValidationFraction), classNames)
            : PatientSplit.Split(samples, config.Seed, config.TrainFraction, config.ValidationFraction, config.TestFraction, classNames);
    }
}
