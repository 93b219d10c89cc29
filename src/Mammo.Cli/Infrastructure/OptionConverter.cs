using System.ComponentModel;
using System.Globalization;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// A Spectre type converter for one option's text. A value it refuses is an <see cref="InvalidSettingException"/>
/// that names the option and the value: Spectre wraps it, and <see cref="CommandErrors"/> prints its message as the
/// one line (Spectre's own wording names neither).
/// </summary>
public abstract class OptionConverter<T> : TypeConverter
{
    /// <summary>The option as typed, e.g. "--split".</summary>
    protected abstract string OptionName { get; }

    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Parse(text) : base.ConvertFrom(context, culture, value);

    /// <summary>The value of the option's text.</summary>
    /// <exception cref="InvalidSettingException">Not a value of the option.</exception>
    public T Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value, out var problem) ? value : throw new InvalidSettingException(OptionName, problem);
    }

    /// <summary>The value, or false and the one line that says what is wrong, naming the option and the text.</summary>
    protected abstract bool TryParse(string text, out T value, out string problem);

    /// <summary>Comma-separated numbers, each NaN where it is not a number as <see cref="TryNumber"/> reads one.</summary>
    protected static double[] Numbers(string text) =>
        [.. text.Split(',').Select(p => TryNumber(p, out var v) ? v : double.NaN)];

    /// <summary>A number as the command line writes it: invariant culture, finite.</summary>
    protected static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
