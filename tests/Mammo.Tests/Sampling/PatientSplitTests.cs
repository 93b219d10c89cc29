using Mammo.Data;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class PatientSplitTests
{
    private static readonly IReadOnlyList<string> s_benignMalignant = ClassificationTask.AllAbnormal.ClassNames;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(42)]
    public void No_patient_is_in_two_parts_and_every_sample_is_in_one(int seed)
    {
        var samples = SamplingData.BenignMalignant();

        var split = PatientSplit.Split(samples, seed, classNames: s_benignMalignant);

        var (train, validation, test) = (SamplingData.PatientsOf(split.Train), SamplingData.PatientsOf(split.Validation), SamplingData.PatientsOf(split.Test));
        Assert.Empty(train.Intersect(validation));
        Assert.Empty(train.Intersect(test));
        Assert.Empty(validation.Intersect(test));
        Assert.Equal(
            samples.Select(s => s.Id).Order(StringComparer.Ordinal),
            split.Train.Concat(split.Validation).Concat(split.Test).Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_cohort_has_patients_with_two_lesions_on_one_or_two_films()
    {
        // Guards the other tests: without such patients, grouping by patient would prove nothing.
        var byPatient = SamplingData.BenignMalignant().GroupBy(s => s.Patient).ToList();

        Assert.Contains(byPatient, g => g.Count() == 2 && g.Select(s => s.Origin.Scan.Id).Distinct().Count() == 2);
        Assert.Contains(byPatient, g => g.Count() == 2 && g.Select(s => s.Origin.Scan.Id).Distinct().Count() == 1);
        Assert.Equal(50, byPatient.Count);
        Assert.Equal(70, byPatient.Sum(g => g.Count()));
    }

    [Theory]
    [InlineData(1, 0.6, 0.2, 0.2)]
    [InlineData(2, 0.6, 0.2, 0.2)]
    [InlineData(42, 0.6, 0.2, 0.2)]
    [InlineData(7, 0.7, 0.15, 0.15)]
    public void Each_part_gets_close_to_its_fraction_of_every_label(int seed, double train, double validation, double test)
    {
        var samples = SamplingData.BenignMalignant();

        var split = PatientSplit.Split(samples, seed, train, validation, test, s_benignMalignant);

        foreach (var (part, fraction) in new[] { (split.Train, train), (split.Validation, validation), (split.Test, test) })
        {
            Assert.InRange((double)part.Count / samples.Count, fraction - 0.04, fraction + 0.04);
            foreach (var label in new[] { 0, 1 })
            {
                // One patient more or less of a label moves its share by about 1/28 for malignant.
                Assert.InRange(SamplingData.Share(part, samples, label), fraction - 0.06, fraction + 0.06);
            }
        }
    }

    [Fact]
    public void Three_classes_with_normals_are_stratified_too()
    {
        var samples = ClassificationTask.ThreeClass.Samples(SamplingData.CohortOrigins());

        var split = PatientSplit.Split(samples, 11, classNames: ClassificationTask.ThreeClass.ClassNames);

        foreach (var (part, fraction) in new[] { (split.Train, 0.6), (split.Validation, 0.2), (split.Test, 0.2) })
        {
            foreach (var label in new[] { 0, 1, 2 })
            {
                Assert.InRange(SamplingData.Share(part, samples, label), fraction - 0.06, fraction + 0.06);
            }
        }

        Assert.Empty(SamplingData.PatientsOf(split.Train).Intersect(SamplingData.PatientsOf(split.Test)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_whatever_the_input_order()
    {
        var samples = SamplingData.BenignMalignant();

        var first = PatientSplit.Split(samples, 5).ToCsv();
        var shuffled = PatientSplit.Split(SamplingData.Shuffled(samples, 1), 5).ToCsv();
        var reversed = PatientSplit.Split([.. samples.Reverse()], 5).ToCsv();
        var other = PatientSplit.Split(samples, 6).ToCsv();

        Assert.Equal(first, shuffled);
        Assert.Equal(first, reversed);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_part_with_fraction_zero_stays_empty()
    {
        var split = PatientSplit.Split(SamplingData.BenignMalignant(), 3, 0.8, 0, 0.2);

        Assert.Empty(split.Validation);
        Assert.InRange(split.Test.Count, 12, 16);
    }

    [Fact]
    public void A_class_too_rare_to_reach_every_part_is_an_error_naming_it()
    {
        // Two malignant patients cannot cover three parts.
        var origins = Enumerable.Range(1, 20).Select(k => SamplingData.Lesion(2 * k, AbnormalityClass.Calcification, k <= 2 ? Severity.Malignant : Severity.Benign));
        var samples = ClassificationTask.Calcification.Samples(origins);

        var error = Assert.Throws<SplitException>(() => PatientSplit.Split(samples, 1, classNames: s_benignMalignant));

        Assert.StartsWith("the patient split leaves class 'malignant' empty in ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": 2 patients have it; use fewer parts or another seed", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<MammoDataException>(error);
    }

    [Fact]
    public void A_class_with_as_many_patients_as_parts_reaches_every_part()
    {
        var origins = Enumerable.Range(1, 20).Select(k => SamplingData.Lesion(2 * k, AbnormalityClass.Calcification, k % 7 == 0 || k == 20 ? Severity.Malignant : Severity.Benign));
        var samples = ClassificationTask.Calcification.Samples(origins);

        var split = PatientSplit.Split(samples, 1, classNames: s_benignMalignant);

        Assert.All(Enum.GetValues<DataSplit>(), part => Assert.Single(split.Part(part), s => s.Label == 1));
    }

    [Fact]
    public void A_named_class_without_any_sample_is_an_error()
    {
        var samples = ClassificationTask.Calcification.Samples(
            Enumerable.Range(1, 20).Select(k => SamplingData.Lesion(2 * k, AbnormalityClass.Calcification, Severity.Benign)));

        var error = Assert.Throws<SplitException>(() => PatientSplit.Split(samples, 1, classNames: s_benignMalignant));

        Assert.Contains("class 'malignant' has no sample at all", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.6, 0.3, 0.2)]
    [InlineData(0, 0.5, 0.5)]
    [InlineData(1.2, -0.1, -0.1)]
    public void Fractions_must_be_non_negative_and_sum_to_one(double train, double validation, double test)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PatientSplit.Split(SamplingData.BenignMalignant(), 1, train, validation, test));
    }
}
