namespace Mammo.Sampling;

/// <summary>
/// Splits samples into train, validation and test by patient: both films and every lesion of a patient land
/// in one part, so no part ever sees a patient another part was trained or tuned on. Stratified by label,
/// seeded, and independent of the input order.
/// </summary>
public static class PatientSplit
{
    /// <param name="classNames">Names the classes in error messages, and makes a class with no sample at all an error.</param>
    /// <exception cref="SplitException">A part with a non-zero fraction would have no sample of some class.</exception>
    public static SplitAssignment Split(
        IReadOnlyList<Sample> samples,
        int seed,
        double train = 0.6,
        double validation = 0.2,
        double test = 0.2,
        IReadOnlyList<string>? classNames = null)
    {
        var sorted = SampleOrder.Sorted(samples, nameof(samples));
        if (sorted.Length == 0)
        {
            throw new ArgumentException("there are no samples to split", nameof(samples));
        }

        double[] fractions = [train, validation, test];
        if (fractions.Any(f => !double.IsFinite(f) || f < 0) || train <= 0 || Math.Abs(fractions.Sum() - 1) > 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(train), $"fractions {train}/{validation}/{test} must be non-negative, sum to 1, and give train a share");
        }

        var labelCount = PatientAllocator.LabelCount(sorted, classNames, nameof(classNames));
        var patients = PatientGroup.Of(sorted, labelCount);
        var partOf = PatientAllocator.Assign(patients, fractions, labelCount, SeedSequence.Random(seed, 0));
        var parts = PatientAllocator.Collect(patients, partOf, fractions.Length);
        PatientAllocator.EnsureEveryClass(
            patients,
            Enum.GetValues<DataSplit>().Where(s => fractions[(int)s] > 0).Select(s => (s.Code(), parts[(int)s])),
            labelCount,
            classNames,
            "use fewer parts or another seed");
        return new SplitAssignment(parts[0], parts[1], parts[2]);
    }
}
