using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class SeedProtocolSplitTests
{
    [Fact]
    public void Copies_are_cut_75_25_and_each_lands_once()
    {
        var samples = SamplingData.BenignMalignant();

        var split = SeedProtocolSplit.Split(samples, 12, 1);

        Assert.Equal(70 * 12, split.Train.Count + split.Test.Count);
        Assert.Equal(210, split.Test.Count);
        Assert.Same(split.Test, split.Validation);
        var all = split.Train.Concat(split.Test).Select(p => (p.Sample.Id, p.Variant)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void The_original_protocol_puts_copies_of_most_lesions_on_both_sides_where_the_patient_split_puts_none()
    {
        var samples = SamplingData.BenignMalignant();

        var leaky = SeedProtocolSplit.Split(samples, 12, 1);
        var byPatient = PatientSplit.Split(samples, 1);

        // With 12 copies, a lesion escapes the leak only if all 12 fall on one side: (3/4)^12 + (1/4)^12 ≈ 3 %.
        Assert.InRange(leaky.LeakyLesions, 60, 70);
        Assert.True(leaky.LeakyPatients > 0);
        Assert.Empty(SamplingData.PatientsOf(byPatient.Train).Intersect(SamplingData.PatientsOf(byPatient.Test)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_cut_whatever_the_input_order()
    {
        var samples = SamplingData.BenignMalignant();

        var first = SeedProtocolSplit.Split(samples, 8, 4);
        var shuffled = SeedProtocolSplit.Split(SamplingData.Shuffled(samples, 3), 8, 4);
        var other = SeedProtocolSplit.Split(samples, 8, 5);

        Assert.Equal(first.Test, shuffled.Test);
        Assert.Equal(first.Train, shuffled.Train);
        Assert.NotEqual(first.Test, other.Test);
    }
}
