using System.Globalization;
using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary>
/// <c>mammo demo</c>: the study on the real data in a few minutes, through the same commands a user would type —
/// counts, a quick experiment (the network beside its baselines, the honest protocol beside the original's leaky
/// one), its HTML report, and the heat map and region prediction of a scan that the fold model scoring it never saw.
/// </summary>
public sealed class DemoCommand(IAnsiConsole console) : Command<DemoSettings>
{
    /// <summary>A malignant calcification cluster (Info.txt: mdb209 G CALC M 647 503 87).</summary>
    public const string Scan = "mdb209";

    public override int Execute(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = DataLocator.Resolve(settings.Data);
        var output = Path.GetFullPath(settings.Out);
        Prepare(output, data);
        var experiment = Path.Combine(output, "experiment");
        var report = Path.Combine(output, "report.html");
        var cell = ExperimentPlan.QuickPlan.Cells().First(c => c.Protocol == EvaluationProtocol.Cv && c.Task == "calc").Name;
        var run = Path.Combine(experiment, "cells", cell);

        Step(cancellationToken, "info", "--data", data);
        Step(cancellationToken, "experiment", "--quick", "--data", data, "--out", experiment);
        Step(cancellationToken, "report", experiment, "--data", data, "--out", report, "--overwrite");

        var dataset = DataLocator.Load(settings);
        var scan = dataset.FindScan(Scan) ?? throw new MammoDataException($"{dataset.Source.Path}: has no {Scan}, the demo's scan");
        var lesion = scan.Lesions.First(l => l.Location is not null).Location!.Value;
        var image = Path.Combine(output, scan.FileName);
        AtomicOutput.WriteFile(image, s => s.Write(dataset.Source.ReadScanFile(scan.FileName).Content));
        var heatmap = Path.Combine(output, $"{scan.Id}-heatmap.png");
        Step(cancellationToken, "predict", run, image, "--out", heatmap, "--overwrite");
        Step(cancellationToken, "predict", run, image, "--at", string.Create(CultureInfo.InvariantCulture, $"{lesion.X},{lesion.Y},{lesion.Radius}"));

        var table = new Table().Border(TableBorder.Rounded).Title("demo outputs").AddColumn("file").AddColumn("what");
        table.AddRow(Markup.Escape(report), "the report: every honest cell beside its baselines first, then dataset, method, results, every cell, caveats");
        table.AddRow(Markup.Escape(Path.Combine(experiment, ExperimentFolder.SummaryCsvFile)), "one row per cell");
        table.AddRow(Markup.Escape(Path.Combine(experiment, ExperimentFolder.PlotsFolder)), "every figure");
        table.AddRow(Markup.Escape(heatmap), $"the heat map of {scan.Id}, scored by the fold model that never saw its patient");
        console.Write(table);
        return 0;
    }

    // The demo writes only into a folder of its own: new, or marked by an earlier demo.
    private static void Prepare(string output, string data)
    {
        new OutputGuard(data).CheckInputs(output);
        if (File.Exists(output))
        {
            throw new OutputConflictException(output, OutputConflict.NotAFolder);
        }

        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            var kind = OutputMarker.Read(output);
            if (kind != OutputKind.Demo)
            {
                throw new OutputConflictException(output, kind is null ? OutputConflict.NotMammoOutput : OutputConflict.OtherKind, kind: OutputKind.Demo);
            }
        }

        Directory.CreateDirectory(output);
        OutputMarker.Write(output, OutputKind.Demo);
    }

    // Each step is the command a user would type; its failure is the demo's, in its own words.
    private void Step(CancellationToken cancellationToken, params string[] args)
    {
        cancellationToken.ThrowIfCancellationRequested();
        console.Write(new Rule(Markup.Escape("mammo " + string.Join(' ', args))).LeftJustified());
        using var errors = new StringWriter();
        var code = Program.Run(args, console, errors, cancellationToken);
        if (code == CommandErrors.Cancelled)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        if (code != 0)
        {
            throw new MammoDataException($"the demo's step 'mammo {string.Join(' ', args)}' failed: {errors.ToString().Trim().Replace("mammo: error: ", string.Empty, StringComparison.Ordinal)}");
        }
    }
}
