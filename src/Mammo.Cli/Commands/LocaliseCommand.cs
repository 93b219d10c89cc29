using System.Globalization;
using Mammo.Cli.Infrastructure;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Localisation;
using Mammo.Runs;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo localise RUN</c>: does the run's heat map find the lesions on scans it never trained on?</summary>
public sealed class LocaliseCommand(IAnsiConsole console) : Command<LocaliseSettings>
{
    public override int Execute(CommandContext context, LocaliseSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var run = new RunFolder(settings.Run);
        run.EnsureComplete();
        var config = run.ReadConfig();

        // The default folder is the run's own slot for it, replaced on every study; any other needs --overwrite.
        var output = settings.Out ?? run.File(LocalisationFiles.DefaultFolder);
        var overwrite = settings.Overwrite || settings.Out is null;
        new OutputGuard([new InputPath(run.Path, [LocalisationFiles.DefaultFolder]), new InputPath(DataLocator.Resolve(settings.Data ?? config.DataPath))])
            .CheckFolder(output, overwrite, OutputKind.Localisation);
        var dataset = DataLocator.Load(settings, config.DataPath);
        var study = new LocalisationStudy(run, dataset) { Radii = settings.Radii, RegionsPerScan = settings.Regions, RandomRepeats = settings.Repeats, Seed = settings.Seed, MinimumInside = settings.MinimumInside, Detector = settings.Detector, Bilateral = settings.Bilateral, Threads = settings.Threads };
        var scans = study.HeldOutScans();
        if (scans.Count == 0)
        {
            throw new Mammo.Data.MammoDataException($"{run.Path}: no held-out scan has a located lesion");
        }

        LocalisationResult? result = null;
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()).Start(progress =>
        {
            var task = progress.AddTask($"mapping {scans.Count} held-out scans", maxValue: scans.Count);
            result = study.Run(new Progress(task), cancellationToken);
        });

        var froc = result!.Froc();
        var chance = result.RandomFroc();
        var detector = EnumNames.Of(result.Detector);
        var title = $"{config.Task} ({config.Protocol.ToString().ToLowerInvariant()}, {detector} detector): FROC on {froc.Images} held-out scans";
        LocalisationFiles.Write(output, overwrite, run, result, title);

        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{froc.Lesions} lesions on {froc.Images} held-out scans ({config.Task}, {config.Protocol.ToString().ToLowerInvariant()})"))
            .AddColumn("measure").AddColumn(new TableColumn($"heat map ({detector})").RightAligned()).AddColumn(new TableColumn($"random (×{settings.Repeats})").RightAligned());

        // One block of rows per way of scoring the regions; the random column only beside the plain heat map.
        static string Rate(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        void Rows(string topLabel, Func<int, HitRate>? hits, string rateLabel, FrocCurve curve, bool withRandom)
        {
            foreach (var top in hits is null ? [] : LocalisationFiles.Tops)
            {
                var hit = hits!(top);
                table.AddRow($"{topLabel} {top}", $"{Rate(hit.Rate)} ({hit.Hits}/{hit.Lesions})", withRandom ? Rate(result.RandomHitRate(top).Rate) : string.Empty);
            }

            foreach (var rate in LocalisationFiles.FalsePositiveRates)
            {
                table.AddRow($"{rateLabel} {rate.ToString(CultureInfo.InvariantCulture)} FP/scan", Rate(curve.SensitivityAt(rate)), withRandom ? Rate(chance.SensitivityAt(rate)) : string.Empty);
            }
        }

        Rows("lesion centre in top", result.HitRate, "sensitivity at", froc, withRandom: true);
        Rows(string.Empty, null, "… scores relative to the scan, at", result.ScanRelativeFroc(), withRandom: false);
        if (result.BilateralCases.Count > 0)
        {
            Rows("… against the other breast, top", result.BilateralHitRate, "… against the other breast, at", result.BilateralFroc(), withRandom: false);
        }

        console.Write(table);
        if (result.FeatureAuc is { } auc)
        {
            var fits = result.FeaturesStored ? "the run's own fits" : "fitted here on each fold's training and validation patients (the run has no feature-detector.json)";
            fits += result.FeatureObjective == FeatureDetectorObjective.Regions ? ", lesion against tissue regions" : ", ranking each scan's windows";
            console.MarkupLine(Markup.Escape($"feature detector ({fits}), held-out AUC on the run's test samples: {auc.Estimate:0.000} ({auc.Lower:0.000}–{auc.Upper:0.000})"));
        }

        console.MarkupLine($"wrote {Markup.Escape(output)} (heat maps {result.Seconds:0.0} s, {result.Seconds / froc.Images:0.00} s per scan)");
        return 0;
    }

    private sealed class Progress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }
}
