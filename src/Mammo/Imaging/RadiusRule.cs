using System.Globalization;

namespace Mammo.Imaging;

/// <summary>
/// How big a square to cut around a lesion, before it is resized to the patch size: the labelled radius
/// scaled by <see cref="Scale"/> and at least <see cref="Minimum"/>, or a <see cref="Fixed"/> radius for all.
/// </summary>
public sealed record RadiusRule(double Scale = 1.0, double Minimum = 1.0, double? Fixed = null)
{
    public static RadiusRule Lesion { get; } = new();

    public double Apply(double labelledRadius) => Fixed ?? Math.Max(Minimum, labelledRadius * Scale);

    /// <summary>The largest fixed or minimum radius accepted, in pixels.</summary>
    public const double MaximumRadius = 10_000;

    /// <summary>The largest scale accepted.</summary>
    public const double MaximumScale = 100;

    /// <summary>Parses <c>lesion</c>, <c>fixed:N</c>, <c>scale:F</c> or <c>scale:F,min:N</c>.</summary>
    public static RadiusRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "lesion")
        {
            return Lesion;
        }

        var rule = Lesion;
        foreach (var part in text.Split(','))
        {
            var pieces = part.Split(':');
            if (pieces.Length != 2 || !double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || !double.IsFinite(value))
            {
                throw new InvalidSettingException("radius rule", $"radius rule '{text}': expected lesion, fixed:N, scale:F or scale:F,min:N with positive numbers");
            }

            // A patch is cut from one film: radii beyond any film, or scales beyond any use, are typing errors.
            if ((pieces[0] is "fixed" or "min" && value > MaximumRadius) || (pieces[0] == "scale" && value > MaximumScale))
            {
                throw new InvalidSettingException("radius rule", $"radius rule '{text}': {pieces[0]} {pieces[1]} is above the largest accepted ({(pieces[0] == "scale" ? MaximumScale : MaximumRadius).ToString(CultureInfo.InvariantCulture)})");
            }

            rule = pieces[0] switch
            {
                "fixed" => rule with { Fixed = value },
                "scale" => rule with { Scale = value },
                "min" => rule with { Minimum = value },
                _ => throw new InvalidSettingException("radius rule", $"radius rule '{text}': unknown part '{pieces[0]}' (fixed, scale, min)"),
            };
        }

        return rule;
    }

    public override string ToString() => Fixed is { } f
        ? $"fixed:{f.ToString(CultureInfo.InvariantCulture)}"
        : Scale == 1.0 && Minimum == 1.0 ? "lesion" : $"scale:{Scale.ToString(CultureInfo.InvariantCulture)},min:{Minimum.ToString(CultureInfo.InvariantCulture)}";
}
