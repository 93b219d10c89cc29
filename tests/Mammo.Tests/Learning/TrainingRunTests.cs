using System.Text.Json;
using Mammo.Data;
using Mammo.Learning.Training;
using Mammo.Preprocessing;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary>Whole runs on a small synthetic MIAS: 24 patients, one calcification per film.</summary>
[Collection(TorchGlobalState.Name)]
public sealed class TrainingRunTests : IDisposable
{
    private const int Size = 128;
    private readonly TempFolder _folder = new();
    private readonly Dataset _dataset;

    public TrainingRunTests()
    {
        _dataset = SyntheticMias.Calcifications(_folder.Path, Size);
    }

    public void Dispose() => _folder.Dispose();

    private RunFolder Run(EvaluationProtocol protocol, string name, string task = "calc", int epochs = 2)
    {
        var folder = new RunFolder(Path.Combine(_folder.Path, name));
        var config = new RunConfig
        {
            Task = task,
            Protocol = protocol,
            Folds = 3,
            Seed = 4,
            DataPath = _dataset.Source.Path,
            Training = new TrainingOptions { MaxEpochs = epochs, Threads = 1 },
        };
        var result = new TrainingRun(_dataset, config, folder).Execute();
        Assert.Equal(RunStatus.Complete, result.Status);
        return folder;
    }

    private static List<string[]> SplitRows(RunFolder folder) =>
        [.. File.ReadAllLines(folder.File(SplitManifest.FileName)).Skip(1).Select(l => l.Split(','))];

    [Fact]
    public void A_patient_run_writes_every_file_and_no_patient_is_in_two_parts()
    {
        var folder = Run(EvaluationProtocol.Patient, "patient");

        foreach (var file in new[] { "config.json", "status.json", "split.csv", "weights.bin", "history.csv", "predictions.csv", "predictions-no-tta.csv", "metrics.json", "report.txt", "log.txt" })
        {
            Assert.True(File.Exists(folder.File(file)), file);
        }

        Assert.Equal(RunStatus.Complete, folder.ReadStatus());
        var rows = SplitRows(folder);
        Assert.Equal(48, rows.Count);
        Assert.All(rows.GroupBy(r => r[1]), patient => Assert.Single(patient.Select(r => r[3]).Distinct()));
        var testCount = rows.Count(r => r[3] == "test");
        Assert.Equal(1 + testCount, File.ReadAllLines(folder.File("predictions.csv")).Length);
        Assert.Equal(3, File.ReadAllLines(folder.File("history.csv")).Length);
        using var metrics = JsonDocument.Parse(File.ReadAllText(folder.File("metrics.json")));
        Assert.False(metrics.RootElement.GetProperty("leaky").GetBoolean());
        Assert.Equal(testCount, metrics.RootElement.GetProperty("test_tta").GetProperty("count").GetInt32());
    }

    [Fact]
    public void The_same_seed_gives_the_same_predictions()
    {
        var a = Run(EvaluationProtocol.Patient, "a", epochs: 1);
        var b = Run(EvaluationProtocol.Patient, "b", epochs: 1);

        Assert.Equal(File.ReadAllText(a.File("predictions.csv")), File.ReadAllText(b.File("predictions.csv")));
        Assert.Equal(File.ReadAllText(a.File("split.csv")), File.ReadAllText(b.File("split.csv")));
    }

    [Fact]
    public void Cross_validation_tests_every_patient_exactly_once_and_keeps_folds_patient_disjoint()
    {
        var folder = Run(EvaluationProtocol.Cv, "cv", epochs: 1);

        var rows = SplitRows(folder);
        var tests = rows.Where(r => r[3] == "test").ToList();
        Assert.Equal(48, tests.Count);
        Assert.Equal(24, tests.Select(r => r[1]).Distinct().Count());
        Assert.All(tests.GroupBy(r => r[1]), patient => Assert.Single(patient.Select(r => r[4]).Distinct()));
        foreach (var fold in rows.GroupBy(r => r[4]))
        {
            Assert.All(fold.GroupBy(r => r[1]), patient => Assert.Single(patient.Select(r => r[3]).Distinct()));
        }

        Assert.True(File.Exists(Path.Combine(folder.Path, "fold-2", "weights.bin")));
        Assert.Equal(49, File.ReadAllLines(folder.File("predictions.csv")).Length);
    }

    [Fact]
    public void A_fused_cross_validation_run_reports_the_fusion_beside_the_network_on_the_same_test_samples()
    {
        var folder = new RunFolder(Path.Combine(_folder.Path, "fused"));
        var config = new RunConfig
        {
            Task = "calc",
            Protocol = EvaluationProtocol.Cv,
            Folds = 3,
            Seed = 4,
            Fusion = FusionKind.Metadata,
            DataPath = _dataset.Source.Path,
            Training = new TrainingOptions { MaxEpochs = 1, Threads = 1 },
        };

        var result = new TrainingRun(_dataset, config, folder).Execute();

        Assert.Equal(RunStatus.Complete, result.Status);
        Assert.Equal(File.ReadAllLines(folder.File("predictions.csv")).Skip(1).Select(l => l.Split(',')[0]), File.ReadAllLines(folder.File(RunFolder.PredictionsFusionFile)).Skip(1).Select(l => l.Split(',')[0]));
        using var fusion = JsonDocument.Parse(File.ReadAllText(folder.File(RunFolder.FusionFile)));
        Assert.Equal([0, 1, 2], fusion.RootElement.EnumerateArray().Select(m => m.GetProperty("fold").GetInt32()));
        using var metrics = JsonDocument.Parse(File.ReadAllText(folder.File("metrics.json")));
        var summary = metrics.RootElement.GetProperty("fusion");
        Assert.Equal("fusion", summary.GetProperty("name").GetString());
        Assert.Equal(48, summary.GetProperty("count").GetInt32());
        Assert.Equal(3, summary.GetProperty("fold_aucs").GetArrayLength());
        Assert.Equal(result.Fusion!.Auc, summary.GetProperty("auc").GetDouble());
        Assert.Contains("\nfusion ", File.ReadAllText(folder.File("report.txt")), StringComparison.Ordinal);

        // predict at a test lesion, with its class: the held-out fold's network and fusion give the recorded fused score.
        var row = File.ReadAllLines(folder.File(RunFolder.PredictionsFusionFile))[1].Split(',');
        var scan = _dataset.FindScan(row[1].Split('-')[0])!;
        var lesion = scan.Lesions[0].Location!.Value;
        var image = Path.Combine(_dataset.Source.Path, scan.FileName);
        string[] at = ["predict", folder.Path, image, "--at", $"{lesion.X},{lesion.Y},{lesion.Radius}", "--json"];
        var withClass = CliRunner.Run([.. at, "--class", "calc"]);
        var without = CliRunner.Run(at);
        var text = CliRunner.Run(at[..^1]);

        Assert.Equal(0, withClass.ExitCode);
        using var fused = JsonDocument.Parse(withClass.Output);
        Assert.Equal(double.Parse(row[7], System.Globalization.CultureInfo.InvariantCulture), fused.RootElement.GetProperty("fusion").GetProperty("probability").GetDouble(), 6);
        using var plain = JsonDocument.Parse(without.Output);
        Assert.Equal(JsonValueKind.Null, plain.RootElement.GetProperty("fusion").GetProperty("probability").ValueKind);
        Assert.Contains("--class", plain.RootElement.GetProperty("fusion").GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("give the region's class with --class", text.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fusion_on_a_task_with_normal_regions_is_refused_before_anything_is_cut()
    {
        var folder = new RunFolder(Path.Combine(_folder.Path, "fused-3class"));
        var config = new RunConfig { Task = "3class", Protocol = EvaluationProtocol.Cv, Folds = 3, Fusion = FusionKind.Metadata, DataPath = _dataset.Source.Path, Training = new TrainingOptions { MaxEpochs = 1, Threads = 1 } };

        var error = Assert.Throws<InvalidSettingException>(() => new TrainingRun(_dataset, config, folder).Execute());

        Assert.Contains("task '3class' has 3 classes", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Path));
    }

    [Fact]
    public void A_fixed_context_zscore_run_at_another_input_size_trains_predicts_and_maps_at_one_scale()
    {
        var folder = new RunFolder(Path.Combine(_folder.Path, "fixed-z"));
        var config = new RunConfig
        {
            Task = "calc",
            Model = "batchnorm",
            Seed = 2,
            Preprocessing = PatchPipeline.Default with { Crop = PatchPipeline.Context("fixed:40"), Size = 32, Intensity = IntensityScaling.BreastZScore },
            DataPath = _dataset.Source.Path,
            Training = new TrainingOptions { MaxEpochs = 2, MinimumEpoch = 2, WeightDecay = 1e-4, OnTheFlyAugmentation = true, GainJitter = 0.1, Threads = 1 },
        };

        Assert.Equal(RunStatus.Complete, new TrainingRun(_dataset, config, folder).Execute().Status);

        var saved = folder.ReadConfig();
        Assert.Equal((32, IntensityScaling.BreastZScore, 20.0), (saved.PatchSize, saved.Preprocessing.Intensity, saved.Preprocessing.Crop.Fixed));
        Assert.Equal((2, 1e-4, 0.1), (saved.Training.MinimumEpoch, saved.Training.WeightDecay, saved.Training.GainJitter));
        Assert.Equal(2, HistoryFile.Read(folder.File("history.csv")).Count);
        using var model = Mammo.Learning.Inference.TrainedModel.Load(folder);
        var scan = Mammo.Imaging.ScanImageReader.Read(Path.Combine(_dataset.Source.Path, "mdb001.pgm"));
        var map = new Mammo.Learning.Inference.ScanHeatmap(model) { Radii = [6, 12, 24], GridSize = 32, MinimumInside = 0 }.Compute(scan, top: 50);

        // Every region was scored at the one scale of a 40-pixel context, whatever radii were asked for.
        Assert.NotEmpty(map.Top);
        Assert.All(map.Top, r => Assert.Equal(20, r.Radius));
    }

    [Fact]
    public void The_leaky_protocol_says_it_is_leaky_everywhere()
    {
        var folder = Run(EvaluationProtocol.Leaky, "seed", epochs: 1);

        Assert.StartsWith("WARNING: leaky protocol", File.ReadAllText(folder.File("report.txt")), StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(File.ReadAllText(folder.File("metrics.json")));
        Assert.True(metrics.RootElement.GetProperty("leaky").GetBoolean());
        Assert.Contains("inflated", metrics.RootElement.GetProperty("warning").GetString(), StringComparison.Ordinal);
        // Patches, not lesions, are split: one lesion's copies land on both sides.
        var rows = SplitRows(folder);
        var lesionsOnBothSides = rows.GroupBy(r => string.Join('-', r[0].Split('-')[..2])).Count(g => g.Select(r => r[3]).Distinct().Count() == 2);
        Assert.True(lesionsOnBothSides > 0);
    }

    [Fact]
    public void A_task_without_samples_is_a_clear_error_and_leaves_nothing_that_looks_complete()
    {
        var folder = new RunFolder(Path.Combine(_folder.Path, "arch"));
        var config = new RunConfig { Task = "arch", DataPath = _dataset.Source.Path };

        var error = Assert.Throws<MammoDataException>(() => new TrainingRun(_dataset, config, folder).Execute());

        Assert.Contains("task 'arch' has no samples", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(RunStatus.Complete, folder.ReadStatus());
    }

    [Fact]
    public void Evaluate_reads_a_finished_run_and_refuses_an_unfinished_one()
    {
        var folder = Run(EvaluationProtocol.Patient, "done", epochs: 1);
        var ok = CliRunner.Run("evaluate", folder.Path);
        var noTta = CliRunner.Run("evaluate", folder.Path, "--no-tta");
        folder.WriteStatus(RunStatus.Interrupted, "test");
        var unfinished = CliRunner.Run("evaluate", folder.Path);
        var missing = CliRunner.Run("evaluate", Path.Combine(_folder.Path, "nope"));

        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("precision    recall  f1-score   support", ok.Output, StringComparison.Ordinal);
        Assert.Contains("mean over 8 variants (TTA)", ok.Output, StringComparison.Ordinal);
        Assert.Contains("one variant (no TTA)", noTta.Output, StringComparison.Ordinal);
        Assert.Equal(1, unfinished.ExitCode);
        Assert.Contains("the run is interrupted, not complete; continue it with 'mammo train --resume", unfinished.Errors, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no such run folder", missing.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_that_do_not_fit_the_network_are_a_clear_error()
    {
        var folder = Run(EvaluationProtocol.Patient, "mismatch", epochs: 1);
        using (var other = new Mammo.Learning.Networks.BatchNormCnn(2, 0))
        {
            other.save(folder.File(RunFolder.WeightsFile));
        }

        // A resumed or re-predicted run reloads weights.bin: the wrong network's weights must be named, not crash.
        folder.WriteStatus(RunStatus.Interrupted, "test");
        var config = folder.ReadConfig();

        var error = Assert.Throws<MammoDataException>(() => new TrainingRun(_dataset, config, folder).Execute(resume: true));

        Assert.Contains("weights.bin: the weights do not fit network 'keras' for 2 classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_at_a_test_lesion_gives_the_probabilities_the_run_recorded_for_it()
    {
        var folder = Run(EvaluationProtocol.Patient, "predict", epochs: 1);
        var row = File.ReadAllLines(folder.File("predictions.csv"))[1].Split(',');
        var scan = _dataset.FindScan(row[1].Split('-')[0])!;
        var lesion = scan.Lesions[int.Parse(row[1].Split('-')[1], System.Globalization.CultureInfo.InvariantCulture)].Location!.Value;
        var image = Path.Combine(_dataset.Source.Path, scan.FileName);

        var mias = CliRunner.Run("predict", folder.Path, image, "--at", $"{lesion.X},{lesion.Y},{lesion.Radius}", "--json");
        var topLeft = CliRunner.Run("predict", folder.Path, image, "--at", $"{lesion.X},{Size - lesion.Y},{lesion.Radius}", "--origin", "top-left", "--json");
        var outside = CliRunner.Run("predict", folder.Path, image, "--at", "500,20,10");
        var notImage = CliRunner.Run("predict", folder.Path, folder.File("config.json"), "--at", "10,10,5");

        Assert.Equal(0, mias.ExitCode);
        using var json = JsonDocument.Parse(mias.Output);
        var malignant = json.RootElement.GetProperty("probabilities").GetProperty("malignant").GetDouble();
        Assert.Equal(double.Parse(row[7], System.Globalization.CultureInfo.InvariantCulture), malignant, 6);
        Assert.Equal(8, json.RootElement.GetProperty("variants").GetInt32());
        // The same point given from the top: the same region in both conventions, so the very same answer.
        Assert.Equal(lesion.Y, json.RootElement.GetProperty("y").GetDouble());
        Assert.Equal(Size - lesion.Y, json.RootElement.GetProperty("image_row").GetDouble());
        Assert.Equal(mias.Output, topLeft.Output);
        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("does not fit the 128×128 image", outside.Errors, StringComparison.Ordinal);
        Assert.Equal(1, notImage.ExitCode);
        Assert.Contains("cannot be read as an image", notImage.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heat_map_of_an_image_above_the_working_size_is_computed_downsampled_and_reported_in_its_own_pixels()
    {
        var folder = Run(EvaluationProtocol.Patient, "heatmap-large", epochs: 1);
        using var model = Mammo.Learning.Inference.TrainedModel.Load(folder);
        var scan = Mammo.Imaging.ScanImageReader.Read(Path.Combine(_dataset.Source.Path, "mdb001.pgm"));
        var large = new Mammo.Imaging.GrayImage(2 * Size, 2 * Size, new byte[4 * Size * Size]);
        for (var row = 0; row < large.Height; row++)
        {
            for (var column = 0; column < large.Width; column++)
            {
                large.Pixels[(row * large.Width) + column] = scan[row / 2, column / 2];
            }
        }

        var working = Mammo.Imaging.Resampling.Resize(large, Size, Size);

        var expected = new Mammo.Learning.Inference.ScanHeatmap(model) { Radii = [12, 24], GridSize = 32, MinimumInside = 0 }.Compute(working, top: 3);
        var shrunk = new Mammo.Learning.Inference.ScanHeatmap(model) { Radii = [24, 48], GridSize = 32, MinimumInside = 0, WorkingPixels = Size * Size }.Compute(large, top: 3);

        Assert.NotEmpty(shrunk.Top);
        Assert.Equal(expected.Top.Count, shrunk.Top.Count);
        foreach (var (e, s) in expected.Top.Zip(shrunk.Top))
        {
            Assert.Equal(2 * e.Column, s.Column, 9);
            Assert.Equal(2 * e.Row, s.Row, 9);
            Assert.Equal(2 * e.Radius, s.Radius);
            Assert.Equal(large.Height - s.Row, s.Y, 9);
            Assert.Equal(e.Score, s.Score);
        }

        Assert.Equal(4 * expected.BreastArea, shrunk.BreastArea);
    }

    [Fact]
    public void A_heat_map_scores_only_breast_tissue_and_returns_separate_regions_best_first()
    {
        var folder = Run(EvaluationProtocol.Patient, "heatmap", epochs: 1);
        using var model = Mammo.Learning.Inference.TrainedModel.Load(folder);
        var scan = Mammo.Imaging.ScanImageReader.Read(Path.Combine(_dataset.Source.Path, "mdb001.pgm"));
        var mask = Mammo.Imaging.BreastMask.Compute(scan);

        var result = new Mammo.Learning.Inference.ScanHeatmap(model) { Radii = [12, 24], GridSize = 32, MinimumInside = 0 }.Compute(scan, top: 3);

        Assert.NotEmpty(result.Top);
        Assert.True(result.Top.Count <= 3);
        Assert.All(result.Top, r => Assert.True(mask.Contains((int)r.Row, (int)r.Column)));
        Assert.Equal(result.Top.OrderByDescending(r => r.Score).Select(r => r.Score), result.Top.Select(r => r.Score));
        foreach (var a in result.Top)
        {
            foreach (var b in result.Top.Where(b => b != a))
            {
                Assert.True(Math.Sqrt(Math.Pow(a.Column - b.Column, 2) + Math.Pow(a.Row - b.Row, 2)) >= Math.Max(a.Radius, b.Radius));
            }
        }

        for (var r = 0; r < 32; r++)
        {
            for (var c = 0; c < 32; c++)
            {
                var inside = mask.Contains((int)((r + 0.5) * 4), (int)((c + 0.5) * 4));
                Assert.Equal(inside, !double.IsNaN(result.Grid[r, c]));
            }
        }
    }

    [Fact]
    public void A_network_without_a_fully_convolutional_form_is_scored_crop_by_crop_as_the_patch_classifier_scores()
    {
        var folder = new RunFolder(Path.Combine(_folder.Path, "bn"));
        var config = new RunConfig { Task = "calc", Model = "batchnorm", Seed = 1, DataPath = _dataset.Source.Path, Training = new TrainingOptions { MaxEpochs = 1, Threads = 1 } };
        new TrainingRun(_dataset, config, folder).Execute();
        using var model = Mammo.Learning.Inference.TrainedModel.Load(folder);
        var scan = Mammo.Imaging.ScanImageReader.Read(Path.Combine(_dataset.Source.Path, "mdb001.pgm"));

        using var scorer = model.DenseScorer();
        var map = Mammo.Learning.Inference.ScanHeatmap.ScoreMap(scorer, scan, model.Task.PositiveClass, maxPassPixels: 64 * Size);
        var heatmap = new Mammo.Learning.Inference.ScanHeatmap(model) { Radii = [24], GridSize = 32, MinimumInside = 0 }.Compute(scan, top: 3);

        Assert.IsType<Mammo.Learning.Inference.CropByCropScorer>(scorer);
        Assert.Equal((21, 21), (map.GetLength(0), map.GetLength(1)));
        foreach (var (i, j) in new[] { (0, 0), (7, 13), (20, 20) })
        {
            var crop = new byte[48 * 48];
            for (var r = 0; r < 48; r++)
            {
                scan.Pixels.AsSpan(((4 * i) + r) * Size + (4 * j), 48).CopyTo(crop.AsSpan(r * 48));
            }

            Assert.Equal(model.Predict([crop])[0][model.Task.PositiveClass], map[i, j], 1e-6);
        }

        Assert.NotEmpty(heatmap.Top);
    }

    [Fact]
    public void Predict_without_a_region_writes_a_heat_map_overlay_and_lists_regions()
    {
        var folder = Run(EvaluationProtocol.Patient, "overlay", epochs: 1);
        var overlay = _folder.File("mdb001-heatmap.png");

        var result = CliRunner.Run("predict", folder.Path, Path.Combine(_dataset.Source.Path, "mdb001.pgm"), "--radii", "12,24", "--min-inside", "0", "--top", "2", "--out", overlay, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var regions = json.RootElement.GetProperty("regions");
        Assert.InRange(regions.GetArrayLength(), 1, 2);
        Assert.Equal(1, regions[0].GetProperty("rank").GetInt32());
        using var png = SixLabors.ImageSharp.Image.Load(overlay);
        Assert.Equal(1000, png.Width);
    }

    [Fact]
    public void Predict_on_a_folder_writes_the_top_regions_of_every_image_to_one_csv()
    {
        var folder = Run(EvaluationProtocol.Patient, "batch", epochs: 1);
        var csv = _folder.File("regions.csv");

        var result = CliRunner.Run("predict", folder.Path, _dataset.Source.Path, "--radii", "24", "--min-inside", "0", "--top", "2", "--out", csv);
        var misuse = CliRunner.Run("predict", folder.Path, _dataset.Source.Path, "--at", "10,10,5");

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("image,rank,x,y,r,score", lines[0]);
        Assert.Equal(48, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        Assert.All(lines.Skip(1), l => Assert.InRange(int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), 1, 2));
        Assert.Equal(2, misuse.ExitCode);
        Assert.Contains("--at names a region of one image", misuse.Errors, StringComparison.Ordinal);
        Assert.Contains("the heat map's model is a detect run", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Heat_map_regions_lie_mostly_on_breast_tissue()
    {
        var folder = Run(EvaluationProtocol.Patient, "inside", epochs: 1);
        using var model = Mammo.Learning.Inference.TrainedModel.Load(folder);

        // Tissue fills rows and columns 20..107 of a 128×128 film; windows of radius 12 or 24 near its edge straddle the background.
        var scan = Mammo.Imaging.GrayImage.Blank(Size, Size);
        for (var r = 20; r < 108; r++)
        {
            for (var c = 20; c < 108; c++)
            {
                scan.Pixels[(r * Size) + c] = (byte)(100 + ((r * 7 + c * 13) % 50));
            }
        }

        var mask = Mammo.Imaging.BreastMask.Compute(scan);
        var strict = new Mammo.Learning.Inference.ScanHeatmap(model) { Radii = [12, 24] }.Compute(scan, top: 50);
        var loose = new Mammo.Learning.Inference.ScanHeatmap(model) { Radii = [12, 24], MinimumInside = 0 }.Compute(scan, top: 50);

        Assert.NotEmpty(strict.Top);
        Assert.All(strict.Top, r => Assert.True(mask.InsideFraction(r.Row, r.Column, r.Radius) >= 0.9, $"region at ({r.Column}, {r.Row}) r {r.Radius}"));
        Assert.Contains(loose.Top, r => mask.InsideFraction(r.Row, r.Column, r.Radius) < 0.9);
    }
}
