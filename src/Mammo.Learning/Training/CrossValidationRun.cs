using Mammo.Evaluation;
using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>
/// k models on patient-grouped stratified folds: each fold's model validates on part of its training patients and
/// tests on the patients it never saw, so every sample is predicted once, out of fold.
/// </summary>
internal sealed class CrossValidationRun(RunContext run) : IEvaluationProtocolRun
{
    public ProtocolOutcome? Run(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        var config = run.Config;
        var positive = run.Task.PositiveClass;
        var folds = GroupedStratifiedKFold.Split(samples, config.Folds, config.Seed, config.ValidationFraction / (config.TrainFraction + config.ValidationFraction), run.Task.ClassNames);
        run.Folder.WriteText(SplitManifest.FileName, SplitManifest.Write(folds.SelectMany(f => f.Rows())));
        var trainer = new UnitTrainer(run);
        var tta = new List<Prediction>();
        var single = new List<Prediction>();
        foreach (var fold in folds)
        {
            using var unit = trainer.Train(fold.Index, $"fold {fold.Index} (of {folds.Count}, counted from 0)", fold.Train, fold.Validation, cancellationToken);
            if (unit is null)
            {
                return null;
            }

            var (foldTta, foldSingle) = trainer.Predict(unit, fold.Test, fold.Index);
            run.Units.Add(new EvaluationUnit(fold.Index, fold.Train, fold.Validation, fold.Test));
            run.Validation.AddRange(trainer.Predict(unit, fold.Validation, fold.Index).Tta);
            tta.AddRange(foldTta);
            single.AddRange(foldSingle);
            run.Say($"fold {fold.Index}: AUC {RunContext.Format(FoldAucSummary.Auc(foldTta, positive))} on {foldTta.Count} test samples");
        }

        return new ProtocolOutcome(tta, single, FoldAucSummary.Of(tta, positive));
    }
}
