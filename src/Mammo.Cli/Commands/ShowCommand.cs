using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Reporting.Figures;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo show</c>: the first thing a user checks — are the circles on the lesions, do the patches look right?</summary>
public sealed class ShowCommand(IAnsiConsole console) : Command<ShowSettings>
{
    public override int Execute(CommandContext context, ShowSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var guard = new OutputGuard(DataLocator.Inputs(settings.Data));
        guard.CheckFile(settings.Out!, settings.Overwrite);
        var dataset = DataLocator.Load(settings);
        var scan = dataset.FindScan(settings.Scan)
            ?? throw new MammoDataException($"{settings.Scan}: no such scan in {dataset.Source.Path} (expected e.g. {(dataset.Scans.Count > 0 ? dataset.Scans[0].Id : "mdb005")}; 'mammo info' lists what the data holds)");
        var extractor = new PatchExtractor(new PatchOptions { Variants = settings.Variants, Seed = settings.Seed });
        var regions = extractor.Plan([scan]).Origins;
        var origin = regions.Count == 0 ? null
            : scan.IsNormal ? regions[0]
            : regions.FirstOrDefault(o => o.Lesion!.Index == settings.Lesion)
              ?? throw new MammoDataException($"{scan.Id} has no located lesion {settings.Lesion} (located: {string.Join(", ", regions.Select(o => o.Lesion!.Index))})");
        var gallery = origin is null ? null
            : settings.Gallery ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Out!))!, $"{origin.Id}-variants.png");
        if (gallery is not null)
        {
            guard.CheckFile(gallery, settings.Overwrite);
        }

        // Decoded at its stored depth: the patches are cut from the full-depth samples, the figure shows the window.
        var scanImage = dataset.Source.DecodeScan(dataset.Source.ReadScanFile(scan.FileName));
        var image = scanImage.ToGrayImage();
        var normalRegions = regions.Where(o => o.Lesion is null).ToList();
        AtomicOutput.WriteFile(settings.Out!, s => s.Write(ScanFigure.RenderPng(image, scan, normalRegions, settings.Width)));
        console.MarkupLine($"wrote {Markup.Escape(settings.Out!)}");
        if (origin is null)
        {
            console.MarkupLine("[yellow]no region to cut: this scan's lesions have no location[/]");
            return 0;
        }

        var variants = extractor.Augment(origin, extractor.Cut(scanImage, origin)).ToList();
        AtomicOutput.WriteFile(gallery!, s => s.Write(VariantGallery.RenderPng(variants)));
        console.MarkupLine($"wrote {Markup.Escape(gallery!)} ({variants.Count} variants of {origin.Id})");
        return 0;
    }
}
