namespace Mammo.Sampling;

/// <summary>
/// The original study's leaky protocol, kept only to reproduce its numbers: the augmented copies of every
/// sample are shuffled together and cut 75/25, so copies of one lesion end up on both sides. Use
/// <see cref="PatientSplit"/> for anything else.
/// </summary>
public static class SeedProtocolSplit
{
    public const double TrainFraction = 0.75;

    /// <param name="variantCount">Copies per sample, e.g. 12 for the original recipe's variants.</param>
    public static SeedProtocolAssignment Split(IReadOnlyList<Sample> samples, int variantCount, int seed)
    {
        var sorted = SampleOrder.Sorted(samples, nameof(samples));
        ArgumentOutOfRangeException.ThrowIfLessThan(variantCount, 1);
        VariantSample[] pairs = [.. sorted.SelectMany(s => Enumerable.Range(0, variantCount).Select(v => new VariantSample(s, v)))];
        SeedSequence.Random(seed, 0).Shuffle(pairs);
        // The test part is rounded up and taken first, as scikit-learn's train_test_split does; the exact
        // permutation of the original (NumPy's) cannot be reproduced, only the protocol.
        var testCount = (int)Math.Ceiling(pairs.Length * (1 - TrainFraction));
        return new SeedProtocolAssignment(pairs[testCount..], pairs[..testCount]);
    }
}
