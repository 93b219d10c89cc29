using Mammo.Data;
using Mammo.Imaging;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public sealed class OfficialSplitTests
{
    // Ten patients of two films each, one lesion a film, benign and malignant alternating by patient; patients 9 and 10 are the test set.
    private static List<Sample> Samples(bool markAll = true) =>
    [
        .. Enumerable.Range(1, 20).Select(n =>
        {
            var patient = new Patient((n + 1) / 2);
            var lesion = new Lesion($"s{n:00}", 0, patient, AbnormalityClass.Calcification, patient.Number % 2 == 0 ? Severity.Malignant : Severity.Benign, new LesionLocation(10, 10, 5), null, n);
            var scan = new Scan($"s{n:00}", n, Tissue.Unknown, [lesion], n)
            {
                Patient = patient,
                Split = !markAll && n == 3 ? null : patient.Number >= 9 ? FixedSplit.Test : FixedSplit.Train,
            };
            return new Sample(new PatchOrigin(scan, lesion, 10, 10, 5), lesion.Severity == Severity.Malignant ? 1 : 0);
        }),
    ];

    [Fact]
    public void The_test_part_is_the_marked_test_scans_and_validation_is_drawn_by_patient_from_train()
    {
        var split = OfficialSplit.Split(Samples(), seed: 1, validation: 0.25, ["benign", "malignant"]);

        Assert.Equal(["s17-0", "s18-0", "s19-0", "s20-0"], split.Test.Select(s => s.Id));
        Assert.Equal(16, split.Train.Count + split.Validation.Count);
        Assert.NotEmpty(split.Validation);
        Assert.Empty(split.Train.Select(s => s.Patient).Intersect(split.Validation.Select(s => s.Patient)));
        Assert.All(split.Train.Concat(split.Validation), s => Assert.Equal(FixedSplit.Train, s.Origin.Scan.Split));
    }

    [Fact]
    public void A_scan_without_a_fixed_split_is_refused()
    {
        var error = Assert.Throws<SplitException>(() => OfficialSplit.Split(Samples(markAll: false), seed: 1, validation: 0.25));

        Assert.Equal("scan s03 (and 0 more) has no fixed train/test split; the official protocol needs one for every scan", error.Message);
    }
}
