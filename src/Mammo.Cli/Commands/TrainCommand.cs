using System.Globalization;
using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Learning.Training;
using Mammo.Preprocessing;
using Mammo.Runs;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo train</c>: one run folder from data to metrics, with a live display; Ctrl+C stops after the batch.</summary>
public sealed class TrainCommand(IAnsiConsole console) : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var resume = settings.Resume is not null;
        var folder = new RunFolder(settings.Resume ?? settings.Out ?? settings.DefaultFolder);
        var config = resume ? folder.ReadConfig() : null;
        new OutputGuard(DataLocator.Inputs(settings.Data ?? config?.DataPath)).CheckInputs(folder.Path);
        var dataset = DataLocator.Load(settings, config?.DataPath);
        var checksum = DatasetChecksum.Compute(dataset.Source);
        if (config is not null && config.DataChecksum != checksum)
        {
            throw new MammoDataException($"{dataset.Source.Path}: not the data the run was trained on (checksum {checksum[..12]}…, the run has {config.DataChecksum[..Math.Min(12, config.DataChecksum.Length)]}…)");
        }

        config ??= NewConfig(settings, dataset.Source.Path, checksum);
        var result = Run(dataset, config, folder, resume, cancellationToken);
        if (result.Status != RunStatus.Complete)
        {
            console.MarkupLine($"[yellow]{Markup.Escape($"{result.Detail}; continue with 'mammo train --resume {folder.Path}'")}[/]");
            return CommandErrors.Cancelled;
        }

        EvaluationPrinter.Print(console, config, result.Evaluation!, tta: true, result.Folds, result.Assessment?.Baselines?.Summaries is { } baselines ? [.. baselines, .. result.Fusion is { } fusion ? new[] { fusion } : []] : null);
        BaselinePrinter.PrintCalibration(console, result.Assessment);
        console.MarkupLine($"run folder: [bold]{Markup.Escape(folder.Path)}[/]");
        return 0;
    }

    private RunResult Run(Dataset dataset, RunConfig config, RunFolder folder, bool resume, CancellationToken cancellationToken)
    {
        RunResult result = null!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                ProgressTask? current = null;
                var best = 0;
                var last = string.Empty;
                var observer = new RunObserver
                {
                    OnMessage = message => console.MarkupLine($"[grey]{Markup.Escape(message)}[/]"),
                    OnUnitStart = (name, epochs) =>
                    {
                        current?.StopTask();
                        current = progress.AddTask(Markup.Escape(name), maxValue: epochs);
                        best = 0;
                        last = string.Empty;
                    },
                    OnBatch = b =>
                    {
                        current!.Value = b.Epoch - 1 + ((double)b.Batch / b.Batches);
                        current.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"epoch {b.Epoch} loss {b.RunningLoss:0.0000}{last}"));
                    },
                    OnEpoch = (e, isBest) =>
                    {
                        best = isBest ? e.Epoch : best;
                        last = string.Create(CultureInfo.InvariantCulture, $" | last: acc {e.Accuracy:0.000} val_loss {e.ValidationLoss:0.0000} val_acc {e.ValidationAccuracy:0.000} | best epoch {best}");
                    },
                };
                result = new TrainingRun(dataset, config, folder, observer).Execute(resume, cancellationToken);
                if (current is not null)
                {
                    current.Value = current.MaxValue;
                    current.StopTask();
                }
            });
        return result;
    }

    private static RunConfig NewConfig(TrainSettings s, string dataPath, string checksum)
    {
        var (train, validation, test) = s.Split;
        return new RunConfig
        {
            Task = s.Task,
            Model = s.Model,
            Balancing = s.Balancing,
            Protocol = s.Protocol,
            Folds = s.Folds,
            TrainFraction = train,
            ValidationFraction = validation,
            TestFraction = test,
            Seed = s.Seed,
            TissuePerScan = s.TissuePerScan,
            HardNegatives = s.HardNegatives,
            Preprocessing = s.Protocol == EvaluationProtocol.Leaky ? PatchPipeline.Original : PatchPipeline.Default with
            {
                Crop = s.Context,
                Size = s.Input,
                Intensity = s.Intensity,
            },
            Calibrate = s.Calibrate,
            Fusion = s.Fusion,
            DataPath = Path.GetFullPath(dataPath),
            DataChecksum = checksum,
            InitFrom = s.InitFrom is null ? null : Path.GetFullPath(s.InitFrom),
            Training = new TrainingOptions
            {
                MaxEpochs = s.Epochs,
                Patience = s.Patience,
                BatchSize = s.Batch,
                LearningRate = s.LearningRate,
                OnTheFlyAugmentation = s.Augment,
                GainJitter = s.GainJitter,
                WeightDecay = s.WeightDecay,
                MinimumEpoch = s.MinEpoch,
                Device = s.Device,
                Threads = s.Threads,
                Seed = s.Seed,
            },
        };
    }
}
