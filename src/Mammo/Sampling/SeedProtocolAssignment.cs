using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>
/// The original study's split: augmented copies on each side. Its test part was also its validation part,
/// and copies of one lesion sit on both sides (<see cref="LeakyLesions"/>), which is why it overstates accuracy.
/// </summary>
public sealed record SeedProtocolAssignment(IReadOnlyList<VariantSample> Train, IReadOnlyList<VariantSample> Test)
{
    public IReadOnlyList<VariantSample> Validation => Test;

    /// <summary>Samples (lesions) with copies in both train and test.</summary>
    public int LeakyLesions => Train.Select(p => p.Sample.Id).Intersect(Test.Select(p => p.Sample.Id), StringComparer.Ordinal).Count();

    /// <summary>Patients with copies in both train and test.</summary>
    public int LeakyPatients => Train.Select(p => p.Sample.Patient).Intersect(Test.Select(p => p.Sample.Patient)).Count();

    public IReadOnlyList<Patient> Patients(DataSplit split) =>
        [.. (split == DataSplit.Train ? Train : Test).Select(p => p.Sample.Patient).Distinct().Order()];
}
