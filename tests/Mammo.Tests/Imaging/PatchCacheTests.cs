using Mammo.Data;
using Mammo.Imaging;
using Mammo.Preprocessing;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Imaging;

/// <summary>The grid's shared patches: the extractor's own output, each region cut once, other pixel options cut apart.</summary>
public sealed class PatchCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dataset _dataset;

    public PatchCacheTests()
    {
        _dataset = SyntheticMias.Calcifications(_folder.Path, 128);
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertSame(IReadOnlyList<Patch> expected, IReadOnlyList<Patch> actual)
    {
        Assert.Equal(expected.Select(p => p.Id), actual.Select(p => p.Id));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Pixels, pair.Second.Pixels));
    }

    [Fact]
    public void It_serves_the_extractors_patches_and_cuts_each_region_once()
    {
        var extractor = PatchPipeline.Default.Extractor(seed: 1);
        var plan = extractor.Plan(_dataset.Scans);
        var direct = extractor.Extract(_dataset.Source, plan);
        var cache = new PatchCache();

        AssertSame(direct, cache.Extract(extractor, _dataset.Source, plan));
        Assert.Equal(48, cache.RegionsCut);
        Assert.Equal(48L * 8 * 48 * 48, cache.Bytes);

        // A later run's plan: half the regions, in another order, as new origin objects.
        var later = plan with { Origins = [.. plan.Origins.Where((_, i) => i % 2 == 1).Reverse().Select(o => o with { })] };
        var served = cache.Extract(PatchPipeline.Default.Extractor(seed: 7), _dataset.Source, later);

        Assert.Equal(48, cache.RegionsCut);
        AssertSame(extractor.Extract(_dataset.Source, later), served);
        Assert.All(served, p => Assert.Contains(later.Origins, o => ReferenceEquals(o, p.Origin)));
    }

    [Fact]
    public void Regions_cut_another_way_are_cut_again()
    {
        var cache = new PatchCache();
        var plain = PatchPipeline.Default.Extractor(seed: 1);
        var plan = plain.Plan(_dataset.Scans);
        cache.Extract(plain, _dataset.Source, plan);

        var small = (PatchPipeline.Default with { Size = 32 }).Extractor(seed: 1);
        var standardised = (PatchPipeline.Default with { Intensity = IntensityScaling.BreastZScore }).Extractor(seed: 1);

        AssertSame(small.Extract(_dataset.Source, plan), cache.Extract(small, _dataset.Source, plan));
        Assert.Equal(96, cache.RegionsCut);
        Assert.All(cache.Extract(small, _dataset.Source, plan), p => Assert.Equal(32 * 32, p.Pixels.Length));
        AssertSame(standardised.Extract(_dataset.Source, plan), cache.Extract(standardised, _dataset.Source, plan));
        Assert.Equal(144, cache.RegionsCut);
    }

    [Fact]
    public void Past_its_bound_it_keeps_nothing_and_still_serves_every_patch()
    {
        var extractor = PatchPipeline.Default.Extractor(seed: 1);
        var plan = extractor.Plan(_dataset.Scans);
        var cache = new PatchCache(maxBytes: 5 * 48 * 48 * 8);

        AssertSame(extractor.Extract(_dataset.Source, plan), cache.Extract(extractor, _dataset.Source, plan));
        Assert.Equal(5L * 48 * 48 * 8, cache.Bytes);

        cache.Extract(extractor, _dataset.Source, plan);
        Assert.Equal(48 + 43, cache.RegionsCut);
    }
}
