using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Reporting.Experiments;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;
using Mammo.Tests.Learning;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Reporting;

/// <summary>
/// The figures of a seed-protocol cell cut its gallery as the cell's training did. The original's recipe cuts a lesion
/// without a location (mdb059) at a random centre; a gallery that planned its patches with another recipe lost it.
/// </summary>
[Collection(TorchGlobalState.Name)]
public sealed class ExperimentFiguresSeedCellTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_mass_seed_cell_whose_gallery_holds_the_unlocated_mdb059_draws_it()
    {
        var data = _folder.File("data");
        Directory.CreateDirectory(data);
        var rows = Enumerable.Range(1, 24).Select(n => $"mdb{n:000} F CIRC {((n + 1) / 2 % 2 == 0 ? "M" : "B")} {40 + (n % 5 * 10)} {50 + (n % 3 * 10)} 12")
            .Append("mdb059 F CIRC B");
        SyntheticMias.Write(data, rows, 128);
        var dataset = MiasDataset.Load(DatasetSource.Open(data), new DatasetLoadOptions(Strict: true, ImageSize: 128));
        var plan = new ExperimentPlan
        {
            Tasks = ["mass"],
            Balancings = [Balancing.None],
            Protocols = [EvaluationProtocol.Leaky],
            Epochs = 1,
            Threads = 1,
            Seed = 5,
            DataPath = dataset.Source.Path,
            DataChecksum = "synthetic",
        };
        var experiment = new ExperimentFolder(_folder.File("experiment"));
        var cell = Assert.Single(new Experiment(dataset, plan, experiment).Run()).Cell;

        // Make mdb059's test patches the most confident errors, so that the gallery must cut them.
        var run = experiment.Cell(cell);
        var file = run.File(RunFolder.PredictionsFile);
        var classes = ClassificationTask.Mass.ClassNames;
        var predictions = PredictionTable.Read(File.ReadAllText(file), classes, file);
        var unlocated = predictions.Where(p => p.SampleId.StartsWith("mdb059", StringComparison.Ordinal)).ToList();
        if (unlocated.Count == 0)
        {
            // The leaky split put all of mdb059's patches in training: move one into the test part's predictions.
            var any = predictions[0];
            unlocated = [any with { Id = "mdb059-0-r0", SampleId = "mdb059-0" }];
            predictions = [.. predictions.Skip(1), .. unlocated];
        }

        var wrong = predictions.Select(p => unlocated.Any(u => u.Id == p.Id)
            ? p with { TrueLabel = 0, Probabilities = [0.01, 0.99] }
            : p).ToList();
        AtomicOutput.WriteAllText(file, PredictionTable.Write(wrong, classes));
        Assert.Equal("mdb059-0", ExperimentFigures.Misclassified(wrong)[0].SampleId);

        var figures = ExperimentFigures.Build(experiment, dataset);

        var gallery = Assert.Single(figures, f => f.File == $"{cell.Name}-errors.png");
        Assert.StartsWith($"The {Math.Min(ExperimentFigures.GallerySize, wrong.Count(p => p.PredictedLabel != p.TrueLabel))} most confident errors", gallery.Caption, StringComparison.Ordinal);
        using var png = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgba32>(gallery.Png);
        Assert.True(PngProbe.DistinctColours(png) > 2);
    }
}
