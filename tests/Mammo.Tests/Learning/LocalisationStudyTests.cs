using System.Text.Json;
using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary>The localisation study on a small synthetic MIAS: 24 patients, one calcification per film.</summary>
[Collection(TorchGlobalState.Name)]
public sealed class LocalisationStudyTests : IDisposable
{
    private const int Size = 128;
    private readonly TempFolder _folder = new();
    private readonly Dataset _dataset;

    public LocalisationStudyTests()
    {
        _dataset = SyntheticMias.Calcifications(_folder.Path, Size);
    }

    public void Dispose() => _folder.Dispose();

    private RunFolder Run(EvaluationProtocol protocol, string name)
    {
        var folder = new RunFolder(Path.Combine(_folder.Path, name));
        var config = new RunConfig
        {
            Task = "calc",
            Protocol = protocol,
            Folds = 3,
            Seed = 2,
            DataPath = _dataset.Source.Path,
            Training = new TrainingOptions { MaxEpochs = 1, Threads = 1 },
        };
        Assert.Equal(RunStatus.Complete, new TrainingRun(_dataset, config, folder).Execute().Status);
        return folder;
    }

    private LocalisationStudy Study(RunFolder folder, int seed = 0) =>
        new(folder, _dataset) { Radii = [12, 24], RegionsPerScan = 5, RandomRepeats = 3, Seed = seed, MinimumInside = 0 };

    // (The synthetic breast is the lesion's disc alone, smaller than a window: no window would be 90% inside it.)

    private static IReadOnlyList<SplitRow> Split(RunFolder folder) =>
        SplitManifest.Read(File.ReadAllText(folder.File(SplitManifest.FileName)), "split.csv");

    [Fact]
    public void A_patient_run_maps_exactly_the_test_patients_scans()
    {
        var folder = Run(EvaluationProtocol.Patient, "patient");
        var testPatients = Split(folder).Where(r => r.Split == DataSplit.Test).Select(r => r.Patient).ToHashSet();
        var expected = _dataset.Scans.Where(s => testPatients.Contains(s.Patient)).Select(s => s.Id).Order(StringComparer.Ordinal);

        var result = Study(folder).Run();

        Assert.Equal(expected, result.Cases.Select(c => c.ScanId));
        Assert.All(result.Cases, c => Assert.Equal(_dataset.FindScan(c.ScanId)!.Lesions.Select(l => l.Location!.Value), c.Lesions));
        Assert.All(result.Cases, c => Assert.InRange(c.Regions.Count, 1, 5));
        Assert.Equal(3 * result.Cases.Count, result.RandomCases.Count);

        // The synthetic breast is the lesion's disc alone, so one random region fills it.
        Assert.All(result.RandomCases, c => Assert.Single(c.Regions));
        Assert.Equal(result.Cases.Count, result.Froc().Images);
    }

    [Fact]
    public void Cross_validation_maps_every_scan_once_with_the_fold_model_that_held_it_out()
    {
        var folder = Run(EvaluationProtocol.Cv, "cv");
        var testFold = Split(folder).Where(r => r.Split == DataSplit.Test).GroupBy(r => r.Patient).ToDictionary(g => g.Key, g => Assert.Single(g.Select(r => r.Fold).Distinct()));
        var study = Study(folder);

        var held = study.HeldOutScans();
        var result = study.Run();

        Assert.Equal(48, held.Count);
        Assert.All(held, h => Assert.Equal(testFold[h.Scan.Patient], h.Fold));
        Assert.Equal(_dataset.Scans.Select(s => s.Id), result.Cases.Select(c => c.ScanId));
    }

    [Fact]
    public void The_same_seed_gives_the_same_study_and_a_leaky_protocol_run_is_refused()
    {
        var folder = Run(EvaluationProtocol.Patient, "repeat");
        var leaky = Run(EvaluationProtocol.Leaky, "seed");

        var first = Study(folder, seed: 5).Run();
        var again = Study(folder, seed: 5).Run();
        var error = Assert.Throws<MammoDataException>(() => Study(leaky).Run());

        Assert.Equal(first.Cases, again.Cases, (a, b) => a.ScanId == b.ScanId && a.Regions.SequenceEqual(b.Regions));
        Assert.Equal(first.RandomCases, again.RandomCases, (a, b) => a.ScanId == b.ScanId && a.Regions.SequenceEqual(b.Regions));
        Assert.Contains("split augmented patches, not patients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bilateral_study_writes_its_rates_and_curve_beside_the_plain_ones()
    {
        var folder = Run(EvaluationProtocol.Patient, "bilateral");
        var plain = Study(folder).Run();
        var result = new LocalisationStudy(folder, _dataset) { Radii = [12, 24], RegionsPerScan = 5, RandomRepeats = 3, MinimumInside = 0, Bilateral = true }.Run();
        var output = _folder.File("localisation-bilateral");

        LocalisationFiles.Write(output, false, folder, result, "FROC");

        // The plain cases are unchanged; the bilateral ones are the same scans, their regions drawn from the same heat maps.
        Assert.Equal(plain.Cases.Select(c => (c.ScanId, c.Regions.ToList())), result.Cases.Select(c => (c.ScanId, c.Regions.ToList())));
        Assert.Equal(result.Cases.Select(c => c.ScanId), result.BilateralCases.Select(c => c.ScanId));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "localisation.json")));
        var found = result.BilateralCases.Sum(c => c.Lesions.Count(l => c.Regions.Count > 0 && c.Regions[0].Contains(l)));
        Assert.Equal((double)found / result.BilateralCases.Sum(c => c.Lesions.Count), json.RootElement.GetProperty("hit_rates")[0].GetProperty("bilateral_rate").GetDouble(), 12);
        var froc = File.ReadAllLines(Path.Combine(output, "froc.csv"));
        Assert.Equal(result.BilateralFroc().Points.Count, froc.Count(l => l.StartsWith("bilateral,", StringComparison.Ordinal)));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("feature_auc").ValueKind);
        Assert.Equal("network", json.RootElement.GetProperty("detector").GetString());
    }

    [Fact]
    public void The_written_study_holds_the_summary_both_curves_every_region_and_a_plot()
    {
        var folder = Run(EvaluationProtocol.Patient, "files");
        var result = Study(folder).Run();
        var output = _folder.File("localisation");

        LocalisationFiles.Write(output, false, folder, result, "FROC");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "localisation.json")));
        Assert.Equal(result.Cases.Count, json.RootElement.GetProperty("scans").GetInt32());
        // The top-1 hit rate by its definition, from the cases themselves: lesions whose centre the best region holds.
        var found = result.Cases.Sum(c => c.Lesions.Count(l => c.Regions.Count > 0 && c.Regions[0].Contains(l)));
        var lesions = result.Cases.Sum(c => c.Lesions.Count);
        Assert.True(lesions > 0);
        Assert.Equal((double)found / lesions, json.RootElement.GetProperty("hit_rates")[0].GetProperty("rate").GetDouble(), 12);
        var froc = File.ReadAllLines(Path.Combine(output, "froc.csv"));
        Assert.Equal(result.Froc().Points.Count + result.RandomFroc().Points.Count + result.ScanRelativeFroc().Points.Count, froc.Length - 1);
        var regions = File.ReadAllLines(Path.Combine(output, "regions.csv"));
        Assert.Equal(result.Cases.Sum(c => c.Regions.Count), regions.Length - 1);
        Assert.Equal(result.Cases.Sum(c => c.Regions.Take(1).Sum(r => c.Lesions.Count(r.Contains))), regions.Skip(1).Where(l => l.Split(',')[1] == "1").Sum(l => int.Parse(l.Split(',')[6], System.Globalization.CultureInfo.InvariantCulture)));
        using var png = SixLabors.ImageSharp.Image.Load(Path.Combine(output, "froc.png"));
        Assert.Equal((800, 560), (png.Width, png.Height));
    }

    [Fact]
    public void Localise_on_a_seed_protocol_run_is_a_clear_error()
    {
        var leaky = Run(EvaluationProtocol.Leaky, "seed-cli");

        var result = CliRunner.Run("localise", leaky.Path, "--data", _dataset.Source.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("localise a patient or cv run", result.Errors, StringComparison.Ordinal);
    }
}
