using Mammo.Data;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class GroupedStratifiedKFoldTests
{
    private static readonly IReadOnlyList<string> s_benignMalignant = ClassificationTask.AllAbnormal.ClassNames;

    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(5, 42)]
    public void Every_patient_is_in_exactly_one_test_fold(int k, int seed)
    {
        var samples = SamplingData.BenignMalignant();

        var folds = GroupedStratifiedKFold.Split(samples, k, seed, classNames: s_benignMalignant);

        Assert.Equal(Enumerable.Range(0, k), folds.Select(f => f.Index));
        var testFoldsOf = folds.SelectMany(f => SamplingData.PatientsOf(f.Test).Select(p => (Patient: p, f.Index))).GroupBy(x => x.Patient).ToList();
        Assert.Equal(SamplingData.PatientsOf(samples).Count, testFoldsOf.Count);
        Assert.All(testFoldsOf, g => Assert.Single(g));
        Assert.Equal(
            samples.Select(s => s.Id).Order(StringComparer.Ordinal),
            folds.SelectMany(f => f.Test).Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Within_a_fold_train_validation_and_test_share_no_patient_and_cover_every_sample()
    {
        var samples = SamplingData.BenignMalignant();

        var folds = GroupedStratifiedKFold.Split(samples, 5, 3, classNames: s_benignMalignant);

        foreach (var fold in folds)
        {
            var (train, validation, test) = (SamplingData.PatientsOf(fold.Train), SamplingData.PatientsOf(fold.Validation), SamplingData.PatientsOf(fold.Test));
            Assert.Empty(train.Intersect(validation));
            Assert.Empty(train.Intersect(test));
            Assert.Empty(validation.Intersect(test));
            Assert.Equal(samples.Count, fold.Train.Count + fold.Validation.Count + fold.Test.Count);
        }
    }

    [Fact]
    public void Test_folds_and_validation_parts_are_stratified_by_label()
    {
        var samples = SamplingData.BenignMalignant();

        var folds = GroupedStratifiedKFold.Split(samples, 5, 9, 0.2, s_benignMalignant);

        foreach (var fold in folds)
        {
            Assert.InRange((double)fold.Test.Count / samples.Count, 0.16, 0.24);
            var rest = fold.Train.Concat(fold.Validation).ToList();
            Assert.InRange((double)fold.Validation.Count / rest.Count, 0.15, 0.25);
            foreach (var label in new[] { 0, 1 })
            {
                Assert.InRange(SamplingData.Share(fold.Test, samples, label), 0.2 - 0.05, 0.2 + 0.05);
                Assert.InRange(SamplingData.Share(fold.Validation, rest, label), 0.2 - 0.07, 0.2 + 0.07);
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_whatever_the_input_order()
    {
        var samples = SamplingData.BenignMalignant();

        var first = SplitManifest.Write(GroupedStratifiedKFold.Split(samples, 4, 8));
        var shuffled = SplitManifest.Write(GroupedStratifiedKFold.Split(SamplingData.Shuffled(samples, 2), 4, 8));
        var other = SplitManifest.Write(GroupedStratifiedKFold.Split(samples, 4, 9));

        Assert.Equal(first, shuffled);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_class_too_rare_for_every_test_fold_is_an_error_naming_it()
    {
        var origins = Enumerable.Range(1, 30).Select(k => SamplingData.Lesion(2 * k, AbnormalityClass.Spiculated, k % 10 == 0 ? Severity.Malignant : Severity.Benign));
        var samples = ClassificationTask.Mass.Samples(origins);

        var error = Assert.Throws<SplitException>(() => GroupedStratifiedKFold.Split(samples, 5, 1, classNames: s_benignMalignant));

        Assert.Matches("^the patient split leaves class 'malignant' empty in the test part of fold [0-4]: 3 patients have it; use fewer folds or another seed$", error.Message);
    }

    [Fact]
    public void More_folds_than_patients_is_an_error()
    {
        var samples = SamplingData.BenignMalignant(patients: 3);

        var error = Assert.Throws<SplitException>(() => GroupedStratifiedKFold.Split(samples, 5, 1));

        Assert.Contains("5 folds need at least 5 patients", error.Message, StringComparison.Ordinal);
    }
}
