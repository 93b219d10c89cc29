namespace Mammo.Sampling;

/// <summary>
/// Cross-validation folds by patient: every patient is in exactly one fold's test part, test parts are
/// stratified by label, and each fold's remaining patients are split (again by patient, stratified) into
/// training and validation. Seeded and independent of the input order.
/// </summary>
public static class GroupedStratifiedKFold
{
    /// <param name="validationFraction">Share of each fold's non-test samples held out for validation; 0 for none.</param>
    /// <param name="classNames">Names the classes in error messages, and makes a class with no sample at all an error.</param>
    /// <exception cref="SplitException">Too few patients for <paramref name="k"/> folds, or some fold's part would have no sample of a class.</exception>
    public static IReadOnlyList<Fold> Split(
        IReadOnlyList<Sample> samples,
        int k,
        int seed,
        double validationFraction = 0.2,
        IReadOnlyList<string>? classNames = null)
    {
        var sorted = SampleOrder.Sorted(samples, nameof(samples));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        if (!(validationFraction >= 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), "the validation fraction must be in [0, 1)");
        }

        var labelCount = PatientAllocator.LabelCount(sorted, classNames, nameof(classNames));
        var patients = PatientGroup.Of(sorted, labelCount);
        if (patients.Count < k)
        {
            throw new SplitException($"{k} folds need at least {k} patients; the samples come from {patients.Count}");
        }

        var foldOf = PatientAllocator.Assign(patients, [.. Enumerable.Repeat(1.0 / k, k)], labelCount, SeedSequence.Random(seed, 0));
        var tests = PatientAllocator.Collect(patients, foldOf, k);
        PatientAllocator.EnsureEveryClass(
            patients,
            tests.Select((t, i) => ($"the test part of fold {i}", t)),
            labelCount,
            classNames,
            "use fewer folds or another seed");

        var folds = new List<Fold>();
        double[] inner = [1 - validationFraction, validationFraction];
        for (var i = 0; i < k; i++)
        {
            var rest = patients.Where((_, p) => foldOf[p] != i).ToList();
            // Each fold draws its validation patients from its own stream, so folds do not share a pattern.
            var partOf = PatientAllocator.Assign(rest, inner, labelCount, SeedSequence.Random(seed, i + 1));
            var parts = PatientAllocator.Collect(rest, partOf, 2);
            PatientAllocator.EnsureEveryClass(
                rest,
                new[] { ($"train of fold {i}", parts[0]), ($"validation of fold {i}", parts[1]) }.Where((_, p) => inner[p] > 0),
                labelCount,
                classNames,
                "use fewer folds, a larger validation fraction or another seed");
            folds.Add(new Fold(i, parts[0], parts[1], tests[i]));
        }

        return folds;
    }
}
