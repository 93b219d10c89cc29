using System.Globalization;
using Mammo.Baselines;
using Mammo.Data;
using Mammo.Learning.Baselines;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary>
/// The metadata baseline against scikit-learn's reference script on a synthetic cv run folder: 60 lesions of every
/// class, split by <see cref="GroupedStratifiedKFold"/> into 3 folds written as the run's split.csv.
/// (tests/Mammo.IntegrationTests does the same on the real archive's folds.)
/// </summary>
[Collection(TorchGlobalState.Name)]
public sealed class BaselinesAgainstScikitLearnTests : IDisposable
{
    private static readonly string[] s_classes = ["CALC", "CIRC", "SPIC", "MISC", "ARCH", "ASYM"];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [ScikitLearnFact]
    public void Metadata_probabilities_are_within_0_02_and_the_pooled_auc_within_0_01_of_scikit_learn()
    {
        var data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(data);
        // Malignancy leans on class and size but not perfectly, so the regression is neither trivial nor separable.
        SyntheticMias.Write(data, Enumerable.Range(1, 60).Select(n =>
        {
            var malignant = (n * 7 % 5) < 2;
            var radius = 4 + (n * 13 % 23) + (malignant ? 6 : 0);
            return $"mdb{n:000} F {s_classes[n % 6]} {(malignant ? "M" : "B")} {50 + (n % 4 * 5)} {60 + (n % 3 * 5)} {radius}";
        }), size: 128);
        var dataset = MiasDataset.Load(DatasetSource.Open(data), new DatasetLoadOptions(Strict: true, ImageSize: 128));
        var task = ClassificationTask.AllAbnormal;
        var folds = GroupedStratifiedKFold.Split(task.Samples(dataset.Scans.SelectMany(s => s.Lesions.Select(l =>
            new Mammo.Imaging.PatchOrigin(s, l, l.Location!.Value.X, l.Location.Value.Y, l.Location.Value.Radius)))), 3, seed: 5, classNames: task.ClassNames);
        File.WriteAllText(_folder.File(SplitManifest.FileName), SplitManifest.Write(folds));
        var units = folds.Select(f => new EvaluationUnit(f.Index, f.Train, f.Validation, f.Test)).ToList();

        var printed = ScikitLearnReference.Run(_folder.Path, data, "--out", _folder.File("oof.csv"));
        var report = BaselineRunner.Run(dataset.Source, task, units, seed: 0);

        var reference = File.ReadAllLines(_folder.File("oof.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (Fold: int.Parse(f[1], CultureInfo.InvariantCulture), Metadata: double.Parse(f[5], CultureInfo.InvariantCulture)));
        var metadata = report.Scores.Kinds.ToList().IndexOf(BaselineKind.Metadata);
        Assert.Equal(60, reference.Count);
        Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), report.Scores.Rows.Select(r => r.SampleId).Order(StringComparer.Ordinal));
        Assert.All(report.Scores.Rows, row =>
        {
            Assert.Equal(reference[row.SampleId].Fold, row.Fold);
            Assert.InRange(Math.Abs(reference[row.SampleId].Metadata - row.Scores[metadata]), 0, 0.02);
        });
        var line = printed.Split('\n').Single(l => l.StartsWith("metadata ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pooled = double.Parse(line[Array.IndexOf(line, "AUC") + 1], CultureInfo.InvariantCulture);
        Assert.InRange(Math.Abs(report.Summaries.Single(s => s.Name == "metadata").Auc!.Value - pooled), 0, 0.01);
    }
}
