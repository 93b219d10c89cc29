using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Learning.Fusion;
using Mammo.Learning.Training;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary>
/// The fusion of the label table with the network: fitted on a unit's training and validation parts only, so a
/// poisoned test part changes nothing that was fitted and no other sample's score.
/// </summary>
[Collection(TorchGlobalState.Name)]
public sealed class MetadataFusionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // 16 lesions: the malignant ones are larger on the whole (as MIAS's calcification clusters), with overlap.
    private List<Sample> Lesions()
    {
        var rows = Enumerable.Range(1, 16).Select(n =>
        {
            var malignant = n % 2 == 0;
            var radius = (malignant ? 14 : 6) + (n % 5 * 3);
            return $"mdb{n:000} F {(n % 3 == 0 ? "CIRC" : "CALC")} {(malignant ? "M" : "B")} 60 60 {radius}";
        });
        SyntheticMias.Write(_folder.Path, rows, size: 128);
        var dataset = MiasDataset.Load(DatasetSource.Open(_folder.Path), new DatasetLoadOptions(Strict: true, ImageSize: 128));
        var origins = dataset.Scans.SelectMany(s => s.Lesions.Select(l => new Mammo.Imaging.PatchOrigin(s, l, l.Location!.Value.X, l.Location.Value.Y, l.Location.Value.Radius)));
        return [.. ClassificationTask.AllAbnormal.Samples(origins)];
    }

    private static Prediction Scored(Sample s, double malignant, int? fold = 0) =>
        new(s.Id, s.Id, s.Patient, fold, s.Label, [1 - malignant, malignant]);

    [Fact]
    public void Poisoning_the_test_part_changes_no_fitted_coefficient_and_no_other_score()
    {
        var s = Lesions();
        var unit = new EvaluationUnit(0, s[..10], s[10..14], s[14..]);
        // The network separates the validation part imperfectly: it ranks one pair wrongly.
        List<Prediction> validation = [Scored(s[10], 0.3), Scored(s[11], 0.7), Scored(s[12], 0.6), Scored(s[13], 0.4)];
        List<Prediction> test = [Scored(s[14], 0.5), Scored(s[15], 0.8)];

        var (models, fused) = MetadataFusion.Run([unit], validation, test, positiveClass: 1);

        // Poison: flip every test label and make the network's test score of the first sample absurd.
        var poisonedSamples = s[14..].Select(x => x with { Label = 1 - x.Label }).ToList();
        var poisonedUnit = unit with { Test = poisonedSamples };
        List<Prediction> poisonedTest = [Scored(poisonedSamples[0], 0.999999) with { TrueLabel = poisonedSamples[0].Label }, Scored(poisonedSamples[1], 0.8) with { TrueLabel = poisonedSamples[1].Label }];
        var (poisonedModels, poisonedFused) = MetadataFusion.Run([poisonedUnit], validation, poisonedTest, positiveClass: 1);

        var (model, poisoned) = (Assert.Single(models), Assert.Single(poisonedModels));
        Assert.Equal(model.Metadata.Weights, poisoned.Metadata.Weights);
        Assert.Equal(model.Metadata.Intercept, poisoned.Metadata.Intercept);
        Assert.NotNull(model.Stacker);
        Assert.Equal(model.Stacker!.Weights, poisoned.Stacker!.Weights);
        Assert.Equal(fused[1].Probabilities[1], poisonedFused[1].Probabilities[1]);
        Assert.NotEqual(fused[0].Probabilities[1], poisonedFused[0].Probabilities[1]);
    }

    [Fact]
    public void The_stacker_weighs_the_network_by_how_it_ranked_the_validation_part()
    {
        var s = Lesions();
        var unit = new EvaluationUnit(0, s[..10], s[10..14], s[14..]);
        // s[10], s[12] are benign and s[11], s[13] malignant: one network ranks them right, the other reversed.
        List<Prediction> right = [Scored(s[10], 0.2), Scored(s[11], 0.8), Scored(s[12], 0.3), Scored(s[13], 0.9)];
        List<Prediction> reversed = [Scored(s[10], 0.8), Scored(s[11], 0.2), Scored(s[12], 0.9), Scored(s[13], 0.3)];
        Assert.Equal([0, 1, 0, 1], s[10..14].Select(x => x.Label));

        var trusted = MetadataFusion.Fit(unit, right, positiveClass: 1);
        var distrusted = MetadataFusion.Fit(unit, reversed, positiveClass: 1);

        Assert.True(trusted.Stacker!.Weights[1] > 0, $"network weight {trusted.Stacker.Weights[1]}");
        Assert.True(distrusted.Stacker!.Weights[1] < 0, $"network weight {distrusted.Stacker.Weights[1]}");
        var metadata = Mammo.Baselines.MetadataFeatures.Of(s[15])!;
        Assert.True(trusted.Probability(metadata, 0.9) > trusted.Probability(metadata, 0.1));
    }

    [Fact]
    public void A_validation_part_with_one_class_leaves_the_metadata_model_alone()
    {
        var s = Lesions();
        var benign = s.Where(x => x.Label == 0).ToList();
        var unit = new EvaluationUnit(0, [.. s.Where(x => x.Label == 1).Take(5), .. benign.Take(5)], benign[5..7], [s[15]]);

        var model = MetadataFusion.Fit(unit, [Scored(benign[5], 0.4), Scored(benign[6], 0.6)], positiveClass: 1);

        Assert.Null(model.Stacker);
        var features = Mammo.Baselines.MetadataFeatures.Of(s[15])!;
        Assert.Equal(model.Metadata.Probability(features), model.Probability(features, 0.99));
    }

    [Fact]
    public void Log_odds_stay_finite_for_a_saturated_network()
    {
        Assert.Equal(0, FusionModel.LogOdds(0.5), 12);
        Assert.Equal(Math.Log(0.8 / 0.2), FusionModel.LogOdds(0.8), 12);
        Assert.True(double.IsFinite(FusionModel.LogOdds(1.0)) && double.IsFinite(FusionModel.LogOdds(0.0)));
        Assert.Equal(-FusionModel.LogOdds(1.0), FusionModel.LogOdds(0.0), 9);
    }
}
