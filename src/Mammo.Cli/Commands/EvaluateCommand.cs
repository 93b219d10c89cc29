using Mammo.Baselines;
using Mammo.Cli.Infrastructure;
using Mammo.Evaluation;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo evaluate RUN</c>: the metrics of a finished run, recomputed from its predictions file.</summary>
public sealed class EvaluateCommand(IAnsiConsole console) : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = new RunFolder(settings.Run);
        folder.EnsureComplete();
        var config = folder.ReadConfig();
        var task = ClassificationTask.Parse(config.Task);
        var file = folder.File(settings.NoTta ? RunFolder.PredictionsNoTtaFile : RunFolder.PredictionsFile);
        if (!File.Exists(file))
        {
            throw new Mammo.Data.MammoDataException($"{file}: missing from a run marked complete");
        }

        var predictions = PredictionTable.Read(Mammo.Storage.InputFile.ReadText(file, Mammo.Storage.InputFile.MaxCsvBytes), task.ClassNames, file);
        var evaluation = ModelEvaluation.Compute(predictions, task.ClassNames, task.PositiveClass, config.Seed, settings.Resamples, settings.Threshold);
        var folds = config.Protocol == EvaluationProtocol.Cv ? FoldAucSummary.Of(predictions, task.PositiveClass) : null;

        var baselinesFile = folder.File(BaselineTable.FileName);
        IReadOnlyList<BaselineSummary>? baselines = null;
        if (File.Exists(baselinesFile))
        {
            var scores = BaselineTable.Read(Mammo.Storage.InputFile.ReadText(baselinesFile, Mammo.Storage.InputFile.MaxCsvBytes), baselinesFile);
            baselines = [.. scores.Kinds.Select(k => BaselineSummary.Of(scores, k, task.PositiveClass, config.Seed, settings.Resamples))];
        }

        EvaluationPrinter.Print(console, config, evaluation, !settings.NoTta && !config.Leaky, folds, baselines);
        return 0;
    }
}
