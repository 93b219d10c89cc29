using System.Globalization;
using Mammo.Cli.Infrastructure;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Onnx;
using Mammo.Reporting.Figures;
using Mammo.Runs;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo predict RUN IMAGE --at x,y,r</c>: classify one region of a mammogram with a trained run.</summary>
public sealed class PredictCommand(IAnsiConsole console) : Command<PredictSettings>
{
    public override int Execute(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var limits = DataSettings.LimitsOf(settings.MaxPixels);
        var guard = new OutputGuard(settings.Run, settings.Image);
        var mode = settings.Mode();
        var batch = mode == PredictMode.Batch;
        if (batch && settings.At is not null)
        {
            throw new InvalidSettingException("region", "--at names a region of one image; give an image file, not a folder or archive");
        }

        var output = mode switch
        {
            PredictMode.Batch => settings.Out ?? "heatmap-regions.csv",
            PredictMode.Heatmap => settings.Out ?? Path.GetFileNameWithoutExtension(settings.Image) + "-heatmap.png",
            _ => null,
        };
        if (output is not null)
        {
            guard.CheckFile(output, settings.Overwrite);
        }

        var run = new RunFolder(settings.Run);
        run.EnsureComplete();
        var config = run.ReadConfig();

        // A scan of the run's own data is scored, in cross-validation, by the one fold model that never saw its patient.
        var assignment = batch || config.Leaky ? null : HeldOutAssignment.Find(run, settings.Image);
        using var model = assignment is { HeldOut: true, Fold: { } fold } ? TrainedModel.LoadFold(run, fold) : TrainedModel.Load(run);
        var standing = HeldOutPerformance.Read(run);

        // The stored feature detector scores for the same model the network does: the fold's, or every fold's averaged.
        var detector = settings.Detector == DetectorKind.Auto ? (mode == PredictMode.Region ? DetectorKind.Network : FeatureDetectorFile.DefaultDetector(run)) : settings.Detector;
        var features = detector == DetectorKind.Network ? null
            : FeatureDetectorFile.For(run, config, assignment is { HeldOut: true } ? assignment.Fold : null)
              ?? throw new Mammo.Data.MammoDataException($"{run.File(RunFolder.FeatureDetectorFile)}: missing; a detect run trained by this Mammo stores its feature detector there (task '{config.Task}' here): use --detector network, or train the detect run again");
        if (batch)
        {
            return Batch(settings, detector, model, features, standing, output!, limits, cancellationToken);
        }

        var image = ScanImageReader.Read(settings.Image, limits);
        if (mode == PredictMode.Heatmap)
        {
            return Heatmap(settings, detector, model, features, standing, assignment, image, output!);
        }

        var (x, y, r) = settings.At!.Value;
        var miasY = settings.Origin == "top-left" ? PatchGeometry.MiasY(y, image.Height) : y;
        RegionPrediction prediction;
        if (settings.Engine == PredictionEngine.Onnx)
        {
            using var onnx = OnnxPatchClassifier.For(model, run);
            prediction = new RegionClassifier(onnx, model.Config.Preprocessing).Classify(image, x, miasY, r, !settings.NoTta);
        }
        else
        {
            prediction = new RegionClassifier(model).Classify(image, x, miasY, r, !settings.NoTta);
        }

        // A fused run needs the region's class beside its radius; without it only the network's probability is known.
        var fusion = Mammo.Learning.Fusion.FusionFile.Read(run, config);
        double? fused = fusion is not null && settings.AbnormalityClass() is { } abnormality
            ? Mammo.Learning.Fusion.FusionFile.Probability(fusion, assignment is { HeldOut: true } ? assignment.Fold : null, Mammo.Baselines.MetadataFeatures.Of(abnormality, r), prediction.Probabilities[model.Task.PositiveClass])
            : null;
        var fusionNote = fusion is null ? null
            : fused is null ? $"this run also fuses its network with the abnormality class and radius: give the region's class with --class (CALC, CIRC, SPIC, MISC, ARCH, ASYM) for the fused p({model.Task.ClassNames[model.Task.PositiveClass]})"
            : null;
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(Json.Serialize(new
            {
                Fusion = fusion is null ? null : new { Probability = fused, Class = settings.Class?.ToUpperInvariant(), Note = fusionNote },
                Run = Path.GetFullPath(settings.Run),
                Image = Path.GetFullPath(settings.Image),
                Task = model.Task.Name,
                prediction.X,
                Y = prediction.Y,
                ImageRow = PatchGeometry.ImageRow(prediction.Y, image.Height),
                prediction.Radius,
                prediction.Label,
                Probabilities = prediction.Classes.Zip(prediction.Probabilities).ToDictionary(p => p.First, p => p.Second),
                prediction.Variants,
                Engine = settings.Engine,
                model.Models,
                model.Config.Leaky,
                HeldOut = standing,
                Scan = assignment,
            }));
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{Path.GetFileName(settings.Image)} at x {x}, y {y} ({settings.Origin}), r {r}"))
            .AddColumn("class").AddColumn(new TableColumn("probability").RightAligned());
        foreach (var (name, probability) in prediction.Classes.Zip(prediction.Probabilities))
        {
            var text = probability.ToString("0.000", CultureInfo.InvariantCulture);
            table.AddRow(name == prediction.Label ? $"[bold]{Markup.Escape(name)}[/]" : Markup.Escape(name), name == prediction.Label ? $"[bold]{text}[/]" : text);
        }

        console.Write(table);
        console.MarkupLine($"[bold]{Markup.Escape(prediction.Label)}[/] ({model.Task.Name}; mean over {prediction.Variants} variant(s){(model.Models > 1 ? $" and {model.Models} fold models" : string.Empty)})");
        if (fused is { } p)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"fused with the label table ({settings.Class!.ToUpperInvariant()}, radius {r}): p({model.Task.ClassNames[model.Task.PositiveClass]}) {p:0.000}")));
        }
        else if (fusionNote is not null)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(fusionNote)}[/]");
        }

        PrintAssignment(assignment);
        PrintStanding(standing);
        return 0;
    }

    // What scores the windows: one ONNX Runtime session for every scan of a batch, or (null) libtorch's fully
    // convolutional copy made per scan; the stored feature detector alone, or beside the network by mean log-odds.
    private static IDenseScorer? Windows(PredictSettings settings, DetectorKind detector, TrainedModel model, FeatureDetector? features)
    {
        var network = detector == DetectorKind.Features ? null
            : settings.Engine == PredictionEngine.Onnx ? OnnxDenseScorer.For(model, new RunFolder(settings.Run))
            : features is null ? null : model.DenseScorer();
        if (features is null)
        {
            return network;
        }

        IDenseScorer windows = new CropByCropScorer(features, model.Config.PatchSize);
        return network is null ? windows : new LogOddsMeanScorer(network, windows);
    }

    private static ScanHeatmap Heatmap(TrainedModel model, IDenseScorer? windows, PredictSettings settings) =>
        windows is null
            ? new ScanHeatmap(model) { Radii = settings.Radii, MinimumInside = settings.MinimumInside }
            : new ScanHeatmap(windows, model.Task.PositiveClass, model.Config.Preprocessing) { Radii = settings.Radii, MinimumInside = settings.MinimumInside };

    private void PrintAssignment(HeldOutAssignment? assignment)
    {
        if (assignment is null)
        {
            return;
        }

        console.MarkupLine(assignment switch
        {
            { HeldOut: true, Fold: { } fold } => Markup.Escape($"{assignment.ScanId} is a scan of patient {assignment.Patient}, held out by fold {fold}: scored by that fold's model alone, which never saw this patient"),
            { HeldOut: true } => Markup.Escape($"{assignment.ScanId} is a scan of patient {assignment.Patient}, a test patient of this run: a held-out answer"),
            _ => $"[yellow]{Markup.Escape($"this run trained on patient {assignment.Patient} ({assignment.ScanId}): its answer here is not a held-out one")}[/]",
        });
    }

    // Every answer comes with what the model is worth on patients it never saw, and the yardstick beside it.
    private void PrintStanding(HeldOutPerformance standing, DetectorKind detector = DetectorKind.Network)
    {
        static string Auc(double? auc, double? lower, double? upper) => auc is { } a
            ? string.Create(CultureInfo.InvariantCulture, $"{a:0.000} (95% CI {lower:0.000}–{upper:0.000})")
            : "n/a";
        var baseline = standing.BaselineName is { } name
            ? $"; {name} baseline ({(name == "metadata" ? "abnormality class and radius, no pixels" : "hand-crafted image features")}) {Auc(standing.BaselineAuc, standing.BaselineLower, standing.BaselineUpper)}"
            : string.Empty;
        console.MarkupLine(Markup.Escape($"held-out AUC of this run: {Auc(standing.Auc, standing.AucLower, standing.AucUpper)}{baseline}"));
        if (detector != DetectorKind.Network)
        {
            console.MarkupLine(Markup.Escape($"held-out AUC of its feature detector on the same test regions: {Auc(standing.FeatureDetectorAuc, standing.FeatureDetectorLower, standing.FeatureDetectorUpper)}{(detector == DetectorKind.Combined ? "; the combination is measured by mammo localise (docs/prediction.md)" : string.Empty)}"));
        }
        if (standing.Leaky)
        {
            console.MarkupLine("[yellow]this model was trained under the leaky protocol (the original study's): its test numbers overstate it, and no honest estimate exists[/]");
        }
        else if (!standing.BetterThanChance)
        {
            console.MarkupLine("[yellow]not better than chance on held-out patients: read this answer as noise[/]");
        }

        if (standing.BaselineBetter)
        {
            console.MarkupLine($"[yellow]{Markup.Escape($"the {standing.BaselineName} baseline does better than this network on the same held-out patients")}[/]");
        }
    }

    private int Heatmap(PredictSettings settings, DetectorKind detector, TrainedModel model, FeatureDetector? features, HeldOutPerformance standing, HeldOutAssignment? assignment, GrayImage image, string overlay)
    {
        using var windows = Windows(settings, detector, model, features);
        var result = Heatmap(model, windows, settings).Compute(image, settings.Top);
        var positive = model.Task.ClassNames[model.Task.PositiveClass];
        var regions = result.Top.Select((t, i) => new HeatmapRegion(t.Column, t.Row, t.Radius, t.Score, i + 1)).ToList();
        var title = $"{Path.GetFileName(settings.Image)} · p({positive}) · {model.Task.Name} model{(detector == DetectorKind.Network ? string.Empty : $", {EnumNames.Of(detector)} detector")}";
        AtomicOutput.WriteFile(overlay, s => s.Write(HeatmapFigure.RenderPng(image, result.Grid, regions, title, scoreLabel: $"p({positive})")));
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(Json.Serialize(new
            {
                Run = Path.GetFullPath(settings.Run),
                Image = Path.GetFullPath(settings.Image),
                Task = model.Task.Name,
                Score = $"p({positive})",
                Detector = EnumNames.Of(detector),
                Radii = settings.Radii,
                Overlay = Path.GetFullPath(overlay),
                result.Seconds,
                Engine = settings.Engine,
                HeldOut = standing,
                Scan = assignment,
                Regions = result.Top.Select((t, i) => new { Rank = i + 1, X = t.Column, t.Y, t.Row, t.Radius, t.Score }),
            }));
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"most suspicious regions, p({positive})"))
            .AddColumn("#").AddColumn(new TableColumn("x").RightAligned()).AddColumn(new TableColumn("y (MIAS)").RightAligned())
            .AddColumn(new TableColumn("r").RightAligned()).AddColumn(new TableColumn("score").RightAligned());
        foreach (var (t, i) in result.Top.Select((t, i) => (t, i)))
        {
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), t.Column.ToString("0", CultureInfo.InvariantCulture), t.Y.ToString("0", CultureInfo.InvariantCulture), t.Radius.ToString("0", CultureInfo.InvariantCulture), t.Score.ToString("0.000", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLine($"wrote {Markup.Escape(overlay)} ({result.Seconds:0.00} s)");
        PrintAssignment(assignment);
        PrintStanding(standing, detector);
        PrintHeatmapModel(model);
        return 0;
    }

    // The heat map asks "lesion or other tissue?"; a run trained for another question answers it only in part.
    private void PrintHeatmapModel(TrainedModel model)
    {
        if (!model.Task.SamplesTissue)
        {
            console.MarkupLine($"[grey]this run was trained for '{Markup.Escape(model.Task.Name)}', not to find lesions among other tissue; the heat map's model is a detect run: mammo train --task detect --protocol cv --balancing weights (docs/prediction.md)[/]");
        }
    }

    // A folder of images, or a MIAS archive: one heat map each, the top regions of all in one CSV.
    private int Batch(PredictSettings settings, DetectorKind detector, TrainedModel model, FeatureDetector? features, HeldOutPerformance standing, string csv, ImageLimits limits, CancellationToken cancellationToken)
    {
        using var windows = Windows(settings, detector, model, features);
        var heatmap = Heatmap(model, windows, settings);
        var rows = new System.Text.StringBuilder("image,rank,x,y,r,score\n");
        var (count, images) = ImageFiles(settings.Image, limits, cancellationToken);
        if (count == 0)
        {
            throw new Mammo.Data.MammoDataException($"{settings.Image}: no images (PGM, PNG, JPEG, TIFF, BMP)");
        }

        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()).Start(progress =>
        {
            var task = progress.AddTask("scoring scans", maxValue: count);
            foreach (var (name, image) in images)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = heatmap.Compute(image, settings.Top);
                foreach (var (t, i) in result.Top.Select((t, i) => (t, i)))
                {
                    rows.Append(CultureInfo.InvariantCulture, $"{name},{i + 1},{t.Column:0.#},{t.Y:0.#},{t.Radius:0.#},{t.Score:R}\n");
                }

                task.Increment(1);
            }
        });
        AtomicOutput.WriteAllText(csv, rows.ToString());
        console.MarkupLine($"wrote {Markup.Escape(csv)}: the top {settings.Top} regions of {count} images ({EnumNames.Of(detector)} detector)");
        PrintStanding(standing, detector);
        PrintHeatmapModel(model);
        return 0;
    }

    // Images are read and decoded one at a time as they are scored; an archive is streamed once.
    private static (int Count, IEnumerable<(string Name, GrayImage Image)> Images) ImageFiles(string path, ImageLimits limits, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            string[] extensions = [".pgm", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"];
            var files = Directory.EnumerateFiles(path).Where(f => extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList();
            return (files.Count, files.Select(f => (Path.GetFileName(f), ScanImageReader.Read(f, limits))));
        }

        var source = Mammo.Data.DatasetSource.Open(path, limits);
        var names = source.ListScanFiles().Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        return (names.Count, source.ReadScanFiles(names, cancellationToken).Select(f => (f.FileName, source.Decode(f))));
    }
}
