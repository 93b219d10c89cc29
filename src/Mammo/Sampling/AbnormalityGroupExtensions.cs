using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>Which abnormality classes an <see cref="AbnormalityGroup"/> holds.</summary>
public static class AbnormalityGroupExtensions
{
    public static bool Contains(this AbnormalityGroup group, AbnormalityClass value) => group switch
    {
        AbnormalityGroup.Calcification => value == AbnormalityClass.Calcification,
        AbnormalityGroup.Mass => value is AbnormalityClass.Circumscribed or AbnormalityClass.Spiculated or AbnormalityClass.IllDefined,
        AbnormalityGroup.ArchitecturalDistortion => value == AbnormalityClass.ArchitecturalDistortion,
        AbnormalityGroup.Asymmetry => value == AbnormalityClass.Asymmetry,
        AbnormalityGroup.All => MiasCodes.AbnormalClasses.Contains(value),
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    /// <summary>The group's classes, in Info.txt's documented order.</summary>
    public static IReadOnlyList<AbnormalityClass> Classes(this AbnormalityGroup group) =>
        [.. MiasCodes.AbnormalClasses.Where(c => group.Contains(c))];
}
