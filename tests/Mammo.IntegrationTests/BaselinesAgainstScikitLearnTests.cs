using System.Globalization;
using Mammo.Baselines;
using Mammo.Data;
using Mammo.Learning.Baselines;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.IntegrationTests;

/// <summary>
/// The baselines against scikit-learn on the same folds: the split a <c>mammo train --task all --protocol cv
/// --folds 5 --seed 0</c> makes, written as that run's split.csv, scored by Mammo and by the reference script.
/// </summary>
public sealed class BaselinesAgainstScikitLearnTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mammo-it-" + Guid.NewGuid().ToString("N"));

    public BaselinesAgainstScikitLearnTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ScikitLearnFact]
    public void Metadata_baseline_matches_scikit_learn_sample_by_sample_and_in_pooled_auc()
    {
        var dataset = MiasDataset.Load(DatasetSource.Open(RealData.Path!));
        var plan = RunSplit.Plan(dataset, new RunConfig { Task = "all", Protocol = EvaluationProtocol.Cv, Folds = 5, Seed = 0 });
        File.WriteAllText(Path.Combine(_folder, SplitManifest.FileName), SplitManifest.Write(plan.Units.SelectMany(u =>
            new SplitAssignment(u.Train, u.Validation, u.Test).Rows(u.Fold))));
        var oofFile = Path.Combine(_folder, "oof.csv");

        var printed = Mammo.Tests.TestSupport.ScikitLearnReference.Run(_folder, RealData.Path!, "--out", oofFile);
        var report = BaselineRunner.Run(dataset.Source, plan.Task, plan.Units, seed: 0);

        var reference = File.ReadAllLines(oofFile).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (Fold: int.Parse(f[1], CultureInfo.InvariantCulture), Label: int.Parse(f[2], CultureInfo.InvariantCulture), Prevalence: Parse(f[3]), Radius: Parse(f[4]), Metadata: Parse(f[5])));
        var kinds = report.Scores.Kinds.ToList();
        Assert.Equal(119, report.Scores.Rows.Count);
        Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), report.Scores.Rows.Select(r => r.SampleId).Order(StringComparer.Ordinal));
        foreach (var row in report.Scores.Rows)
        {
            var expected = reference[row.SampleId];
            Assert.Equal(expected.Fold, row.Fold);
            Assert.Equal(expected.Label, row.Label);
            Assert.Equal(expected.Prevalence, row.Scores[kinds.IndexOf(BaselineKind.Prevalence)], 1e-12);
            Assert.Equal(expected.Radius, row.Scores[kinds.IndexOf(BaselineKind.Radius)], 1e-12);
            Assert.InRange(Math.Abs(expected.Metadata - row.Scores[kinds.IndexOf(BaselineKind.Metadata)]), 0, 0.02);
        }

        var pooled = PooledAuc(printed, "metadata");
        var metadata = report.Summaries.Single(s => s.Name == "metadata");
        Assert.InRange(Math.Abs(metadata.Auc!.Value - pooled), 0, 0.01);
        Assert.Equal(PooledAuc(printed, "radius"), report.Summaries.Single(s => s.Name == "radius").Auc!.Value, 4);
        Assert.Equal(PooledAuc(printed, "prevalence"), report.Summaries.Single(s => s.Name == "prevalence").Auc!.Value, 4);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    // The script prints "metadata   n=119 pooled AUC 0.7190  per-fold … mean …".
    private static double PooledAuc(string printed, string name)
    {
        var line = printed.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Parse(fields[Array.IndexOf(fields, "AUC") + 1]);
    }
}
