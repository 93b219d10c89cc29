using System.Globalization;
using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Reporting.Experiments;
using Mammo.Reporting.Figures;
using Mammo.Runs;
using Mammo.Tests.Learning;
using Mammo.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Tests.Cli;

/// <summary>
/// A tiny experiment end to end through the command line: 20 synthetic patients (full-size 1024×1024 films with a
/// bright calcification disc, plus normal films), the calcification group under both protocols, one epoch.
/// </summary>
[Collection(TorchGlobalState.Name)]
public sealed class ExperimentReportTests : IClassFixture<ExperimentReportTests.TinyExperiment>
{
    private readonly TinyExperiment _experiment;

    public ExperimentReportTests(TinyExperiment experiment) => _experiment = experiment;

    private static readonly string[] s_cellFigures = ["curves", "confusion", "roc", "errors", "calibration"];

    private static readonly string[] s_cells = ["calc-leaky-class", "calc-cv-class"];

    [Fact]
    public void The_experiment_completes_both_cells_and_draws_every_figure()
    {
        Assert.Equal(0, _experiment.First.ExitCode);
        var summary = File.ReadAllLines(Path.Combine(_experiment.Folder, "summary.csv"));
        Assert.Equal(["complete", "complete"], summary.Skip(1).Select(l => l.Split(',')[5]));
        var plots = Path.Combine(_experiment.Folder, "plots");
        var expected = new List<string> { "severity-by-class.png", "balancing.png", "results.png", "leaky-vs-cv.png", "baselines.png" };
        expected.AddRange(from cell in s_cells from kind in s_cellFigures select $"{cell}-{kind}.png");
        var files = Directory.GetFiles(plots).Where(f => Path.GetFileName(f) != Mammo.Storage.OutputMarker.FileName).Select(Path.GetFileName).ToList();
        Assert.All(expected, e => Assert.Contains(e, files));
        Assert.Contains(files, f => f!.StartsWith("calc-cv-class-scan-mdb", StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(plots).Where(f => Path.GetFileName(f) != Mammo.Storage.OutputMarker.FileName))
        {
            using var png = Image.Load<Rgba32>(file);
            Assert.True(PngProbe.DistinctColours(png) > 20, $"{Path.GetFileName(file)} looks blank");
        }
    }

    [Fact]
    public void The_report_has_every_section_embeds_every_plot_and_fetches_nothing()
    {
        Assert.Equal(0, _experiment.Report.ExitCode);
        var html = File.ReadAllText(_experiment.Html);
        foreach (var (id, heading) in ExperimentReport.Sections)
        {
            Assert.Contains($"<h2 id=\"{id}\">{heading}</h2>", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"#{id}\">", html, StringComparison.Ordinal);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(_experiment.Folder, "plots")).Where(f => Path.GetFileName(f) != Mammo.Storage.OutputMarker.FileName))
        {
            Assert.Contains(Convert.ToBase64String(File.ReadAllBytes(file)), html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h3 id=\"cell-calc-leaky-class\">calc · leaky · class <span class=\"tag\">leaky</span></h3>", html, StringComparison.Ordinal);
        Assert.Contains(RunMetrics.LeakyWarning, html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_opens_with_the_honest_cell_beside_the_baselines_it_recorded()
    {
        var html = File.ReadAllText(_experiment.Html);
        var metrics = Path.Combine(_experiment.Folder, "cells", "calc-cv-class", "metrics.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(metrics));
        var metadata = document.RootElement.GetProperty("baselines").GetProperty("metadata").GetProperty("auc").GetDouble();

        var section = html[html.IndexOf("<h2 id=\"baselines\">", StringComparison.Ordinal)..html.IndexOf("<h2 id=\"dataset\">", StringComparison.Ordinal)];

        Assert.True(html.IndexOf("<h2 id=\"baselines\">", StringComparison.Ordinal) < html.IndexOf("<h2 id=\"results\">", StringComparison.Ordinal));
        Assert.Contains("<a href=\"#cell-calc-cv-class\">", section, StringComparison.Ordinal);
        Assert.DoesNotContain("calc-leaky-class", section, StringComparison.Ordinal);
        Assert.Contains(metadata.ToString("0.000", CultureInfo.InvariantCulture), section, StringComparison.Ordinal);
        Assert.Contains("than chance", section, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(File.ReadAllBytes(Path.Combine(_experiment.Folder, "plots", "baselines.png"))), section, StringComparison.Ordinal);
    }

    [Fact]
    public void Gallery_captions_name_the_true_and_predicted_labels_of_the_predictions_file()
    {
        var file = Path.Combine(_experiment.Folder, "cells", "calc-cv-class", "predictions.csv");
        var rows = File.ReadAllLines(file).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => (True: f[4], Predicted: f[5], Malignant: double.Parse(f[7], CultureInfo.InvariantCulture)));
        string[] classes = ["benign", "malignant"];
        var predictions = PredictionTable.Read(File.ReadAllText(file), classes, file);

        var shown = ExperimentFigures.Misclassified(predictions);

        Assert.Equal(Math.Min(ExperimentFigures.GallerySize, rows.Values.Count(r => r.True != r.Predicted)), shown.Count);
        foreach (var prediction in shown)
        {
            var row = rows[prediction.Id];
            Assert.NotEqual(row.True, row.Predicted);
            var caption = ExperimentFigures.Caption(prediction, classes, 1).Split('\n');
            Assert.Equal($"true {row.True} · pred {row.Predicted}", caption[1]);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"p(malignant) {row.Malignant:0.00}"), caption[2]);
        }
    }

    [Fact]
    public void A_rerun_skips_the_finished_cells_without_retraining()
    {
        Assert.Equal(0, _experiment.Second.ExitCode);
        Assert.Contains("calc-leaky-class: skipped", _experiment.Second.Output, StringComparison.Ordinal);
        Assert.Contains("calc-cv-class: skipped", _experiment.Second.Output, StringComparison.Ordinal);
        Assert.Equal(_experiment.WeightsWritten, File.GetLastWriteTimeUtc(_experiment.Weights));
    }

    [Fact]
    public void A_folder_that_is_not_an_experiment_is_a_clear_error()
    {
        var result = CliRunner.Run("report", _experiment.Data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not an experiment folder (no experiment.json", result.Errors, StringComparison.Ordinal);
    }

    public sealed class TinyExperiment : IDisposable
    {
        private readonly TempFolder _folder = new();

        public TinyExperiment()
        {
            Data = _folder.File("data");
            Directory.CreateDirectory(Data);
            var lesions = Enumerable.Range(1, 32).Select(n => $"mdb{n:000} F CALC {((n + 1) / 2 % 2 == 0 ? "M" : "B")} {300 + (n % 5 * 60)} {400 + (n % 3 * 80)} {20 + (n % 4 * 5)}");
            var normals = Enumerable.Range(33, 8).Select(n => $"mdb{n:000} G NORM");
            SyntheticMias.Write(Data, lesions.Concat(normals), MiasDataset.ImageSize);
            Folder = _folder.File("experiment");
            string[] args = ["experiment", "--data", Data, "--tasks", "calc", "--balancing", "class", "--protocols", "leaky,cv", "--folds", "3", "--epochs", "1", "--threads", "1", "--out", Folder];
            First = CliRunner.Run(args);
            Weights = Path.Combine(Folder, "cells", "calc-leaky-class", RunFolder.WeightsFile);
            WeightsWritten = File.GetLastWriteTimeUtc(Weights);
            Second = CliRunner.Run(args);
            Html = _folder.File("report.html");
            Report = CliRunner.Run("report", Folder, "--out", Html);
        }

        public string Data { get; }

        public string Folder { get; }

        public string Html { get; }

        public string Weights { get; }

        public DateTime WeightsWritten { get; }

        public CliRunner.Result First { get; }

        public CliRunner.Result Second { get; }

        public CliRunner.Result Report { get; }

        public void Dispose() => _folder.Dispose();
    }
}
