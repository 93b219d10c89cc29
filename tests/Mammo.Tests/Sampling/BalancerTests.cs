using Mammo.Data;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class BalancerTests
{
    private static readonly (AbnormalityClass Class, int Benign, int Malignant)[] s_miasLike =
    [
        (AbnormalityClass.Calcification, 15, 15),
        (AbnormalityClass.Circumscribed, 21, 4),
        (AbnormalityClass.Spiculated, 10, 12),
        (AbnormalityClass.IllDefined, 7, 8),
        (AbnormalityClass.ArchitecturalDistortion, 9, 10),
        (AbnormalityClass.Asymmetry, 6, 8),
    ];

    /// <summary>Samples labelled as in "3class", one scan each, with the given counts per class and severity.</summary>
    private static List<Sample> Training(int normals, params (AbnormalityClass Class, int Benign, int Malignant)[] cells)
    {
        var origins = new List<Mammo.Imaging.PatchOrigin>();
        var number = 1;
        foreach (var (cls, benign, malignant) in cells)
        {
            origins.AddRange(Enumerable.Range(0, benign).Select(_ => SamplingData.Lesion(number++, cls, Severity.Benign)));
            origins.AddRange(Enumerable.Range(0, malignant).Select(_ => SamplingData.Lesion(number++, cls, Severity.Malignant)));
        }

        origins.AddRange(Enumerable.Range(0, normals).Select(_ => SamplingData.Normal(number++)));
        return [.. ClassificationTask.ThreeClass.Samples(origins)];
    }

    private static int Count(IEnumerable<Sample> samples, AbnormalityClass cls, Severity? severity = null) =>
        samples.Count(s => s.Origin.Class == cls && (severity is null || s.Origin.Severity == severity));

    [Fact]
    public void Class_balance_cuts_each_class_majority_severity_to_its_minority_and_normals_to_the_mean_class_size()
    {
        var training = Training(50, s_miasLike);

        var balanced = Balancer.Apply(training, Balancing.Class, seed: 1);

        foreach (var (cls, benign, malignant) in s_miasLike)
        {
            var each = Math.Min(benign, malignant);
            Assert.Equal(each, Count(balanced, cls, Severity.Benign));
            Assert.Equal(each, Count(balanced, cls, Severity.Malignant));
        }

        // Balanced class totals 30, 8, 20, 14, 18, 12: mean 17.
        Assert.Equal(17, Count(balanced, AbnormalityClass.Normal));
        Assert.Equal(102 + 17, balanced.Count);
    }

    [Fact]
    public void Class_balance_drops_a_class_with_one_severity_and_rounds_the_normal_count_half_up()
    {
        var training = Training(
            10,
            (AbnormalityClass.Calcification, 1, 1),
            (AbnormalityClass.Circumscribed, 1, 3),
            (AbnormalityClass.Spiculated, 1, 1),
            (AbnormalityClass.IllDefined, 2, 2),
            (AbnormalityClass.ArchitecturalDistortion, 4, 0));

        var balanced = Balancer.Apply(training, Balancing.Class, seed: 1);

        Assert.Equal(0, Count(balanced, AbnormalityClass.ArchitecturalDistortion));
        Assert.Equal(2, Count(balanced, AbnormalityClass.Circumscribed));
        // Totals of the classes left: 2, 2, 2, 4; mean 2.5 rounds to 3.
        Assert.Equal(3, Count(balanced, AbnormalityClass.Normal));
    }

    [Fact]
    public void Full_balance_cuts_every_cell_to_the_smallest_and_normals_to_twice_that()
    {
        var training = Training(50, s_miasLike);

        var balanced = Balancer.Apply(training, Balancing.Full, seed: 1);

        foreach (var (cls, _, _) in s_miasLike)
        {
            Assert.Equal(4, Count(balanced, cls, Severity.Benign));
            Assert.Equal(4, Count(balanced, cls, Severity.Malignant));
        }

        Assert.Equal(8, Count(balanced, AbnormalityClass.Normal));
        Assert.Equal(48 + 8, balanced.Count);
    }

    [Fact]
    public void Full_balance_ignores_empty_cells_and_keeps_normals_that_are_already_few()
    {
        var training = Training(3, (AbnormalityClass.Calcification, 9, 5), (AbnormalityClass.Asymmetry, 6, 0));

        var balanced = Balancer.Apply(training, Balancing.Full, seed: 1);

        Assert.Equal(5, Count(balanced, AbnormalityClass.Calcification, Severity.Benign));
        Assert.Equal(5, Count(balanced, AbnormalityClass.Calcification, Severity.Malignant));
        Assert.Equal(5, Count(balanced, AbnormalityClass.Asymmetry, Severity.Benign));
        Assert.Equal(3, Count(balanced, AbnormalityClass.Normal));
    }

    [Theory]
    [InlineData(Balancing.None)]
    [InlineData(Balancing.Weights)]
    public void None_and_weights_leave_the_samples_unchanged(Balancing balancing)
    {
        var training = Training(50, s_miasLike);

        Assert.Same(training, Balancer.Apply(training, balancing, seed: 1));
    }

    [Theory]
    [InlineData(Balancing.Class)]
    [InlineData(Balancing.Full)]
    public void The_seed_alone_decides_the_subset_whatever_the_input_order(Balancing balancing)
    {
        var training = Training(50, s_miasLike);

        var first = Balancer.Apply(training, balancing, seed: 3).Select(s => s.Id).ToList();
        var again = Balancer.Apply(SamplingData.Shuffled(training, 99), balancing, seed: 3).Select(s => s.Id).ToList();
        var other = Balancer.Apply(training, balancing, seed: 4).Select(s => s.Id).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(first.Count, other.Count);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Subset(training.Select(s => s.Id).ToHashSet(), first.ToHashSet());
    }

    [Fact]
    public void Class_weights_are_n_over_k_times_the_class_count()
    {
        var samples = Training(10, (AbnormalityClass.Calcification, 20, 70));

        var weights = Balancer.ClassWeights(samples, 3);

        // 100 samples, 3 classes: 100 / (3 · 10), 100 / (3 · 20), 100 / (3 · 70).
        Assert.Equal(3, weights.Length);
        Assert.Equal(10.0 / 3, weights[0], 5);
        Assert.Equal(5.0 / 3, weights[1], 5);
        Assert.Equal(10.0 / 21, weights[2], 5);
        Assert.Equal(samples.Count, samples.Sum(s => weights[s.Label]), 3);
    }

    [Fact]
    public void Class_weights_refuse_an_empty_class_and_a_label_out_of_range()
    {
        var samples = Training(0, (AbnormalityClass.Calcification, 4, 0));

        var empty = Assert.Throws<SplitException>(() => Balancer.ClassWeights(samples, 3));
        Assert.Contains("class 0 has no training sample", empty.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Balancer.ClassWeights(samples, 1));
    }

    [Fact]
    public void A_sample_listed_twice_is_refused()
    {
        var training = Training(2, (AbnormalityClass.Calcification, 1, 1));
        training.Add(training[0]);

        Assert.Throws<ArgumentException>(() => Balancer.Apply(training, Balancing.Class, seed: 1));
    }
}
