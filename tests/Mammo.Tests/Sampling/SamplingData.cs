using Mammo.Data;
using Mammo.Imaging;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

/// <summary>Synthetic scans, origins and samples for the sampling tests; no pixels needed.</summary>
internal static class SamplingData
{
    public static Scan Scan(int number, params (AbnormalityClass Class, Severity Severity)[] lesions)
    {
        var id = $"mdb{number:000}";
        var patient = Patient.OfScan(number);
        var list = lesions.Select((l, i) => new Lesion(id, i, patient, l.Class, l.Severity, new LesionLocation(500, 500, 30), null, number + i)).ToList();
        return new Scan(id, number, Tissue.Fatty, list, number);
    }

    /// <summary>One origin per lesion, or one region for a normal scan, as the extractor plans them.</summary>
    public static IEnumerable<PatchOrigin> Origins(Scan scan) => scan.IsNormal
        ? [new PatchOrigin(scan, null, 500, 500, 24)]
        : scan.Lesions.Select(l => new PatchOrigin(scan, l, l.Location!.Value.X, l.Location.Value.Y, l.Location.Value.Radius));

    public static PatchOrigin Normal(int number) => Origins(Scan(number)).Single();

    public static PatchOrigin Lesion(int number, AbnormalityClass cls, Severity severity) => Origins(Scan(number, (cls, severity))).Single();

    /// <summary>
    /// A MIAS-like cohort: two films per patient; per six patients one with a lesion on each film, one with
    /// two lesions on one film, three with a single lesion and one with two normal films. Classes and
    /// severities are drawn (about 40 % malignant) from a fixed seed.
    /// </summary>
    public static IReadOnlyList<Scan> Cohort(int patients = 60, int seed = 7)
    {
        var random = new Random(seed);
        (AbnormalityClass, Severity) Draw() => (
            MiasCodes.AbnormalClasses[random.Next(MiasCodes.AbnormalClasses.Count)],
            random.NextDouble() < 0.4 ? Severity.Malignant : Severity.Benign);

        var scans = new List<Scan>();
        for (var k = 1; k <= patients; k++)
        {
            var (left, right) = (2 * k - 1, 2 * k);
            switch (k % 6)
            {
                case 0:
                    scans.Add(Scan(left, Draw()));
                    scans.Add(Scan(right, Draw()));
                    break;
                case 1:
                    scans.Add(Scan(left, Draw(), Draw()));
                    scans.Add(Scan(right));
                    break;
                case 2:
                    scans.Add(Scan(left));
                    scans.Add(Scan(right));
                    break;
                case 3:
                    scans.Add(Scan(left));
                    scans.Add(Scan(right, Draw()));
                    break;
                default:
                    scans.Add(Scan(left, Draw()));
                    scans.Add(Scan(right));
                    break;
            }
        }

        return scans;
    }

    public static IReadOnlyList<PatchOrigin> CohortOrigins(int patients = 60, int seed = 7) => [.. Cohort(patients, seed).SelectMany(Origins)];

    /// <summary>Benign vs malignant lesions of <see cref="Cohort"/>.</summary>
    public static IReadOnlyList<Sample> BenignMalignant(int patients = 60, int seed = 7) =>
        ClassificationTask.AllAbnormal.Samples(CohortOrigins(patients, seed));

    public static IReadOnlyList<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var array = items.ToArray();
        new Random(seed).Shuffle(array);
        return array;
    }

    public static IReadOnlySet<Patient> PatientsOf(IEnumerable<Sample> samples) => samples.Select(s => s.Patient).ToHashSet();

    public static double Share(IReadOnlyList<Sample> part, IReadOnlyList<Sample> all, int label) =>
        (double)part.Count(s => s.Label == label) / all.Count(s => s.Label == label);
}
