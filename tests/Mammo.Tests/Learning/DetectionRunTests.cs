using Mammo.Baselines;
using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Localisation;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary>
/// A cv detect run on a synthetic MIAS with breasts large enough for the heat map's windows: 16 patients, a
/// breast disc of radius 220 on each 512-px film, a bright 20 px lesion on the odd films at a known place.
/// </summary>
[Collection(TorchGlobalState.Name)]
public sealed class DetectionRunTests : IDisposable
{
    private const int Size = 512;
    private readonly TempFolder _folder = new();
    private readonly Dataset _dataset;

    public DetectionRunTests()
    {
        var data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(data);
        var rows = Enumerable.Range(1, 32).Select(n => n % 2 == 1
            ? $"mdb{n:000} F CIRC {(n % 4 == 1 ? "B" : "M")} {180 + (n * 5)} {220 + (n * 3)} 20"
            : $"mdb{n:000} F NORM").ToList();
        File.WriteAllText(Path.Combine(data, "Info.txt"), SyntheticMias.Header + string.Join("\n", rows) + SyntheticMias.Footer);
        foreach (var n in Enumerable.Range(1, 32))
        {
            var image = Pgm.WithDisc(Size, Size, 256, 256, 220, value: 90, background: 0);
            if (n % 2 == 1)
            {
                var lesion = Pgm.WithDisc(Size, Size, 180 + (n * 5), Size - (220 + (n * 3)), 20, value: 230, background: 0);
                for (var i = 0; i < image.Pixels.Length; i++)
                {
                    image.Pixels[i] = Math.Max(image.Pixels[i], lesion.Pixels[i]);
                }
            }

            File.WriteAllBytes(Path.Combine(data, $"mdb{n:000}.pgm"), Pgm.Encode(image));
        }

        _dataset = MiasDataset.Load(DatasetSource.Open(data), new DatasetLoadOptions(Strict: true, ImageSize: Size));
    }

    public void Dispose() => _folder.Dispose();

    private RunFolder Train(int hardNegatives = 0)
    {
        var folder = new RunFolder(Path.Combine(_folder.Path, $"detect-cv-h{hardNegatives}"));
        var config = new RunConfig
        {
            Task = "detect",
            Protocol = EvaluationProtocol.Cv,
            Balancing = Balancing.Weights,
            Folds = 3,
            Seed = 4,
            TissuePerScan = 2,
            HardNegatives = hardNegatives,
            DataPath = _dataset.Source.Path,
            Training = new TrainingOptions { MaxEpochs = 1, Threads = 1 },
        };
        Assert.Equal(RunStatus.Complete, new TrainingRun(_dataset, config, folder).Execute().Status);
        return folder;
    }

    [Fact]
    public void A_cv_detect_run_scores_each_scan_with_the_fold_model_that_never_saw_its_patient()
    {
        var folder = Train();
        var rows = SplitManifest.Read(File.ReadAllText(folder.File(SplitManifest.FileName)), "split.csv");

        // 16 lesions and 2 tissue regions on each of the 32 films, each patient's rows tested in one fold only.
        var distinct = rows.Select(r => r.SampleId).Distinct().ToList();
        Assert.Equal(16 + 64, distinct.Count);
        Assert.Equal(64, distinct.Count(id => id.Contains("-t", StringComparison.Ordinal)));
        Assert.Contains("mdb001-t0", distinct);
        var testFold = rows.Where(r => r.Split == DataSplit.Test).GroupBy(r => r.Patient).ToDictionary(g => g.Key, g => Assert.Single(g.Select(r => r.Fold).Distinct()));
        Assert.Equal(16, testFold.Count);

        var study = new LocalisationStudy(folder, _dataset) { RegionsPerScan = 3, RandomRepeats = 2 };
        var held = study.HeldOutScans();
        var result = study.Run();

        Assert.Equal(_dataset.Scans.Where(s => !s.IsNormal).Select(s => s.Id), held.Select(h => h.Scan.Id));
        Assert.All(held, h =>
        {
            Assert.Equal(testFold[h.Scan.Patient], h.Fold);
            Assert.All(rows.Where(r => r.Fold == h.Fold && r.Patient == h.Scan.Patient), r => Assert.Equal(DataSplit.Test, r.Split));
        });

        // Each scan's regions are exactly its own fold model's heat map; another fold's model maps the scans otherwise.
        var differs = 0;
        foreach (var (scan, fold) in held)
        {
            var image = _dataset.Source.Decode(_dataset.Source.ReadScanFiles(new HashSet<string> { scan.FileName }).Single());
            using var own = TrainedModel.LoadFold(folder, fold!.Value);
            using var other = TrainedModel.LoadFold(folder, (fold.Value + 1) % 3);
            var expected = new ScanHeatmap(own).Compute(image, 3).Top;
            Assert.Equal(expected, result.Cases.Single(c => c.ScanId == scan.Id).Regions);
            differs += new ScanHeatmap(other).Compute(image, 3).Top.SequenceEqual(expected) ? 0 : 1;
        }

        Assert.True(differs > 0);
    }

    [Fact]
    public void The_feature_detector_is_fitted_on_each_folds_own_training_and_validation_samples_and_finds_the_bright_lesions()
    {
        var folder = Train();
        var config = folder.ReadConfig();
        var split = SplitManifest.Read(File.ReadAllText(folder.File(SplitManifest.FileName)), "split.csv");
        var study = new LocalisationStudy(folder, _dataset) { RegionsPerScan = 3, RandomRepeats = 2, Detector = DetectorKind.Features, Threads = 1, Bilateral = true };
        var result = study.Run();

        Assert.Equal(DetectorKind.Features, result.Detector);
        Assert.NotNull(result.FeatureAuc);
        Assert.True(result.FeatureAuc.Estimate > 0.95, $"held-out AUC {result.FeatureAuc.Estimate}");
        Assert.True(result.HitRate(1).Rate > result.RandomHitRate(1).Rate + 0.3, $"top 1 {result.HitRate(1).Rate} against random {result.RandomHitRate(1).Rate}");

        // Each scan's regions are those of a detector fitted on the scans of its fold's training and validation patients
        // (split.csv's rows), and never on a test patient's; the combined detector is the mean log-odds of that detector and the fold's network.
        var samples = RunSplit.Plan(_dataset, config).Samples.ToDictionary(s => s.Id);
        foreach (var (scan, fold) in study.HeldOutScans().Take(4))
        {
            var fit = split.Where(r => r.Fold == fold && r.Split != DataSplit.Test).Select(r => samples[r.SampleId]).ToList();
            Assert.DoesNotContain(fit, s => s.Patient == scan.Patient);
            var detector = FeatureDetector.FitRanking(_dataset, config, [fit], threads: 1).Detectors[0];
            var image = _dataset.Source.Decode(_dataset.Source.ReadScanFiles(new HashSet<string> { scan.FileName }).Single());
            using var features = new CropByCropScorer(detector, config.PatchSize);
            Assert.Equal(new ScanHeatmap(features, 1).Compute(image, 3).Top, result.Cases.Single(c => c.ScanId == scan.Id).Regions);

            // Against the other breast: the patient's normal film (mdb002 for mdb001), mapped by the same fold's detector.
            var partner = _dataset.Scans.Single(s => s.Patient == scan.Patient && s.Id != scan.Id);
            var partnerImage = _dataset.Source.Decode(_dataset.Source.ReadScanFiles(new HashSet<string> { partner.FileName }).Single());
            var (own, other) = (new ScanHeatmap(features, 1).Compute(image, 9), new ScanHeatmap(features, 1).Compute(partnerImage, 9));
            var mapping = new ContralateralMapping(BreastBounds.Of(BreastMask.Compute(image))!, BreastBounds.Of(BreastMask.Compute(partnerImage))!);
            var expected = new ContralateralScores().Rescore(own.Top, 3, other, partnerImage.Height, partnerImage.Width, mapping);
            Assert.Equal(expected, result.BilateralCases.Single(c => c.ScanId == scan.Id).Regions);
        }

        Assert.Equal(result.Cases.Select(c => (c.ScanId, c.Lesions.Count)), result.BilateralCases.Select(c => (c.ScanId, c.Lesions.Count)));
    }

    [Fact]
    public void A_detect_run_stores_each_folds_feature_detector_and_localise_and_predict_score_with_it()
    {
        var folder = Train();
        var config = folder.ReadConfig();
        var split = SplitManifest.Read(File.ReadAllText(folder.File(SplitManifest.FileName)), "split.csv");
        var units = RunSplit.Plan(_dataset, config).Units;

        // One fit per fold, each the ranking detector fitted on the scans of that fold's training and validation patients (split.csv's rows).
        var stored = FeatureDetectorFile.Read(folder, config);
        Assert.NotNull(stored);
        Assert.Equal([0, 1, 2], stored.Select(m => m.Fold));
        foreach (var model in stored)
        {
            var unit = units.Single(u => u.Fold == model.Fold);
            List<Sample> fit = [.. unit.Train, .. unit.Validation];
            Assert.Equal(split.Where(r => r.Fold == model.Fold && r.Split != DataSplit.Test).Select(r => r.SampleId).Order(), fit.Select(s => s.Id).Order());
            // libtorch's L-BFGS sums in an order that depends on its thread count (training ran on one): equal to 1e-9.
            var expected = FeatureDetector.FitRanking(_dataset, config, [fit], threads: 1).Detectors[0].ToModel(model.Fold);
            Assert.Equal((expected.Side, expected.PositiveClass, FeatureDetectorObjective.Ranking), (model.Side, model.PositiveClass, model.Objective));
            Assert.Equal(expected.Model.Intercept, model.Model.Intercept, 1e-9);
            Assert.All(expected.Model.Weights.Zip(model.Model.Weights), w => Assert.Equal(w.First, w.Second, 1e-9));
            Assert.Equal(expected.Model.Scaler!.Means, model.Model.Scaler!.Means);
        }

        // localise scores with the stored fits: the same regions and held-out AUC as fitting them again (a run without the file).
        var study = new LocalisationStudy(folder, _dataset) { RegionsPerScan = 3, RandomRepeats = 1, Detector = DetectorKind.Combined, Threads = 1 };
        var withStored = study.Run();
        var standing = HeldOutPerformance.Read(folder);
        Assert.True(withStored.FeaturesStored);
        Assert.Equal((withStored.FeatureAuc!.Estimate, withStored.FeatureAuc.Lower, withStored.FeatureAuc.Upper), (standing.FeatureDetectorAuc!.Value, standing.FeatureDetectorLower!.Value, standing.FeatureDetectorUpper!.Value));
        Assert.Contains($"{TrainingRun.FeatureDetectorName}    ", File.ReadAllText(folder.File(RunFolder.ReportFile)), StringComparison.Ordinal);
        var (scan, fold) = study.HeldOutScans()[0];
        var image = _dataset.Source.Decode(_dataset.Source.ReadScanFiles(new HashSet<string> { scan.FileName }).Single());
        var file = folder.File(RunFolder.FeatureDetectorFile);
        var text = File.ReadAllText(file);
        File.Delete(file);
        var refitted = study.Run();
        Assert.False(refitted.FeaturesStored);
        Assert.Equal((FeatureDetectorObjective.Ranking, FeatureDetectorObjective.Ranking), (withStored.FeatureObjective, refitted.FeatureObjective));
        Assert.Equal(DetectorKind.Network, new LocalisationStudy(folder, _dataset) { RegionsPerScan = 3, RandomRepeats = 1, Detector = DetectorKind.Auto }.Run().Detector);
        Assert.Equal(refitted.Cases.Select(c => (c.ScanId, c.Regions.Count)), withStored.Cases.Select(c => (c.ScanId, c.Regions.Count)));
        Assert.All(refitted.Cases.Zip(withStored.Cases).SelectMany(c => c.First.Regions.Zip(c.Second.Regions)), r =>
        {
            Assert.Equal((r.First.Column, r.First.Row, r.First.Radius), (r.Second.Column, r.Second.Row, r.Second.Radius));
            Assert.Equal(r.First.Score, r.Second.Score, 1e-9);
        });

        // mammo predict --detector on a held-out scan: its fold's fit alone, beside its fold's network.
        File.WriteAllText(file, text);
        var scanFile = Path.Combine(_folder.Path, scan.FileName);
        File.WriteAllBytes(scanFile, _dataset.Source.ReadScanFile(scan.FileName).Content);
        static List<(double, double, double, double)> Regions(string json)
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return [.. document.RootElement.GetProperty("regions").EnumerateArray().Select(r => (r.GetProperty("x").GetDouble(), r.GetProperty("y").GetDouble(), r.GetProperty("radius").GetDouble(), r.GetProperty("score").GetDouble()))];
        }

        var detector = FeatureDetectorFile.For(folder, config, fold, threads: 1)!;
        using var network = TrainedModel.LoadFold(folder, fold!.Value);
        using var combined = new LogOddsMeanScorer(network.DenseScorer(), new CropByCropScorer(detector, config.PatchSize));
        using var features = new CropByCropScorer(detector, config.PatchSize);
        // Without --detector (auto) a run that stores its feature detector maps with the combination.
        foreach (var (kind, scorer) in new[] { ("combined", (IDenseScorer)combined), ("features", features), ("auto", combined) })
        {
            string[] chosen = kind == "auto" ? [] : ["--detector", kind];
            var cli = CliRunner.Run(["predict", folder.Path, scanFile, .. chosen, "--engine", "torch", "--top", "3", "--json", "--out", Path.Combine(_folder.Path, $"{kind}.png")]);
            Assert.True(cli.ExitCode == 0, cli.Errors);
            var expected = new ScanHeatmap(scorer, 1).Compute(image, 3).Top;
            Assert.Equal(expected.Select(t => (t.Column, t.Y, t.Radius, t.Score)), Regions(cli.Output));
            Assert.Contains(kind == "features" ? "\"detector\": \"features\"" : "\"detector\": \"combined\"", cli.Output, StringComparison.Ordinal);
        }

        // A fit that does not match the run is one line naming the file, not a heat map of wrong features.
        File.WriteAllText(file, text.Replace($"\"side\": {config.PatchSize}", "\"side\": 7", StringComparison.Ordinal));
        var error = Assert.Throws<MammoDataException>(() => FeatureDetectorFile.Read(folder, config));
        Assert.Equal($"{file}: fit 0 has window side 7, the run's patches {config.PatchSize}", error.Message);
        var refused = CliRunner.Run("predict", folder.Path, scanFile, "--detector", "features", "--out", Path.Combine(_folder.Path, "x.png"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("fit 0 has window side 7", refused.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "x.png")));

        // So is an objective this Mammo does not know; a file without one (an earlier Mammo's) holds region fits.
        File.WriteAllText(file, text.Replace("\"objective\": \"ranking\"", "\"objective\": \"boosted\"", StringComparison.Ordinal));
        Assert.StartsWith($"{file}:", Assert.Throws<MammoDataException>(() => FeatureDetectorFile.Read(folder, config)).Message, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(",\n    \"objective\": \"ranking\"", string.Empty, StringComparison.Ordinal));
        Assert.All(FeatureDetectorFile.Read(folder, config)!, m => Assert.Equal(FeatureDetectorObjective.Regions, m.Objective));
    }

    [Fact]
    public void The_ranking_detector_is_fitted_on_the_heat_maps_own_windows_and_ranks_a_held_out_lesion_first()
    {
        var folder = Train();
        var config = folder.ReadConfig();
        var units = RunSplit.Plan(_dataset, config).Units;
        var fitted = FeatureDetectorFile.Read(folder, config)!;
        var scans = _dataset.Scans.Where(s => s.Lesions.Count > 0).ToList();
        var ranking = FeatureDetector.RankingScans(_dataset, config, scans, threads: 1);
        Assert.Equal(scans.Select(s => s.Id), ranking.Select(r => r.ScanId));
        var firsts = 0;
        foreach (var (scan, ranked) in scans.Zip(ranking))
        {
            var image = _dataset.Source.Decode(_dataset.Source.ReadScanFiles(new HashSet<string> { scan.FileName }).Single());
            var windows = HeatmapWindows.Of(image, config.Preprocessing, ScanHeatmap.DefaultRadii, config.PatchSize);
            var lesion = scan.Lesions.Single().Location!.Value;

            // The windows are the heat map's own candidates: scored by a fold's fit, their best and their median are the map's.
            var unit = units.Single(u => u.Test.Any(t => t.Patient == scan.Patient));
            var detector = FeatureDetector.Of([.. fitted.Where(m => m.Fold == unit.Fold)], ["tissue", "lesion"], threads: 1);
            using var scorer = new CropByCropScorer(detector, config.PatchSize);
            var map = new ScanHeatmap(scorer, 1).Compute(image, 1);
            var scores = detector.Predict([.. windows.Select(w => w.Pixels)]).Select(p => (double)(float)p[1]).ToArray();
            var best = Array.IndexOf(scores, scores.Max());
            Assert.Equal((map.Top[0].Column, map.Top[0].Row, map.Top[0].Radius, map.Top[0].Score), (windows[best].Region.Column, windows[best].Region.Row, windows[best].Region.Radius, scores[best]));
            var ordered = scores.Order().ToArray();
            Assert.Equal(map.TissueMedian, ordered.Length % 2 == 1 ? ordered[ordered.Length / 2] : (ordered[(ordered.Length / 2) - 1] + ordered[ordered.Length / 2]) / 2);

            // A window holds the lesion exactly when its circle holds the lesion's centre; on these films some always do.
            Assert.Equal(windows.Count, ranked.Features.Count);
            Assert.Equal(windows.Select(w => Math.Pow(w.Region.Column - lesion.X, 2) + Math.Pow(w.Region.Y - lesion.Y, 2) <= w.Region.Radius * w.Region.Radius), ranked.HoldsLesion);
            Assert.Contains(true, ranked.HoldsLesion);
            Assert.All(windows.Zip(ranked.Features), w => Assert.Equal(WindowFeatures.Compute(w.First.Pixels, config.PatchSize), w.Second));
            firsts += ranked.HoldsLesion[best] ? 1 : 0;
        }

        // Every held-out bright lesion is its fold's top window.
        Assert.Equal(scans.Count, firsts);
    }

    [Fact]
    public void A_unit_whose_lesions_no_window_can_hold_is_one_line_not_a_fit()
    {
        // Lesions marked on the background, outside every breast: no window of the heat map is centred near them.
        var data = Path.Combine(_folder.Path, "edge");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "Info.txt"), SyntheticMias.Header + "mdb001 F CIRC B 10 10 8\nmdb002 F NORM" + SyntheticMias.Footer);
        foreach (var n in new[] { 1, 2 })
        {
            File.WriteAllBytes(Path.Combine(data, $"mdb{n:000}.pgm"), Pgm.Encode(Pgm.WithDisc(Size, Size, 256, 256, 220, value: 90, background: 0)));
        }

        var dataset = MiasDataset.Load(DatasetSource.Open(data), new DatasetLoadOptions(Strict: true, ImageSize: Size));
        var config = new RunConfig { Task = "detect", DataPath = data };
        List<Sample> samples = [.. dataset.Scans.Select(scan => new Sample(new PatchOrigin(scan, scan.Lesions.Count > 0 ? scan.Lesions[0] : null, 256, 256, 48), 0))];
        var error = Assert.Throws<MammoDataException>(() => FeatureDetector.FitRanking(dataset, config, [samples], threads: 1));
        Assert.Equal($"{data}: unit 0 (counted from 0) of the run's split has no training scan with a heat-map window holding a lesion's centre (1 scans with a located lesion); the ranking detector cannot be fitted", error.Message);
    }

    [Fact]
    public void The_combined_detector_is_the_mean_log_odds_of_the_network_and_the_features_and_a_changed_split_is_refused()
    {
        var folder = Train();
        var config = folder.ReadConfig();
        var study = new LocalisationStudy(folder, _dataset) { RegionsPerScan = 3, RandomRepeats = 1, Detector = DetectorKind.Combined, Threads = 1 };
        var result = study.Run();

        var (scan, fold) = study.HeldOutScans()[0];
        var unit = RunSplit.Plan(_dataset, config).Units.Single(u => u.Fold == fold);
        List<Sample> fit = [.. unit.Train, .. unit.Validation];
        var detector = FeatureDetector.FitRanking(_dataset, config, [fit], threads: 1).Detectors[0];
        using var network = TrainedModel.LoadFold(folder, fold!.Value);
        using var combined = new LogOddsMeanScorer(network.DenseScorer(), new CropByCropScorer(detector, config.PatchSize));
        var image = _dataset.Source.Decode(_dataset.Source.ReadScanFiles(new HashSet<string> { scan.FileName }).Single());
        Assert.Equal(new ScanHeatmap(combined, 1).Compute(image, 3).Top, result.Cases.Single(c => c.ScanId == scan.Id).Regions);

        // A split.csv whose test rows are not those the config plans would let the features see test patients: refused.
        var file = folder.File(SplitManifest.FileName);
        var lines = File.ReadAllLines(file);
        var test = Array.FindIndex(lines, l => l.Contains(",test,", StringComparison.Ordinal));
        var train = Array.FindIndex(lines, l => l.Contains(",train,", StringComparison.Ordinal) && l.EndsWith(lines[test][^2..], StringComparison.Ordinal));
        (lines[test], lines[train]) = (lines[test].Replace(",test,", ",train,", StringComparison.Ordinal), lines[train].Replace(",train,", ",test,", StringComparison.Ordinal));
        File.WriteAllLines(file, lines);
        var error = Assert.Throws<MammoDataException>(() => study.Run());
        Assert.Contains("are not those its config plans", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predicting_at_a_lesion_cuts_it_at_the_window_radius_and_reproduces_the_recorded_probability()
    {
        var folder = Train();
        var recorded = PredictionTable.Read(File.ReadAllText(folder.File(RunFolder.PredictionsFile)), ClassificationTask.Detect.ClassNames, "predictions.csv").Single(p => p.SampleId == "mdb005-0");
        var image = _dataset.Source.Decode(_dataset.Source.ReadScanFiles(new HashSet<string> { "mdb005.pgm" }).Single());
        using var model = TrainedModel.LoadFold(folder, recorded.Fold!.Value);

        // mdb005's lesion: x 205, y 235, radius 20, cut at 48 (the window radius nearest 20).
        var prediction = new RegionClassifier(model).Classify(image, 205, 235, 20);

        Assert.Equal(48, prediction.Radius);
        Assert.Equal(recorded.Probabilities[1], prediction.Probabilities[1], 5);
    }

    [Fact]
    public void Hard_negatives_come_from_each_folds_training_patients_clear_of_every_lesion_and_inside_the_breast()
    {
        var folder = Train(hardNegatives: 2);
        var split = SplitManifest.Read(File.ReadAllText(folder.File(SplitManifest.FileName)), "split.csv");
        var rows = File.ReadAllLines(folder.File(RunFolder.HardNegativesFile));

        Assert.Equal("fold,sample_id,patient,x,y,radius,first_round_score", rows[0]);
        var mined = rows.Skip(1).Select(r => r.Split(',')).ToList();
        var c = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var fold in Enumerable.Range(0, 3))
        {
            // Every scan of the fold's training patients gives its 2 regions; nothing comes from its validation or test patients.
            var training = split.Where(r => r.Fold == fold && r.Split == DataSplit.Train).Select(r => r.Patient.ToString()).ToHashSet();
            var ofFold = mined.Where(m => m[0] == fold.ToString(c)).ToList();
            Assert.Equal(training.Count * 2 * 2, ofFold.Count);
            Assert.All(ofFold, m => Assert.Contains(m[2], training));
            Assert.True(File.Exists(Path.Combine(folder.Path, "round-1", $"fold-{fold}", RunFolder.WeightsFile)));
        }

        foreach (var m in mined)
        {
            var scan = _dataset.Scans.Single(s => m[1].StartsWith(s.Id + "-t1", StringComparison.Ordinal));
            var (x, y, radius) = (double.Parse(m[3], c), double.Parse(m[4], c), double.Parse(m[5], c));
            Assert.Contains(radius, RunPlan.DetectionRadii);
            Assert.All(scan.Lesions, l => Assert.False(TissueNegativeSampler.Overlaps(x, y, radius, l.Location!.Value)));

            // The synthetic breast is a disc of radius 220 about (256, 256): a region 90% on tissue has its centre well inside.
            Assert.True(Math.Sqrt(Math.Pow(x - 256, 2) + Math.Pow(PatchGeometry.ImageRow(y, Size) - 256, 2)) < 220);
        }

        // The mined regions trained the second round: its models differ from the first round's.
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(folder.Path, "round-1", "fold-0", RunFolder.WeightsFile)), File.ReadAllBytes(folder.Weights(0)));
    }
}
