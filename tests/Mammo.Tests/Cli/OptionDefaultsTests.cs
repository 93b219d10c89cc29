using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Mammo.Learning.Inference;
using Mammo.Tests.TestSupport;
using Spectre.Console.Cli;

namespace Mammo.Tests.Cli;

/// <summary>
/// Each option's default is stated once, in its [DefaultValue]: Spectre applies it when the option is not given and
/// prints it in the help. An initialiser beside it would be overwritten by Spectre and could drift from the help.
/// </summary>
public sealed class OptionDefaultsTests
{
    public static TheoryData<Type> SettingsTypes() =>
        [.. typeof(Mammo.Cli.Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CommandSettings)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)];

    [Theory]
    [MemberData(nameof(SettingsTypes))]
    public void No_option_states_its_default_a_second_time_and_every_default_converts(Type settings)
    {
        var fresh = Activator.CreateInstance(settings)!;
        foreach (var property in settings.GetProperties().Where(p => p.IsDefined(typeof(CommandOptionAttribute))))
        {
            if (property.GetCustomAttribute<DefaultValueAttribute>() is not { Value: { } value })
            {
                continue;
            }

            var unset = property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null;
            Assert.True(Equals(unset, property.GetValue(fresh)), $"{settings.Name}.{property.Name} has an initialiser beside its [DefaultValue]");

            var converter = property.GetCustomAttribute<TypeConverterAttribute>() is { } attribute
                ? (TypeConverter)Activator.CreateInstance(Type.GetType(attribute.ConverterTypeName, throwOnError: true)!)!
                : TypeDescriptor.GetConverter(property.PropertyType);
            var converted = value.GetType() == property.PropertyType ? value : converter.ConvertFrom(null, CultureInfo.InvariantCulture, value);
            Assert.IsAssignableFrom(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, converted);
        }
    }

    [Fact]
    public void Help_shows_the_defaults_from_the_attributes()
    {
        var predict = CliRunner.Run("predict", "--help").Output.Split('\n');
        var train = CliRunner.Run("train", "--help").Output.Split('\n');

        Assert.Contains(ScanHeatmap.DefaultRadiiText, predict.Single(l => l.Contains("--radii", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(ScanHeatmap.DefaultMinimumInside.ToString(CultureInfo.InvariantCulture), predict.Single(l => l.Contains("--min-inside", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("0.6,0.2,0.2", train.Single(l => l.Contains("--split", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(" 60 ", train.Single(l => l.Contains("--epochs", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
