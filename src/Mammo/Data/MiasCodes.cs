namespace Mammo.Data;

/// <summary>The one-letter and four-letter codes MIAS uses in Info.txt, both ways.</summary>
public static class MiasCodes
{
    private static readonly Dictionary<string, AbnormalityClass> s_classes = new(StringComparer.Ordinal)
    {
        ["CALC"] = AbnormalityClass.Calcification,
        ["CIRC"] = AbnormalityClass.Circumscribed,
        ["SPIC"] = AbnormalityClass.Spiculated,
        ["MISC"] = AbnormalityClass.IllDefined,
        ["ARCH"] = AbnormalityClass.ArchitecturalDistortion,
        ["ASYM"] = AbnormalityClass.Asymmetry,
        ["NORM"] = AbnormalityClass.Normal,
    };

    public static bool TryParseClass(string code, out AbnormalityClass value) => s_classes.TryGetValue(code, out value);

    public static bool TryParseTissue(string code, out Tissue value)
    {
        (var ok, value) = code switch
        {
            "F" => (true, Tissue.Fatty),
            "G" => (true, Tissue.FattyGlandular),
            "D" => (true, Tissue.DenseGlandular),
            _ => (false, default),
        };
        return ok;
    }

    public static bool TryParseSeverity(string code, out Severity value)
    {
        (var ok, value) = code switch
        {
            "B" => (true, Severity.Benign),
            "M" => (true, Severity.Malignant),
            _ => (false, default),
        };
        return ok;
    }

    public static string Code(this AbnormalityClass value) => value switch
    {
        AbnormalityClass.Calcification => "CALC",
        AbnormalityClass.Circumscribed => "CIRC",
        AbnormalityClass.Spiculated => "SPIC",
        AbnormalityClass.IllDefined => "MISC",
        AbnormalityClass.ArchitecturalDistortion => "ARCH",
        AbnormalityClass.Asymmetry => "ASYM",
        AbnormalityClass.Normal => "NORM",
        AbnormalityClass.Other => "OTHER",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Code(this Tissue value) => value switch
    {
        Tissue.Fatty => "F",
        Tissue.FattyGlandular => "G",
        Tissue.DenseGlandular => "D",
        Tissue.Unknown => "-",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Code(this Severity value) => value switch
    {
        Severity.Benign => "B",
        Severity.Malignant => "M",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>The codes of every abnormal class, in Info.txt's documented order.</summary>
    public static IReadOnlyList<AbnormalityClass> AbnormalClasses { get; } =
    [
        AbnormalityClass.Calcification, AbnormalityClass.Circumscribed, AbnormalityClass.Spiculated,
        AbnormalityClass.IllDefined, AbnormalityClass.ArchitecturalDistortion, AbnormalityClass.Asymmetry,
    ];
}
