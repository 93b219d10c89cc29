using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class SeedSequenceTests
{
    [Fact]
    public void Derived_seeds_are_stable_distinct_and_non_negative()
    {
        var seeds = Enumerable.Range(0, 1000).Select(stream => SeedSequence.Derive(42, stream)).ToList();

        Assert.Equal(seeds, Enumerable.Range(0, 1000).Select(stream => SeedSequence.Derive(42, stream)));
        Assert.Equal(1000, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s >= 0));
        Assert.NotEqual(SeedSequence.Derive(42, 1), SeedSequence.Derive(43, 1));
    }
}
