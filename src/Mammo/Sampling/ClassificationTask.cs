using System.Diagnostics.CodeAnalysis;
using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.Sampling;

/// <summary>
/// What a model is asked to tell apart, and which patch origins take part. <see cref="Name"/> is the stable id
/// used on the command line and in output files; two tasks are equal when their names are.
/// </summary>
public sealed record ClassificationTask
{
    private readonly Func<PatchOrigin, int?> _label;

    private ClassificationTask(string name, string description, IReadOnlyList<string> classNames, int positiveClass, Func<PatchOrigin, int?> label)
    {
        Name = name;
        Description = description;
        ClassNames = classNames;
        PositiveClass = positiveClass;
        _label = label;
    }

    public static ClassificationTask Calcification { get; } =
        BenignMalignant("calc", AbnormalityGroup.Calcification, "benign vs malignant calcifications (CALC)");

    public static ClassificationTask Mass { get; } =
        BenignMalignant("mass", AbnormalityGroup.Mass, "benign vs malignant masses (CIRC, SPIC, MISC)");

    public static ClassificationTask ArchitecturalDistortion { get; } =
        BenignMalignant("arch", AbnormalityGroup.ArchitecturalDistortion, "benign vs malignant architectural distortions (ARCH)");

    public static ClassificationTask Asymmetry { get; } =
        BenignMalignant("asym", AbnormalityGroup.Asymmetry, "benign vs malignant asymmetries (ASYM)");

    public static ClassificationTask AllAbnormal { get; } =
        BenignMalignant("all", AbnormalityGroup.All, "benign vs malignant over every abnormal class");

    public static ClassificationTask ThreeClass { get; } = new(
        "3class",
        "normal vs benign vs malignant over every class",
        ["normal", "benign", "malignant"],
        2,
        o => o.Class == AbnormalityClass.Normal ? 0 : o.Severity == Severity.Malignant ? 2 : 1);

    public static ClassificationTask NormalAbnormal { get; } = new(
        "normal-abnormal",
        "normal vs abnormal over every class",
        ["normal", "abnormal"],
        1,
        o => o.Class == AbnormalityClass.Normal ? 0 : 1);

    /// <summary>
    /// The heat map's question: a lesion against any other breast tissue. Its negatives are regions drawn across the
    /// breast of every scan, away from every lesion (<see cref="TissueNegativeSampler"/>, planned by
    /// <see cref="DetectionPlan"/>), not a normal scan's centre, which would teach "lesion or centre of a breast".
    /// </summary>
    public static ClassificationTask Detect { get; } = new(
        "detect",
        "lesion vs breast tissue away from every lesion, on every scan",
        ["tissue", "lesion"],
        1,
        o => o.Lesion is not null ? 1 : o.TissueIndex is not null ? 0 : null);

    // Declared after the tasks: static properties initialise in textual order.
    public static IReadOnlyList<ClassificationTask> All { get; } =
        [Calcification, Mass, ArchitecturalDistortion, Asymmetry, AllAbnormal, ThreeClass, NormalAbnormal, Detect];

    /// <summary>Whether the task's samples are planned by <see cref="DetectionPlan"/> (which reads the scans) rather than from labels alone.</summary>
    public bool SamplesTissue => ReferenceEquals(this, Detect) || Name == Detect.Name;

    /// <summary>The stable id: calc, mass, arch, asym, all, 3class, normal-abnormal, detect.</summary>
    public string Name { get; }

    public string Description { get; }

    /// <summary>Class names by label index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    public int ClassCount => ClassNames.Count;

    /// <summary>The label ROC curves treat as positive: malignant, abnormal, or lesion.</summary>
    public int PositiveClass { get; }

    /// <summary>The origin's label, or null when the origin is not part of the task (a normal scan in "calc").</summary>
    public int? LabelOf(PatchOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return _label(origin);
    }

    /// <summary>The origins that take part in the task, labelled, in input order.</summary>
    public IReadOnlyList<Sample> Samples(IEnumerable<PatchOrigin> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        var samples = new List<Sample>();
        foreach (var origin in origins)
        {
            if (LabelOf(origin) is { } label)
            {
                samples.Add(new Sample(origin, label));
            }
        }

        return samples;
    }

    /// <summary>The task with this name (case-insensitive).</summary>
    /// <exception cref="InvalidSettingException">No task has this name; the message lists the valid names.</exception>
    public static ClassificationTask Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var task)
            ? task
            : throw new InvalidSettingException("task", $"unknown task '{name}'; valid tasks: {string.Join(", ", All.Select(t => t.Name))}");
    }

    public static bool TryParse([NotNullWhen(true)] string? name, [NotNullWhen(true)] out ClassificationTask? task)
    {
        task = All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return task is not null;
    }

    public bool Equals(ClassificationTask? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;

    private static ClassificationTask BenignMalignant(string name, AbnormalityGroup group, string description) => new(
        name,
        description,
        ["benign", "malignant"],
        1,
        o => o.Severity is { } severity && group.Contains(o.Class) ? (severity == Severity.Malignant ? 1 : 0) : null);
}
