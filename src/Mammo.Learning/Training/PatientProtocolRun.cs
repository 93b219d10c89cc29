using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>One model: patients split into train, validation and test parts (or the dataset's own split, official protocol); the test part predicted once.</summary>
internal sealed class PatientProtocolRun(RunContext run) : IEvaluationProtocolRun
{
    public ProtocolOutcome? Run(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        var config = run.Config;
        var split = RunSplit.HeldOut(samples, config, run.Task.ClassNames);
        run.Folder.WriteText(SplitManifest.FileName, split.ToCsv());
        run.Say($"patient split: {run.Describe(split.Train)} train, {run.Describe(split.Validation)} validation, {run.Describe(split.Test)} test");
        var trainer = new UnitTrainer(run);
        using var unit = trainer.Train(null, "model", split.Train, split.Validation, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var (tta, single) = trainer.Predict(unit, split.Test, null);
        run.Units.Add(new EvaluationUnit(null, split.Train, split.Validation, split.Test));
        run.Validation.AddRange(trainer.Predict(unit, split.Validation, null).Tta);
        return new ProtocolOutcome(tta, single, null);
    }
}
