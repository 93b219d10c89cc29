using System.Diagnostics;
using Mammo.Cli.Infrastructure;
using Mammo.Imaging;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo patches</c>: the patches every later step trains on, as PNGs plus a manifest.</summary>
public sealed class PatchesCommand(IAnsiConsole console) : Command<PatchesSettings>
{
    public override int Execute(CommandContext context, PatchesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        new OutputGuard(DataLocator.Inputs(settings.Data)).CheckFolder(settings.Out!, settings.Overwrite, OutputKind.Patches);
        var dataset = DataLocator.Load(settings);
        var extractor = new PatchExtractor(settings.ToOptions());
        var plan = extractor.Plan(dataset.Scans);
        var scanCount = plan.Origins.Select(o => o.Scan.Id).Distinct().Count();
        IReadOnlyList<Patch> patches = [];
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var cutting = progress.AddTask("cutting scans", maxValue: scanCount);
                var writing = progress.AddTask("writing PNGs", autoStart: false);
                patches = extractor.Extract(dataset.Source, plan, new Progress<int>(n => cutting.Value = n), cancellationToken);
                cutting.Value = scanCount;
                writing.MaxValue = patches.Count;
                writing.StartTask();
                PatchFolderWriter.Write(settings.Out!, patches, settings.Overwrite, settings.Threads, new Progress<int>(n => writing.Value = n), cancellationToken);
                writing.Value = patches.Count;
            });

        var table = new Table().Border(TableBorder.Rounded).AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("scans cut", scanCount.ToString());
        table.AddRow("regions (lesions + normal scans)", plan.Origins.Count.ToString());
        table.AddRow("variants per region", extractor.Variants.Count.ToString());
        table.AddRow("patches written", patches.Count.ToString());
        table.AddRow("regions skipped", plan.Skipped.Count.ToString());
        table.AddRow("records excluded from the data", dataset.Excluded.Count.ToString());
        console.Write(table);
        foreach (var skipped in plan.Skipped)
        {
            console.MarkupLine($"[grey]skipped: {Markup.Escape(skipped.ToString())}[/]");
        }

        console.MarkupLine($"wrote [bold]{patches.Count}[/] patches and {PatchManifest.FileName} to {Markup.Escape(Path.GetFullPath(settings.Out!))} in {clock.Elapsed.TotalSeconds:0.00} s");
        return 0;
    }
}
