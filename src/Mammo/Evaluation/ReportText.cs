using System.Globalization;

namespace Mammo.Evaluation;

/// <summary>Python's number formatting and alignment, so the text reports match scikit-learn's byte for byte.</summary>
internal static class ReportText
{
    /// <summary>
    /// Python's <c>format(x, '.Nf')</c>. Both it and .NET (since Core 3.0, IEEE 754 compliant) round the exact binary
    /// value half to even, so 0.125 prints as 0.12 in both.
    /// </summary>
    public static string Fixed(double value, int digits) =>
        value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Right-aligns like Python's <c>'{:>N}'</c>, which counts code points, not UTF-16 units.</summary>
    public static string AlignRight(string text, int width)
    {
        var length = CodePoints(text);
        return length >= width ? text : new string(' ', width - length) + text;
    }

    public static string AlignLeft(string text, int width)
    {
        var length = CodePoints(text);
        return length >= width ? text : text + new string(' ', width - length);
    }

    public static int CodePoints(string text) => text.EnumerateRunes().Count();
}
