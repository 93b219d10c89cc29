using Mammo.Baselines;
using Mammo.Data;
using Mammo.Learning.Baselines;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

public sealed class BaselineRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (Dataset Dataset, List<Sample> Samples) Lesions(params string[] rows)
    {
        SyntheticMias.Write(_folder.Path, rows, size: 128);
        var dataset = MiasDataset.Load(DatasetSource.Open(_folder.Path), new DatasetLoadOptions(Strict: true, ImageSize: 128));
        var origins = dataset.Scans.SelectMany(s => s.Lesions.Select(l => new Mammo.Imaging.PatchOrigin(s, l, l.Location!.Value.X, l.Location.Value.Y, l.Location.Value.Radius)));
        return (dataset, [.. ClassificationTask.AllAbnormal.Samples(origins)]);
    }

    [Fact]
    public void Each_unit_is_fitted_on_train_and_validation_and_scores_its_test_samples_only()
    {
        var (dataset, s) = Lesions("mdb001 F CALC B 40 40 4", "mdb002 F CALC M 40 40 20", "mdb003 F CIRC B 60 60 6", "mdb004 F CIRC M 60 60 24", "mdb005 F CALC B 50 50 5", "mdb006 F CIRC M 50 50 22");
        // Training share of malignant: train {B, M, B} + validation {M} → 1/2.
        var unit = new EvaluationUnit(0, [s[0], s[1], s[2]], [s[3]], [s[4], s[5]]);

        var report = BaselineRunner.Run(dataset.Source, ClassificationTask.AllAbnormal, [unit], seed: 0);

        Assert.Equal(["mdb005-0", "mdb006-0"], report.Scores.Rows.Select(r => r.SampleId));
        Assert.Equal([0.5, 0.5], report.Scores.ScoresOf(BaselineKind.Prevalence));
        Assert.Equal([5.0, 22.0], report.Scores.ScoresOf(BaselineKind.Radius));
        var metadata = report.Scores.ScoresOf(BaselineKind.Metadata);
        Assert.True(metadata[0] < 0.5 && metadata[1] > 0.5, "larger lesions were malignant in the fitting part");
        Assert.Equal(["prevalence", "radius", "metadata", "features"], report.ByName().Keys);
    }

    [Fact]
    public void A_fitting_part_with_one_class_scores_its_share_instead_of_an_unbounded_fit()
    {
        var (dataset, s) = Lesions("mdb001 F CALC B 40 40 4", "mdb003 F CIRC B 60 60 6", "mdb005 F CALC M 50 50 5");
        var unit = new EvaluationUnit(0, [s[0]], [s[1]], [s[2]]);

        var report = BaselineRunner.Run(dataset.Source, ClassificationTask.AllAbnormal, [unit], seed: 0);

        Assert.Equal([0.0], report.Scores.ScoresOf(BaselineKind.Metadata));
        Assert.Equal([0.0], report.Scores.ScoresOf(BaselineKind.Features));
        Assert.Null(report.Summaries[0].Auc);
    }
}
